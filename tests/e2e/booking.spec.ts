import type { Browser, Locator, Page } from '@playwright/test';
import { ADMIN, expect, expectAccessible, hydrated, login, mailText, tabTo, test } from './support';
import { allowFailedLoads } from './support';

test.setTimeout(180_000);

async function typeInto(page: Page, field: Locator, text: string) {
	await tabTo(page, field);
	await page.keyboard.type(text);
}

/** A closed <select> with focus picks an option by typing its first letters (no mouse). */
async function chooseByKeyboard(page: Page, select: Locator, text: string, value: string) {
	await tabTo(page, select);
	await page.keyboard.type(text);
	await expect(select).toHaveValue(value);
}

async function pressButton(page: Page, name: string) {
	await tabTo(page, page.getByRole('button', { name, exact: true }));
	await page.keyboard.press('Enter');
}

/** The newest mail to `to`, as its recipient got it; returns its first link matching `pattern`. */
async function linkFromOutbox(admin: Page, to: string, pattern: RegExp): Promise<string> {
	const text = await mailText(admin, to);
	const link = text.match(pattern)?.[0];
	expect(link, `link in the mail to ${to}`).toBeTruthy();
	return link!;
}

async function bookByKeyboard(page: Page, email: string, axe: boolean) {
	const check = async (state: string) => {
		if (axe) await expectAccessible(page, state);
	};
	await page.goto('/termin');
	if (axe) await hydrated(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Beratung buchen');
	await check('booking step 1');
	// Step 1 without a Land: a German error, then the Land by keyboard.
	await pressButton(page, 'Weiter');
	await expect(page.getByRole('alert')).toBeVisible();
	await check('booking step 1 with error');
	await chooseByKeyboard(page, page.locator('#land'), 'Nordrhein', 'DE-NW');
	await pressButton(page, 'Weiter');
	// Step 2: the responsible office is preselected.
	await expect(page.locator('#buero')).toBeChecked();
	await expect(page.locator('label[for="buero"]')).toContainText('zuständig für Nordrhein-Westfalen');
	await check('booking step 2');
	await pressButton(page, 'Weiter');
	// Step 3: format.
	const atOffice = page.getByRole('radio', { name: 'Im Regionalbüro' });
	await tabTo(page, atOffice);
	await page.keyboard.press('Space');
	await expect(atOffice).toBeChecked();
	await check('booking step 3');
	await pressButton(page, 'Weiter');
	// Step 4: the first free slot, from an accessible list grouped by day.
	await expect(
		page.getByRole('group', { name: 'Freie Termine' }).or(page.locator('fieldset').first())
	).toBeVisible();
	await check('booking step 4');
	const slot = page.locator('#slot');
	const slotLabel = (await page.locator('label[for="slot"]').textContent())!.trim();
	await tabTo(page, slot);
	await page.keyboard.press('Space');
	await expect(slot).toBeChecked();
	await pressButton(page, 'Weiter');
	// Step 5: an empty submit shows every error, focused; then the intake by keyboard.
	await check('booking step 5');
	await pressButton(page, 'Termin anfragen');
	const summary = page.getByRole('alert');
	await expect(summary).toBeFocused();
	await check('booking step 5 with errors');
	await typeInto(page, page.locator('#name'), 'Kim Kreativ');
	await typeInto(page, page.locator('#email'), email);
	await chooseByKeyboard(page, page.locator('#submarket'), 'Design', 'design');
	await chooseByKeyboard(page, page.locator('#stage'), 'Gr', 'gruendung');
	await typeInto(
		page,
		page.locator('#concern'),
		'Ich möchte ein Designstudio gründen und meine Preise kalkulieren.'
	);
	const processing = page.locator('#consent_processing');
	await tabTo(page, processing);
	await page.keyboard.press('Space');
	await expect(processing).toBeChecked();
	await pressButton(page, 'Termin anfragen');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bitte bestätigen Sie Ihre E-Mail');
	await check('booking requested');
	return slotLabel;
}

async function adminPage(browser: Browser) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await login(page, ADMIN);
	return { context, page };
}

