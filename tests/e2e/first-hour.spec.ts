import type { Page } from '@playwright/test';
import { ADMIN, expect, expectAccessible, login, test } from './support';

/**
 * Issue 11, part 2: the first hour on the demo network (seeded by the server at start with a
 * year of life). A consultant finds today's appointments and records one at once, the caseload
 * needs attention, the public sees profiles and events, and the statistics show real figures.
 */
test.setTimeout(180_000);
test.use({ actionTimeout: 15_000 });

/** Consultant of be-bb; no other spec signs in with this account. */
const CONSULTANT = 'paul.schroeder@demo.kreativlotse.de';
const OFFICE = 'be-bb';

async function figures(page: Page): Promise<number[]> {
	const cells = await page.locator('main td').allInnerTexts();
	return cells.map((c) => Number(c.replace(/\./g, '').replace(/\s/g, ''))).filter((n) => Number.isInteger(n));
}

test('a consultant records one of today’s appointments and sees a caseload that needs attention', async ({
	page
}) => {
	await login(page, CONSULTANT);
	await page.goto(`/intern/buero/${OFFICE}/kalender`);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Kalender');
	await expect(page.getByText('Keine Termine.')).toHaveCount(0);
	const rows = page.locator('main table tbody tr');
	expect(await rows.count()).toBeGreaterThanOrEqual(2);
	await expectAccessible(page, 'today’s calendar with appointments');

	// The first appointment of the day began before now: attendance can be recorded at once.
	await rows.first().getByRole('link').click();
	await page.waitForURL(new RegExp(`/intern/buero/${OFFICE}/kalender/\\d+`));
	const attended = page.getByRole('button', { name: 'Als wahrgenommen markieren' });
	await expect(attended).toBeVisible();
	await expectAccessible(page, 'appointment that has begun');
	await attended.click();
	await expect(page.locator('main dd', { hasText: 'Wahrgenommen' }).first()).toBeVisible();
	await expectAccessible(page, 'appointment recorded as attended');

	await page.goto(`/intern/buero/${OFFICE}/begleitungen`);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Begleitungen');
	const count = async (key: string) => Number(await page.locator(`dd[data-count="${key}"]`).textContent());
	expect(await count('open')).toBeGreaterThan(5);
	expect((await count('due')) + (await count('overdue'))).toBeGreaterThan(0);
	expect(await count('overdue')).toBeGreaterThan(0);
	expect(await count('overdueSteps')).toBeGreaterThan(0);
	expect(await count('stalled')).toBeGreaterThan(0);
	await expectAccessible(page, 'caseload with due, overdue and stalled cases');

	// The office's own statistics: exact figures of a year's work.
	await page.goto(`/statistik?buero=${OFFICE}`);
	expect((await figures(page)).filter((n) => n >= 5).length).toBeGreaterThan(5);
	await expectAccessible(page, 'office statistics with figures');
});

test('the public sees profiles and upcoming events, one of them with a waiting list', async ({ page }) => {
	await page.goto('/kreative');
	await expect(page.getByText(/^\d+ Profile$/)).toBeVisible();
	const shown = Number(((await page.getByText(/^\d+ Profile$/).textContent()) ?? '').split(' ')[0]);
	expect(shown).toBeGreaterThanOrEqual(30);
	await expectAccessible(page, 'profile directory');
	// Every profile says it is demo data, and has a generated picture.
	await page.locator('main a[href*="/kreative/"]').first().click();
	await page.waitForURL(/\/kreative\/\d+/);
	await expect(page.getByText(/Demo-Profil/)).toBeVisible();
	await expect(page.locator('main img').first()).toBeVisible();
	await expectAccessible(page, 'a demo profile');

	await page.goto('/veranstaltungen');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Veranstaltungen');
	await expect(page.getByText('Ausgebucht – Warteliste offen').first()).toBeVisible();
	expect(await page.locator('main article, main li h2, main li h3').count()).toBeGreaterThan(8);
	await expectAccessible(page, 'upcoming events');
});

test('the network admin’s statistics show figures that are not suppressed', async ({ page }) => {
	await login(page, ADMIN);
	await page.goto('/statistik');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Statistik – alle Regionalbüros');
	const numbers = await figures(page);
	expect(numbers.filter((n) => n >= 5).length).toBeGreaterThan(20);
	expect(Math.max(...numbers)).toBeGreaterThan(500);
	await expectAccessible(page, 'network statistics with real figures');
});
