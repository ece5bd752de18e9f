import { expect, test } from './support';
import { ADMIN, expectAccessible, hydrated, login, mailLink, staffPage } from './support';
import { confirmBookingFromMail, requestBooking } from './booking-steps';

/**
 * Issue 16 acceptance: a case whose only appointment is cancelled offers no follow-up and closes
 * itself; the record form refuses a talk that has not started and says why; cancelling asks first
 * (with an optional reason); the idle warning extends a staff session by keyboard; the audit log
 * reads as sentences. Every page state is scanned by axe and measured at 320 CSS px.
 */
test.setTimeout(240_000);
test.use({ actionTimeout: 20_000 });

// Baden-Württemberg: Lukas Schmid (the reset journey gives him the demo password back).
const CONSULTANT = 'lukas.schmid@demo.kreativlotse.de';
const CONSULTANT_NAME = 'Lukas Schmid';

test('cancelled-only case: no record before the talk, cancel with a reason, case closes, no follow-up', async ({
	browser
}) => {
	const email = `abgesagt.${Date.now()}@example.org`;
	const name = 'Ada Abgesagt';
	const creative = await (await browser.newContext()).newPage();

	// 1. A video consultation with Lukas Schmid, confirmed by e-mail.
	await requestBooking(creative, 'land=DE-BW&buero=bw&format=video', {
		consultantName: CONSULTANT_NAME,
		name,
		email,
		submarket: 'design',
		stage: 'idee',
		concern: 'Ich plane ein Designbüro.'
	});
	await expect(creative.getByRole('heading', { level: 1 })).toHaveText('Bitte bestätigen Sie Ihre E-Mail');
	const admin = await staffPage(browser, ADMIN);
	await confirmBookingFromMail(creative, admin, email);

	// 2. Before the talk the consultant cannot document it, and is told why.
	const consultant = await staffPage(browser, CONSULTANT);
	await consultant.goto('/intern/buero/bw/begleitungen');
	await consultant.getByRole('link', { name }).click();
	await expect(consultant.getByRole('heading', { level: 1 })).toHaveText(`Begleitung: ${name}`);
	const caseUrl = consultant.url();
	await consultant.getByRole('link', { name: 'Gespräch dokumentieren' }).click();
	await expect(
		consultant.getByRole('heading', { level: 2, name: 'Gespräch kann noch nicht dokumentiert werden' })
	).toBeVisible();
	await expect(
		consultant.getByText(/Sie können es ab Beginn des Termins dokumentieren, nicht vorher/)
	).toBeVisible();
	await expect(consultant.getByRole('button', { name: 'Gespräch speichern' })).toHaveCount(0);
	await expectAccessible(consultant, 'record form before the talk');
	// A call without booking can still be documented; what is typed survives a reload (draft).
	await consultant.getByRole('link', { name: 'Gespräch ohne Termin dokumentieren' }).click();
	await hydrated(consultant);
	await consultant.locator('#stepText1').fill('Unterlagen zum Gründungszuschuss sammeln');
	await consultant.waitForTimeout(600);
	await consultant.reload();
	await hydrated(consultant);
	await expect(consultant.locator('#stepText1')).toHaveValue('Unterlagen zum Gründungszuschuss sammeln');
	await expect(
		consultant.getByText('Ihr Entwurf aus diesem Browserfenster wurde wiederhergestellt.')
	).toBeVisible();
	await expectAccessible(consultant, 'record form with a restored draft');

	// 3. No follow-up in the portal before a first talk.
	await creative.goto('/portal/anmelden');
	await creative.getByLabel('E-Mail-Adresse').fill(email);
	await creative.getByRole('button', { name: 'Anmeldelink senden' }).click();
	await creative.goto(
		await mailLink(
			admin,
			email,
			/Kreativlotse: Ihr Anmeldelink/,
			/https?:\/\/\S+\/portal\/anmelden\/[A-Za-z0-9_-]+/
		)
	);
	await creative.getByRole('button', { name: 'Jetzt anmelden' }).click();
	await expect(creative.getByRole('heading', { level: 1 })).toHaveText('Mein Bereich');
	await expect(creative.getByRole('link', { name: /Folgetermin buchen/ })).toHaveCount(0);
	await creative.goto('/portal/folgetermin');
	await expect(creative.getByRole('button', { name: 'Folgetermin verbindlich buchen' })).toHaveCount(0);
	await expectAccessible(creative, 'portal follow-up before a talk');

	// 4. Cancelling asks first, with an optional reason.
	await creative.goto(
		await mailLink(
			admin,
			email,
			/Ihr Termin ist bestätigt/,
			/https?:\/\/\S+\/termin\/verwalten\/[A-Za-z0-9_-]+/
		)
	);
	await creative.getByRole('button', { name: 'Termin absagen' }).click();
	await expect(creative.getByRole('heading', { level: 2, name: 'Termin wirklich absagen?' })).toBeVisible();
	await expectAccessible(creative, 'cancel confirmation');
	await creative.getByLabel(/Grund der Absage/).selectOption('not_needed');
	await creative.getByRole('button', { name: 'Ja, Termin absagen' }).click();
	await expect(creative.getByText(/abgesagt/).first()).toBeVisible();
	await expectAccessible(creative, 'cancelled');

	// 5. The case closed itself; the office reads the reason in its mail.
	await consultant.goto(caseUrl);
	await expect(consultant.getByText('Kein Gespräch zustande gekommen').first()).toBeVisible();
	await expect(consultant.getByRole('link', { name: 'Folgetermin buchen' })).toHaveCount(0);
	await expectAccessible(consultant, 'case closed without a talk');
	await admin.goto(`/intern/postausgang?to=${encodeURIComponent(CONSULTANT)}`);
	await admin
		.getByRole('link', { name: /abgesagt/i })
		.first()
		.click();
	await expect(admin.locator('pre').first()).toContainText('Ich brauche die Beratung nicht mehr');

	// 6. The portal offers no follow-up for the closed case.
	await creative.goto('/portal');
	await expect(creative.getByRole('link', { name: /Folgetermin buchen/ })).toHaveCount(0);
	await expectAccessible(creative, 'portal after the cancellation');
});

test('the idle warning keeps a staff session by keyboard; the audit log says so in a sentence', async ({
	page
}) => {
	await login(page, ADMIN);
	// The browser's clock runs fast; the server's does not, so the session is still alive.
	await page.clock.install();
	await page.goto('/intern');
	await hydrated(page);
	await page.clock.fastForward('27:05');
	const dialog = page.getByRole('dialog', { name: 'Sind Sie noch da?' });
	await expect(dialog).toBeVisible();
	await expect(dialog.getByRole('button', { name: 'Angemeldet bleiben' })).toBeFocused();
	await expectAccessible(page, 'idle warning');
	await page.keyboard.press('Enter');
	await expect(dialog).toBeHidden();
	await expect(page.getByText('Sie bleiben angemeldet.')).toBeAttached();

	await page.goto('/intern/admin/protokoll?action=auth.session_extended');
	await expect(
		page.getByRole('rowheader', { name: 'Nadine Vogt hat die Sitzung verlängert.' }).first()
	).toBeVisible();
	await expectAccessible(page, 'audit log in sentences');
});
