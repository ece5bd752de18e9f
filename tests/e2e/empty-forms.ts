import type { Page } from '@playwright/test';
import { expect, expectAccessible, hydrated } from './support';

/**
 * Issue 16 (WCAG 3.3.1): a form sent with its fields empty answers with an error summary whose
 * every entry names its field ("Name: Bitte füllen Sie dieses Feld aus.") and tells the fields
 * apart, all errors in one round. The browser's own validation is switched off (novalidate), as
 * for a user agent without it, so the server's answer is what is tested.
 */
export function expectNamed(state: string, entries: string[]): void {
	// Soft: one run reports every form that falls short, not only the first.
	expect.soft(entries.length, `field errors on ${state}`).toBeGreaterThan(0);
	for (const entry of entries)
		expect.soft(entry.trim(), `${state}: "${entry}" names its field`).toMatch(/^[^:]{2,}: \S/);
	expect
		.soft(new Set(entries).size, `${state}: entries tell the fields apart: ${entries.join(' | ')}`)
		.toBe(entries.length);
}

// Every form of the page: a GET lookup with a required field (a postcode) must answer too.
const FORMS = 'main form';

/**
 * Empties form `index` (of the page's forms) as a person who filled in nothing would send
 * it: text, date and number fields cleared, boxes and radios unticked, selects on their empty
 * option. Returns whether the browser's constraints then call it invalid; `send` also submits it
 * with its first submit button, the browser's validation off.
 */
function emptyForm([index, send]: [number, boolean]): boolean {
	const form = document.querySelectorAll<HTMLFormElement>('main form')[index];
	if (!form) return false;
	for (const el of Array.from(form.elements)) {
		if (el instanceof HTMLInputElement) {
			if (el.type === 'checkbox' || el.type === 'radio') el.checked = false;
			else if (!['hidden', 'file', 'submit', 'button', 'reset', 'image'].includes(el.type)) el.value = '';
		} else if (el instanceof HTMLTextAreaElement) el.value = '';
		else if (el instanceof HTMLSelectElement) {
			const blank = Array.from(el.options).findIndex((o) => o.value === '');
			if (blank >= 0) el.selectedIndex = blank;
		}
	}
	const invalid = !form.checkValidity();
	if (send && invalid) {
		// A form inside a closed disclosure is sent as the person would after opening it.
		for (let d = form.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
		form.noValidate = true;
		const submitter = form.querySelector<HTMLElement>(
			'button[type="submit"], button:not([type]), input[type="submit"]'
		);
		form.requestSubmit(submitter as HTMLButtonElement | null);
	}
	return invalid;
}

/**
 * Every form of the page state `reach` opens that has something to fill in (the browser
 * calls it invalid once emptied) is sent empty, one after another from a fresh load, and must
 * answer with named errors; each answer is scanned by axe. Returns how many forms were sent, and
 * fails when there was none: a census entry that reaches no form proves nothing.
 */
export async function submitEachFormEmpty(
	page: Page,
	state: string,
	reach: () => Promise<unknown>
): Promise<number> {
	await reach();
	await hydrated(page);
	const total = await page.locator(FORMS).count();
	const toSend: number[] = [];
	// Emptying one form leaves the others as they were, so one load tells which to send. A form
	// repeated per row (the same action and fields) is the same code: its first row stands for all.
	const shapes = await page.locator(FORMS).evaluateAll((forms) =>
		(forms as HTMLFormElement[]).map(
			(f) =>
				`${f.getAttribute('action') ?? ''} ${Array.from(f.elements)
					.map((e) => (e as HTMLInputElement).name)
					.join(',')}`
		)
	);
	for (let i = 0; i < total; i++)
		if (shapes.indexOf(shapes[i]!) === i && (await page.evaluate(emptyForm, [i, false] as [number, boolean])))
			toSend.push(i);
	expect(toSend.length, `${state}: a form with something to fill in`).toBeGreaterThan(0);
	for (const index of toSend) {
		await reach();
		await hydrated(page);
		const label = `${state}, form ${index + 1} of ${total} sent empty`;
		await page.evaluate(emptyForm, [index, true] as [number, boolean]);
		const summary = page.locator('.error-summary:visible');
		await expect.soft(summary.first(), `error summary on ${label}`).toBeVisible();
		expectNamed(label, await summary.locator('li a').allTextContents());
		await expectAccessible(page, label);
	}
	return toSend.length;
}

/**
 * The first page linked from `listPath` (and its next pages, `?page=n`) whose path matches
 * `pattern` and which holds `has`: the demo's entries change with the day the suite runs.
 */
export async function firstDetail(
	page: Page,
	listPath: string,
	pattern: RegExp,
	has: string
): Promise<string> {
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
