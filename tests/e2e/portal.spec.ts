import { expect, test } from './support';
import { allowFailedLoads } from './support';
import { ADMIN, expectAccessible, login, mailText } from './support';
import { requestBooking } from './booking-steps';

test.setTimeout(150_000);

test('a creative signs in by magic link, sees the appointment, exports and deletes their data', async ({
	browser
}) => {
	allowFailedLoads([400], 'deleting without the confirmation tick is tried on purpose');
	const email = `portal.${Date.now()}@example.org`;
	const creative = await (await browser.newContext()).newPage();

	// A booking for this address (the quick way: first free slot at the NRW office).
	await requestBooking(creative, 'land=DE-NW&buero=nw&format=video', {
		name: 'Pia Portal',
		email,
		submarket: 'film',
		stage: 'idee',
		concern: 'Förderung für einen Kurzfilm'
	});
	await expect(creative.getByRole('heading', { level: 1 })).toHaveText('Bitte bestätigen Sie Ihre E-Mail');

	// Ask for a sign-in link: the same answer whether or not the address is known.
	await creative.getByRole('link', { name: 'Mein Bereich' }).click();
	await expect(creative.getByRole('heading', { level: 1 })).toHaveText('Mein Bereich: Anmelden');
	await expectAccessible(creative, 'portal sign-in');
	await creative.getByLabel('E-Mail-Adresse').fill(email);
	await creative.getByRole('button', { name: 'Anmeldelink senden' }).click();
	await expect(creative.getByRole('status')).toContainText('haben wir Ihnen einen Link geschickt');
	await expectAccessible(creative, 'portal link sent');

	const admin = await (await browser.newContext()).newPage();
	await login(admin, ADMIN);
	// A sign-in link is visible to nobody but its recipient (issue 13): Postausgang does not list it.
	await admin.goto(`/intern/postausgang?to=${encodeURIComponent(email)}`);
	await expect(admin.getByRole('link', { name: 'Kreativlotse: Ihr Anmeldelink' })).toHaveCount(0);
	const text = await mailText(admin, email, /Ihr Anmeldelink/);
	const link = text.match(/https?:\/\/\S+\/portal\/anmelden\/[A-Za-z0-9_-]+/)![0];

	// Opening the link changes nothing; the button signs in.
	await creative.goto(link);
	await expect(creative.getByRole('heading', { level: 1 })).toHaveText('Anmelden in „Mein Bereich“');
	await expectAccessible(creative, 'portal link page');
	await creative.getByRole('button', { name: 'Jetzt anmelden' }).click();
	await expect(creative.getByRole('heading', { level: 1 })).toHaveText('Mein Bereich');
	await expect(creative.getByText(`Angemeldet als ${email}`)).toBeVisible();
	await expect(
		creative.getByRole('table', { name: 'Meine Termine, neueste zuerst' }).locator('tbody tr')
	).toHaveCount(1);
	await expectAccessible(creative, 'portal home');
	// Staff pages stay closed to a creative.
	await creative.goto('/intern');
	await expect(creative).toHaveURL(/\/anmelden/);

	// Export: every row about me, as a download.
	const exported = await creative.request.get('/portal/daten.json');
	expect(exported.status()).toBe(200);
	expect(exported.headers()['content-disposition']).toContain('attachment');
	const body = JSON.stringify(await exported.json());
	expect(body).toContain(email);
	expect(body).toContain('Förderung für einen Kurzfilm');

	// Delete the account: consequences explained, confirmation required.
	await creative.goto('/portal/konto-loeschen');
	await expectAccessible(creative, 'delete account');
	await creative.getByRole('button', { name: 'Konto endgültig löschen' }).click();
	await expect(
		creative.getByText('Bitte bestätigen Sie, dass Sie Ihr Konto löschen möchten.').first()
	).toBeVisible();
	await expectAccessible(creative, 'delete account without confirmation');
	await creative.getByLabel('Ich habe verstanden, dass meine Daten endgültig gelöscht werden.').check();
	await creative.getByRole('button', { name: 'Konto endgültig löschen' }).click();
	await expect(creative.getByText('Ihr Konto und Ihre Daten sind gelöscht.')).toBeVisible();
	await creative.goto('/portal');
	await expect(creative).toHaveURL(/\/portal\/anmelden/);
	// The staff outbox no longer shows mails to that address.
	await admin.goto(`/intern/postausgang?to=${encodeURIComponent(email)}`);
	await expect(admin.locator('tbody tr')).toHaveCount(0);
});
