import { expect, test } from './support';
import { allowFailedLoads } from './support';
import { expectAccessible, login } from './support';

test.setTimeout(150_000);

/** A Wednesday at least five days ahead, as YYYY-MM-DD (demo hours: Mon–Thu 09–12 at the office). */
function nextWednesday(): string {
	const d = new Date(Date.now() + 5 * 86_400_000);
	while (d.getUTCDay() !== 3) d.setUTCDate(d.getUTCDate() + 1);
	return d.toISOString().slice(0, 10);
}

test('an office lead books for a caller, finds it in the calendar, moves it and cancels it with a reason', async ({
	page
}) => {
	allowFailedLoads([400], 'booking without consent and cancelling without a reason are tried on purpose');
	await login(page, 'sabine.kowalski@demo.kreativlotse.de');
	await page.goto('/intern/buero/nw');
	await page
		.getByRole('link', { name: /Kalender/ })
		.first()
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Kalender');
	await expectAccessible(page, 'calendar day view');
	await page.goto('/intern/buero/nw/kalender?ansicht=woche');
	await expectAccessible(page, 'calendar week view');

	const day = nextWednesday();
	await page.goto(`/intern/buero/nw/kalender/neu?tag=${day}&format=office`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Termin für Anrufende buchen');
	await expectAccessible(page, 'book on behalf');
	// Missing consent and data: errors, nothing booked.
	await page.locator('#slot').check();
	await page.getByRole('button', { name: 'Termin buchen' }).click();
	await expect(page.getByRole('alert').first()).toBeVisible();
	await expectAccessible(page, 'book on behalf with errors');
	await page.locator('#slot').check();
	await page.locator('#name').fill('Paula Anrufer');
	await page.locator('#email').fill(`paula.${Date.now()}@example.org`);
	await page.locator('#land').selectOption('DE-NW');
	await page.locator('#submarket').selectOption('musik');
	await page.locator('#stage').selectOption('idee');
	await page.locator('#concern').fill('Anruf: Fragen zur Künstlersozialkasse.');
	await page.locator('#consentProcessing').check();
	await page.getByRole('button', { name: 'Termin buchen' }).click();
	await expect(page.getByRole('status')).toContainText('Der Termin ist gebucht.');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Termin am');
	await expectAccessible(page, 'booking detail');
	// Attendance cannot be recorded before the start.
	await expect(page.getByText('Die Anwesenheit kann ab Beginn des Termins erfasst werden.')).toBeVisible();

	// Move it to another free time the same week.
	const detailUrl = page.url();
	await page.getByRole('radio').first().check();
	await page.getByRole('button', { name: 'Termin verschieben' }).click();
	await expect(page.getByRole('status')).toContainText('verschoben');

	// Cancelling needs a reason.
	await page.getByRole('button', { name: 'Termin absagen' }).click();
	await expect(page.getByRole('alert').first()).toBeVisible();
	await expectAccessible(page, 'cancel without reason');
	await page.locator('#reason').fill('Die Person hat abgesagt.');
	await page.getByRole('button', { name: 'Termin absagen' }).click();
	await expect(page.getByRole('status')).toContainText('abgesagt');
	await expect(page.getByRole('table', { name: 'Verlauf des Termins' })).toBeVisible();
	expect(page.url()).toContain(detailUrl.split('?')[0]!);

	// The office's availability and Sprechtage pages.
	for (const path of [
		'/intern/buero/nw/verfuegbarkeit',
		'/intern/buero/nw/sprechtage',
		'/en/intern/buero/nw/kalender'
	]) {
		expect((await page.goto(path))?.status(), path).toBe(200);
		await expectAccessible(page, path);
	}
});

test('a consultant sees only their own calendar and cannot change office settings', async ({ page }) => {
	allowFailedLoads([404], 'another office’s calendar is asked for on purpose');
	await login(page, 'marco.esposito@demo.kreativlotse.de');
	expect((await page.goto('/intern/buero/nw/kalender'))?.status()).toBe(200);
	await expect(page.getByLabel('Beraterin oder Berater')).toHaveCount(0);
	await expectAccessible(page, 'consultant calendar');
	expect((await page.goto('/intern/buero/nw/verfuegbarkeit'))?.status()).toBe(200);
	await expectAccessible(page, 'consultant availability');
	expect((await page.goto('/intern/buero/by/kalender'))?.status()).toBe(404);
});
