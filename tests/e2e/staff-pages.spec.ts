import { expect, test } from './support';
import { allowFailedLoads } from './support';
import { ADMIN, expectAccessible, login } from './support';

// Every staff page on a year of demo data, each with axe and the 320 px reflow check.
test.setTimeout(300_000);

// Every staff page state not already reached by a journey, German and English, scanned by axe.
test('every staff page is reachable for a network admin and accessible', async ({ page }) => {
	await login(page, ADMIN);
	const pages = [
		'/intern',
		'/intern/konto',
		'/intern/postausgang',
		'/intern/postausgang?status=pending',
		'/intern/admin/benutzer',
		'/intern/admin/benutzer/neu',
		'/intern/admin/protokoll',
		'/intern/admin/protokoll?action=demo.seeded',
		'/intern/admin/stammdaten',
		'/intern/admin/stammdaten/bueros',
		'/intern/admin/stammdaten/bueros/neu',
		'/intern/admin/stammdaten/teilmaerkte',
		'/intern/admin/stammdaten/teilmaerkte/kunsthandwerk',
		'/intern/admin/stammdaten/themen',
		'/intern/admin/stammdaten/phasen',
		'/intern/admin/stammdaten/postleitzahlen',
		'/intern/admin/stammdaten/postleitzahlen?plz=21039',
		'/intern/buero/sn-st-th',
		'/abmelden'
	];
	for (const path of pages) {
		for (const prefix of ['', '/en']) {
			const response = await page.goto(prefix + path);
			expect(response?.status(), prefix + path).toBe(200);
			await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
			await expectAccessible(page, prefix + path);
		}
	}
});

test('a consultant sees their office and the outbox, but no admin pages', async ({ page }) => {
	allowFailedLoads([404], 'admin pages and another office are asked for on purpose');
	await login(page, 'leonie.wagner@demo.kreativlotse.de');
	await expect(page.getByRole('link', { name: 'Benutzer' })).toHaveCount(0);
	expect((await page.goto('/intern/buero/nw'))?.status()).toBe(200);
	await expect(page.getByRole('button', { name: 'Speichern' })).toHaveCount(0);
	await expectAccessible(page, 'office page for a consultant');
	for (const path of [
		'/intern/admin/benutzer',
		'/intern/admin/stammdaten',
		'/intern/admin/protokoll',
		'/intern/buero/by'
	]) {
		expect((await page.goto(path))?.status(), path).toBe(404);
	}
	expect((await page.goto('/intern/postausgang'))?.status()).toBe(200);
});
