import { expect, test } from '@playwright/test';
import { ADMIN, expectAccessible, hydrated, LEAD_NW, staffPage } from './support';
import { confirmBookingFromMail, requestBooking } from './booking-steps';

/**
 * Issue 13, part 5: free text that protects people from themselves. A booking concern with a
 * social insurance number warns before anything is stored; the person edits it and sends. Then
 * the office lead's record note with a health word is blocked until the lead chooses.
 */
test.setTimeout(240_000);
test.use({ actionTimeout: 20_000 });

const WARNING = 'Bitte prüfen Sie Ihren Text, bevor wir ihn speichern';

test('booking concern with an SV number warns; a record note with a health word is blocked until confirmed', async ({
	browser
}) => {
	const email = `freitext.${Date.now()}@example.org`;
	const name = `Frida Freitext ${Date.now() % 100000}`;
	const creative = await (await browser.newContext()).newPage();

	// 1. The booking: the concern carries a social insurance number.
	await requestBooking(creative, 'land=DE-NW&buero=nw&format=phone', {
		name,
		email,
		phone: '0221 1234567',
		submarket: 'design',
		stage: 'gruendung',
		concern: 'Frage zur KSK. Meine Nummer ist 12 150385 M 023.',
		notesConsent: true
	});

	const warning = creative.getByRole('region', { name: WARNING });
	await expect(warning).toContainText('eine Sozialversicherungsnummer');
	await expect(creative.locator('.error-summary')).toContainText('Noch ist nichts gespeichert.');
	await expect(creative.locator('#concern')).toHaveValue('Frage zur KSK. Meine Nummer ist 12 150385 M 023.');
	await expectAccessible(creative, 'booking concern with a social insurance number');

	// "Text ändern" leads back to the text; without the number the request goes out.
	await warning.getByRole('link', { name: 'Text ändern' }).click();
	await expect(creative.locator('#concern')).toBeFocused();
	await creative.locator('#concern').fill('Frage zur KSK.');
	await creative.getByRole('button', { name: 'Termin anfragen' }).click();
	await expect(creative.getByRole('heading', { level: 1 })).toHaveText('Bitte bestätigen Sie Ihre E-Mail');
	await expectAccessible(creative, 'booking sent after editing');

	const admin = await staffPage(browser, ADMIN);
	await confirmBookingFromMail(creative, admin, email);

	// 2. The office lead records a talk; the note names a diagnosis.
	const lead = await staffPage(browser, LEAD_NW);
	await lead.goto(`/intern/buero/nw/begleitungen?q=${encodeURIComponent(name)}`);
	await lead.getByRole('link', { name }).first().click();
	await expect(lead.getByRole('heading', { level: 1 })).toHaveText(`Begleitung: ${name}`);
	await lead.goto(`${lead.url().split('?')[0]}/gespraech`);
	await hydrated(lead);
	await lead.getByLabel('Ergebnis').selectOption({ index: 1 });
	const note = 'Seit der Diagnose kann sie nur halbtags arbeiten.';
	await lead.getByLabel('Ausgangslage (Notiz)').fill(note);
	await lead.getByRole('button', { name: 'Gespräch speichern' }).click();
	const blocked = lead.getByRole('region', { name: WARNING });
	await expect(blocked).toContainText('Gesundheit, Religion');
	await expect(lead.getByLabel('Ausgangslage (Notiz)')).toHaveValue(note);
	await expectAccessible(lead, 'record note with a health word, blocked');

	// Saving the form again as it is does not get past the guard; only the explicit choice does.
	await lead.getByRole('button', { name: 'Gespräch speichern' }).click();
	await expect(lead.getByRole('region', { name: WARNING })).toBeVisible();
	await lead.getByRole('button', { name: 'Trotzdem speichern' }).click();
	await expect(lead.getByRole('status')).toHaveText('Das Gespräch ist dokumentiert.');
	await expectAccessible(lead, 'case page after the confirmed note');
});
