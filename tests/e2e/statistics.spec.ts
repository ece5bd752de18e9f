import { expect, test } from './support';
import { allowFailedLoads } from './support';
import { ADMIN, expectAccessible, login } from './support';

test.setTimeout(180_000);
test.use({ actionTimeout: 15_000 });

/** Consultant of hh-mv-sh; no other spec signs in with this account. */
const CONSULTANT = 'malte.hinrichs@demo.kreativlotse.de';
const OFFICE = 'hh-mv-sh';

test('a consultant sees their office, exports it, and is denied another office', async ({ page }) => {
	allowFailedLoads([404], 'another office’s statistics are asked for on purpose');
	await login(page, CONSULTANT);
	await page
		.getByRole('navigation', { name: 'Interner Bereich' })
		.getByRole('link', { name: 'Statistik' })
		.click();
	await page.waitForURL(new RegExp(`/statistik\\?.*buero=${OFFICE}`));
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Statistik –');
	await expect(page.getByText('Sie sehen die genauen Zahlen Ihres Büros.')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Sichtbarkeit' })).toBeVisible();
	await expect(page.locator('figure svg').first()).toBeVisible();
	await expectAccessible(page, 'statistics dashboard (office)');

	// Another period through the form (a plain GET form).
	await page.getByLabel('Zeitraum', { exact: true }).selectOption('quartal');
	await page.getByLabel('Quartal', { exact: true }).selectOption('1');
	await page.getByRole('button', { name: 'Anzeigen' }).click();
	await page.waitForURL(/zeitraum=quartal/);
	await expect(page.getByText(/\d{4}-01 bis \d{4}-03/)).toBeVisible();

	const csv = await page.request.get(`/statistik/export.csv?buero=${OFFICE}&table=teilmarkt&sep=semicolon`);
	expect(csv.status()).toBe(200);
	expect(csv.headers()['content-type']).toContain('text/csv');
	const body = await csv.text();
	expect(body.charCodeAt(0)).toBe(0xfeff);
	expect(body).toContain('Teilmarkt;Anzahl');
	const xlsx = await page.request.get(`/statistik/export.xlsx?buero=${OFFICE}`);
	expect(xlsx.status()).toBe(200);
	expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');

	// Another office's figures: 404, in the page and in the exports.
	const denied = await page.goto('/statistik?buero=nw');
	expect(denied?.status()).toBe(404);
	expect((await page.request.get('/statistik/export.csv?buero=nw&table=kennzahlen')).status()).toBe(404);
	expect((await page.request.get('/statistik/jahresbericht?buero=nw')).status()).toBe(404);

	// The annual report of the own office.
	await page.goto(`/statistik/jahresbericht?buero=${OFFICE}`);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Jahresbericht');
	await expectAccessible(page, 'annual report (office)');
});

test('a network admin sees all offices, suppressed, and the network annual report', async ({ page }) => {
	await login(page, ADMIN);
	await page.goto('/statistik');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Statistik – alle Regionalbüros');
	await expect(page.getByText(/Werte unter 5 erscheinen als „< 5“/).first()).toBeVisible();
	await expect(page.getByRole('cell', { name: '< 5' }).first()).toBeAttached();
	await expectAccessible(page, 'statistics dashboard (network)');

	await page.goto('/statistik/jahresbericht');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Kreativlotse-Netzwerk');
	await expect(page.getByRole('table').first()).toBeVisible();
	await expectAccessible(page, 'annual report (network)');
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.report-filter')).toBeHidden();
	await expect(page.getByRole('table').first()).toBeVisible();
});
