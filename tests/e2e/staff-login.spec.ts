import { submitEachFormEmpty } from './empty-forms';
import { expect, test } from './support';
import { allowFailedLoads } from './support';
import { DEMO_PASSWORD, expectAccessible, freshTotp, LEAD_NW, login, tabTo } from './support';

test('keyboard only: password, TOTP, staff home, own office page', async ({ page }) => {
	await page.goto('/anmelden');
	await expectAccessible(page, 'login');
	await tabTo(page, page.getByLabel('E-Mail-Adresse'));
	await page.keyboard.type(LEAD_NW);
	await tabTo(page, page.getByLabel('Passwort', { exact: true }));
	await page.keyboard.type(DEMO_PASSWORD);
	await page.keyboard.press('Enter');
	await page.waitForURL(/\/anmelden\/zwei-faktor/);
	await expectAccessible(page, 'second factor');
	// form census: /anmelden/zwei-faktor
	allowFailedLoads([400], 'the code form is sent empty on purpose');
	await submitEachFormEmpty(page, 'second factor', () => page.goto('/anmelden/zwei-faktor'));
	const code = page.getByLabel('Sechsstelliger Code');
	await tabTo(page, code);
	await expect(code).toHaveAttribute('autocomplete', 'one-time-code');
	await page.keyboard.type(await freshTotp(LEAD_NW));
	await page.keyboard.press('Enter');
	await page.waitForURL(/\/intern$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Interner Bereich');
	await expectAccessible(page, 'staff home');
	await tabTo(
		page,
		page.getByRole('navigation', { name: 'Interner Bereich' }).getByRole('link', { name: 'Mein Büro' })
	);
	// Focus is visible: the focused link draws an outline.
	const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
	expect(outline).not.toBe('none');
	await page.keyboard.press('Enter');
	await page.waitForURL(/\/intern\/buero\/nw$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Nordrhein-Westfalen');
	await expectAccessible(page, 'office page');
});

test('a wrong password: the error summary takes focus, the address is kept, the password is not', async ({
	page
}) => {
	allowFailedLoads([400], 'a wrong password is sent on purpose');
	await page.goto('/anmelden');
	await page.getByLabel('E-Mail-Adresse').fill('miriam.becker@demo.kreativlotse.de');
	await page.getByLabel('Passwort', { exact: true }).fill('falsch-falsch-falsch');
	await page.getByRole('button', { name: 'Anmelden' }).click();
	const summary = page.getByRole('alert');
	await expect(summary).toContainText('E-Mail-Adresse oder Passwort ist falsch.');
	await expect(summary).toBeFocused();
	await expect(page.getByLabel('E-Mail-Adresse')).toHaveValue('miriam.becker@demo.kreativlotse.de');
	await expect(page.getByLabel('Passwort', { exact: true })).toHaveValue('');
	await expectAccessible(page, 'login failed');
});

test('an empty form: German field errors', async ({ page }) => {
	allowFailedLoads([400], 'the form is sent empty on purpose');
	await page.goto('/anmelden');
	await page.getByRole('button', { name: 'Anmelden' }).click();
	await expect(page.getByRole('alert')).toContainText('Bitte');
	await expectAccessible(page, 'login empty');
});

test('without JavaScript: sign in, then sign out ends the session', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	const email = 'anja.richter@demo.kreativlotse.de';
	await login(page, email, { js: false });
	await expect(page).toHaveURL(/\/intern$/);
	await page.getByRole('button', { name: 'Abmelden' }).click();
	await expect(page).toHaveURL(/\/anmelden/);
	await expect(page.getByText('Sie haben sich abgemeldet.')).toBeVisible();
	// (axe needs JavaScript; the same page is scanned with JavaScript in the other journeys.)
	await page.goto('/intern');
	await expect(page).toHaveURL(/\/anmelden\?weiter=%2Fintern/);
	await context.close();
});

test('English sign-in page', async ({ page }) => {
	await page.goto('/en/anmelden');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
	await expectAccessible(page, 'login (en)');
});

test('staff pages redirect to sign-in and the session cookie is HttpOnly and SameSite=Lax', async ({
	page,
	context
}) => {
	await page.goto('/intern/postausgang');
	await expect(page).toHaveURL(/\/anmelden\?weiter=%2Fintern%2Fpostausgang/);
	await login(page, 'tobias.neumann@demo.kreativlotse.de');
	const cookie = (await context.cookies()).find((c) => c.name.endsWith('kl_session'));
	expect(cookie?.httpOnly).toBe(true);
	expect(cookie?.sameSite).toBe('Lax');
});
