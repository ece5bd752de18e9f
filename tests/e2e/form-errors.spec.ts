import type { Page } from '@playwright/test';
import { ADMIN, expect, expectAccessible, hydrated, login, test } from './support';
import { allowFailedLoads } from './support';

/**
 * Issue 16: all errors of a form in one round — a schema error (a field missing) and a rule
 * error (a deadline in the past, an address or key already taken) are reported together. Every
 * form sent empty: every-form.spec.ts.
 */
test.setTimeout(180_000);

/**
 * Submits the page's main form as filled so far, without the browser's own validation, and
 * expects the error summary to name each of `expected` (a field label the entry starts with, or
 * a pattern for a rule's message). The entries, for further checks.
 */
async function submitAsIs(page: Page, ...expected: (string | RegExp)[]): Promise<string[]> {
	const form = page.locator('main form[method="POST"]').first();
	await form.evaluate((f: HTMLFormElement) => {
		f.noValidate = true;
	});
	await form.locator('button[type="submit"]').first().click();
	await expect(page.locator('.error-summary')).toBeVisible();
	const entries = await page.locator('.error-summary li a').allTextContents();
	for (const want of expected) {
		const named = entries.some((e) => (typeof want === 'string' ? e.startsWith(want) : want.test(e)));
		expect(named, `${want} in: ${entries.join(' | ')}`).toBe(true);
	}
	return entries;
}

test('a schema error and a rule error are reported together (no second round)', async ({ page }) => {
	allowFailedLoads([400], 'every form is sent with mistakes on purpose');
	await login(page, ADMIN);
	// A new event: the title missing (schema) and the start in the past (a rule checked against now).
	await page.goto('/intern/buero/bw/veranstaltungen/neu');
	await hydrated(page);
	await page.locator('#start_date').fill('2020-01-06');
	await page.locator('#start_time').fill('10:00');
	await page.locator('#end_time').fill('12:00');
	await submitAsIs(page, 'Titel', /Zukunft/);
	await expectAccessible(page, 'new event with a schema and a rule error');
	// Inviting staff: the name missing (schema) and the address already taken (a database rule).
	await page.goto('/intern/admin/benutzer/neu');
	await hydrated(page);
	await page.locator('main input[name="email"]').fill(ADMIN);
	await submitAsIs(page, 'Name', /bereits einen Zugang/);
	// A new office: the name missing (schema) and the key already used (a database rule, issue 16).
	await page.goto('/intern/admin/stammdaten/bueros/neu');
	await hydrated(page);
	await page.locator('main input[name="key"]').fill('nw');
	await submitAsIs(page, 'Name', /Kürzel ist bereits vergeben/);
	await expectAccessible(page, 'new office with a schema and a rule error');
});

test('the request form reports a past deadline together with the other errors', async ({ page }) => {
	allowFailedLoads([400], 'the form is sent with mistakes on purpose');
	await page.goto('/gesuche/neu');
	await hydrated(page);
	await page.getByLabel(/Frist/).fill('2020-01-01');
	const entries = await submitAsIs(page, 'Frist');
	expect(entries.length).toBeGreaterThan(2);
});