test('book by keyboard with JavaScript: request, confirm from the mail, manage, cancel', async ({
	page,
	browser
}) => {
	allowFailedLoads(
		[400, 409],
		'the form is sent with mistakes, then a second first consultation is refused, on purpose'
	);
	const email = `kim.${Date.now()}@example.org`;
	const slotLabel = await bookByKeyboard(page, email, true);
	const admin = await adminPage(browser);
	const confirmLink = await linkFromOutbox(
		admin.page,
		email,
		/https?:\/\/\S+\/termin\/bestaetigen\/[A-Za-z0-9_-]+/
	);
	await expectAccessible(admin.page, 'booking mail in Postausgang');

	// The link opens a page; only its button confirms (mail scanners cannot).
	await page.goto(confirmLink);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Termin bestätigen');
	await expectAccessible(page, 'confirm page');
	await pressButton(page, 'Termin bestätigen');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ihr Termin');
	await expect(page.getByText(slotLabel.split(' – ')[0]!).first()).toBeVisible();
	await expectAccessible(page, 'manage page');
	const ics = await page.request.get(
		(await page.getByRole('link', { name: /termin\.ics/ }).getAttribute('href'))!
	);
	expect(ics.headers()['content-type']).toContain('text/calendar');
	expect(await ics.text()).toContain('TZID=Europe/Berlin');

	// The confirmation with the .ics is in Postausgang too.
	await admin.page.goto(`/intern/postausgang?to=${encodeURIComponent(email)}`);
	await expect(admin.page.getByRole('link', { name: /Ihr Termin ist bestätigt/ })).toBeVisible();

	// A second first consultation for the same address is refused with a clear message.
	await page.goto('/termin?land=DE-NW&buero=nw&format=office');
	await page.locator('#slot').check();
	await page.getByRole('button', { name: 'Weiter' }).click();
	await page.locator('#name').fill('Kim Kreativ');
	await page.locator('#email').fill(email);
	await page.locator('#submarket').selectOption('design');
	await page.locator('#stage').selectOption('idee');
	await page.locator('#concern').fill('Noch ein Termin');
	await page.locator('#consent_processing').check();
	await page.getByRole('button', { name: 'Termin anfragen' }).click();
	await expect(page.getByText('Sie haben bereits einen offenen Termin für ein Erstgespräch.')).toBeVisible();
	await expectAccessible(page, 'limit reached');

	// Cancel from the manage page.
	await page.goto(confirmLink.replace(/bestaetigen\/.*/, ''));
	const confirmation = await mailText(admin.page, email, /Ihr Termin ist bestätigt/);
	const manageLink = confirmation.match(/https?:\/\/\S+\/termin\/verwalten\/[A-Za-z0-9_-]+/)![0];
	await page.goto(manageLink);
	await pressButton(page, 'Termin absagen');
	// Issue 16: cancelling asks first (an optional reason), by keyboard too.
	await expect(page.getByRole('heading', { level: 2, name: 'Termin wirklich absagen?' })).toBeVisible();
	await expectAccessible(page, 'cancel confirmation');
	await pressButton(page, 'Ja, Termin absagen');
	await expect(page.getByText(/abgesagt/).first()).toBeVisible();
	await expectAccessible(page, 'cancelled');
	await admin.context.close();
});

test('book by keyboard without JavaScript', async ({ browser }) => {
	allowFailedLoads([400], 'the form is sent with mistakes on purpose');
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	const email = `nojs.${Date.now()}@example.org`;
	await bookByKeyboard(page, email, false);
	const admin = await adminPage(browser);
	const confirmLink = await linkFromOutbox(
		admin.page,
		email,
		/https?:\/\/\S+\/termin\/bestaetigen\/[A-Za-z0-9_-]+/
	);
	await page.goto(confirmLink);
	await pressButton(page, 'Termin bestätigen');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ihr Termin');
	await admin.context.close();
	await context.close();
});
