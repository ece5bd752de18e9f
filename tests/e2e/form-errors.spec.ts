import type { Page } from '@playwright/test';
import { ADMIN, expect, expectAccessible, hydrated, login, test } from './support';
import { allowFailedLoads } from './support';

/**
 * Issue 16 (WCAG 3.3.1): every form, submitted empty, lists all its errors at once in the
 * summary, and every entry names its field ("Name: Bitte füllen Sie dieses Feld aus."). The
 * browser's own validation is switched off (novalidate), as for a user agent without it, so the
 * server's answer is what is tested.
 */
test.setTimeout(180_000);

const PUBLIC_FORMS = [
	'/anmelden',
	'/anmelden/passwort-vergessen',
	'/portal/anmelden',
	'/termin/link-anfordern',
	'/gesuche/neu'
];

const STAFF_FORMS = [
	'/intern/admin/benutzer/neu',
	'/intern/admin/stammdaten/bueros/neu',
	'/intern/anlaufstellen/neu',
	'/intern/buero/bw/veranstaltungen/neu',
	'/intern/buero/bw/begleitungen/neu',
	'/intern/buero/bw/sprechtage',
	'/intern/konto'
];

async function submitEmpty(page: Page, path: string): Promise<string[]> {
	await page.goto(path);
	await hydrated(page);
	// The page's main form: the first POST form with a field to fill in (not a row's button).
	const form = page
		.locator('main form[method="POST"], main form[method="post"]')
		.filter({ has: page.locator('input:not([type=hidden]), textarea, select') })
		.first();
	await form.evaluate((f: HTMLFormElement) => {
		f.noValidate = true;
		for (const el of f.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
			'input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=file]), textarea'
		))
			el.value = '';
		for (const el of f.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) el.checked = false;
	});
	await form.locator('button[type="submit"]').first().click();
	const summary = page.locator('.error-summary');
	await expect(summary, `error summary on ${path}`).toBeVisible();
	await expectAccessible(page, `${path} submitted empty`);
	return summary.locator('li a').allTextContents();
}

function expectNamed(path: string, entries: string[]): void {
	expect(entries.length, `field errors on ${path}`).toBeGreaterThan(0);
	for (const entry of entries)
		expect(entry.trim(), `${path}: "${entry}" names its field`).toMatch(/^[^:]{2,}: \S/);
	expect(new Set(entries).size, `${path}: entries tell the fields apart`).toBe(entries.length);
}

test('public forms submitted empty name every field in the error summary', async ({ page }) => {
	allowFailedLoads([400], 'every form is sent empty on purpose');
	for (const path of PUBLIC_FORMS) expectNamed(path, await submitEmpty(page, path));
	// The request form reports a past deadline together with the other errors (no second round).
	await page.goto('/gesuche/neu');
	await hydrated(page);
	await page.getByLabel(/Frist/).fill('2020-01-01');
	const entries = await (async () => {
		const form = page.locator('main form[method="POST"]').first();
		await form.evaluate((f: HTMLFormElement) => {
			f.noValidate = true;
		});
		await form.locator('button[type="submit"]').first().click();
		return page.locator('.error-summary li a').allTextContents();
	})();
	expect(entries.some((e) => e.startsWith('Frist'))).toBe(true);
	expect(entries.length).toBeGreaterThan(2);
});

test('staff forms submitted empty name every field in the error summary', async ({ page }) => {
	allowFailedLoads([400], 'every form is sent empty on purpose');
	await login(page, ADMIN);
	for (const path of STAFF_FORMS) expectNamed(path, await submitEmpty(page, path));
});

/** Submits the page's main form as filled so far, without the browser's own validation. */
async function submitAsIs(page: Page): Promise<string[]> {
	const form = page.locator('main form[method="POST"]').first();
	await form.evaluate((f: HTMLFormElement) => {
		f.noValidate = true;
	});
	await form.locator('button[type="submit"]').first().click();
	await expect(page.locator('.error-summary')).toBeVisible();
	return page.locator('.error-summary li a').allTextContents();
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
	let entries = await submitAsIs(page);
	expect(
		entries.some((e) => e.startsWith('Titel')),
		entries.join(' | ')
	).toBe(true);
	expect(
		entries.some((e) => /Zukunft/.test(e)),
		entries.join(' | ')
	).toBe(true);
	await expectAccessible(page, 'new event with a schema and a rule error');
	// Inviting staff: the name missing (schema) and the address already taken (a database rule).
	await page.goto('/intern/admin/benutzer/neu');
	await hydrated(page);
	await page.locator('main input[name="email"]').fill(ADMIN);
	entries = await submitAsIs(page);
	expect(
		entries.some((e) => e.startsWith('Name')),
		entries.join(' | ')
	).toBe(true);
	expect(
		entries.some((e) => /bereits einen Zugang/.test(e)),
		entries.join(' | ')
	).toBe(true);
	// A new office: the name missing (schema) and the key already used (a database rule, issue 16).
	await page.goto('/intern/admin/stammdaten/bueros/neu');
	await hydrated(page);
	await page.locator('main input[name="key"]').fill('nw');
	entries = await submitAsIs(page);
	expect(
		entries.some((e) => e.startsWith('Name')),
		entries.join(' | ')
	).toBe(true);
	expect(
		entries.some((e) => /Kürzel ist bereits vergeben/.test(e)),
		entries.join(' | ')
	).toBe(true);
	await expectAccessible(page, 'new office with a schema and a rule error');
});

/**
 * The first page linked from `listPath` (and its next pages, `?page=n`) whose path matches
 * `pattern` and which holds `has`: the demo's entries change with the day the suite runs.
 */
async function firstDetail(page: Page, listPath: string, pattern: RegExp, has: string): Promise<string> {
	const seen = new Set<string>();
	for (let n = 1; n <= 4; n++) {
		await page.goto(`${listPath}${listPath.includes('?') ? '&' : '?'}page=${n}`);
		const paths = (
			await page
				.locator('main a[href]')
				.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))
		).filter((p) => pattern.test(p) && !seen.has(p));
		if (paths.length === 0) break;
		for (const path of new Set(paths)) {
			seen.add(path);
			await page.goto(path);
			if ((await page.locator(has).count()) > 0) return path;
		}
	}
	throw new Error(`no page from ${listPath} with ${has} (${seen.size} looked at)`);
}

test('forms on pages of the demo data submitted empty name every field too', async ({ page, browser }) => {
	allowFailedLoads([400], 'every form is sent empty on purpose');
	// Public: an event's registration form and a published profile's contact form.
	const event = await firstDetail(
		page,
		'/veranstaltungen',
		/^\/veranstaltungen\/\d+$/,
		'main form input[name="email"]'
	);
	expectNamed(event, await submitEmpty(page, event));
	const profile = await firstDetail(page, '/kreative', /^\/kreative\/\d+$/, 'main form[action="?/contact"]');
	expectNamed(profile, await submitEmpty(page, profile));
	// Staff: an office's master data and the accompaniment settings.
	const staff = await (await browser.newContext()).newPage();
	await login(staff, ADMIN);
	const office = await firstDetail(
		staff,
		'/intern/admin/stammdaten/bueros',
		/^\/intern\/admin\/stammdaten\/bueros\/\d+$/,
		'main form input[name="name"]'
	);
	for (const path of [office, '/intern/buero/bw/begleitungen/einstellungen'])
		expectNamed(path, await submitEmpty(staff, path));
});
