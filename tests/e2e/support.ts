import AxeBuilder from '@axe-core/playwright';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	type APIRequestContext,
	type Browser,
	type BrowserContext,
	test as base,
	expect,
	type Page
} from '@playwright/test';
import { demoTotpSecret } from '../../src/lib/server/identity/demo';
import { timeStep, totpAt } from '../../src/lib/server/identity/totp';

export { expect };

// Issue 15: no page of any journey logs a console error, throws, or violates the CSP. Every spec
// imports `test` from here; the auto fixture below watches every browser context the test opens
// (also those from browser.newContext(), e.g. staffPage) and fails the test at its end.
let allowed: { pattern: RegExp; why: string }[] = [];

/**
 * Allows console errors matching `pattern` in the running test only, with the reason (e.g. a
 * journey that provokes a 404 on purpose sees the browser's "Failed to load resource" line).
 */
export function allowConsoleErrors(pattern: RegExp, why: string): void {
	allowed.push({ pattern, why });
}

/**
 * Allows the browser's "Failed to load resource" line for answers with these statuses in the
 * running test: a journey that is denied a page (404), sends a form with mistakes (400) or loses
 * a race for a slot (409) on purpose sees that line for the page or form post, and nothing else.
 */
export function allowFailedLoads(statuses: number[], why: string): void {
	allowConsoleErrors(
		new RegExp(`Failed to load resource: the server responded with a status of (${statuses.join('|')}) `),
		why
	);
}

async function watchContext(context: BrowserContext, problems: string[]): Promise<void> {
	context.on('console', (m) => {
		if (m.type() === 'error') problems.push(`console error on ${m.page()?.url() ?? '?'}: ${m.text()}`);
	});
	context.on('weberror', (e) =>
		problems.push(`page error on ${e.page()?.url() ?? '?'}: ${e.error().message}`)
	);
	// Chromium logs refused loads itself; the event also names the directive and the source line.
	await context.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) => {
			console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
		});
	});
}

export const test = base.extend<{ consoleProblems: string[] }>({
	// The problems seen so far (a journey may read them); checked when the test ends.
	consoleProblems: [
		async ({ context, browser }, use, testInfo) => {
			allowed = [];
			const problems: string[] = [];
			await watchContext(context, problems);
			const newContext = browser.newContext.bind(browser);
			const newPage = browser.newPage.bind(browser);
			browser.newContext = async (options) => {
				const c = await newContext(options);
				await watchContext(c, problems);
				return c;
			};
			browser.newPage = async (options) => {
				const p = await newPage(options);
				await watchContext(p.context(), problems);
				return p;
			};
			try {
				await use(problems);
			} finally {
				browser.newContext = newContext;
				browser.newPage = newPage;
			}
			const unexpected = problems.filter((p) => !allowed.some((a) => a.pattern.test(p)));
			// Only a journey that passed fails here; a failed one gets the lines attached to its report.
			if (unexpected.length && testInfo.status === 'passed')
				expect(unexpected, 'console errors, page errors or CSP violations').toEqual([]);
			else if (unexpected.length)
				await testInfo.attach('console errors', { body: unexpected.join('\n'), contentType: 'text/plain' });
		},
		{ auto: true }
	]
});

/** The public pages a visitor starts from, German and a few English: the page-weight budget and the console and meta checks walk them all. */
export const PUBLIC_PAGES = [
	'/',
	'/termin',
	'/veranstaltungen',
	'/anlaufstellen',
	'/regionalbuero',
	'/kreative',
	'/gesuche',
	'/statistik',
	'/impressum',
	'/datenschutz',
	'/barrierefreiheit',
	'/leichte-sprache',
	'/anmelden',
	'/portal/anmelden',
	'/en',
	'/en/termin',
	'/en/veranstaltungen'
];

export const DEMO_PASSWORD = 'Kreativlotse-Demo-2026';
export const ADMIN = 'admin@demo.kreativlotse.de';
/** Office lead of nw (Nordrhein-Westfalen). */
export const LEAD_NW = 'sabine.kowalski@demo.kreativlotse.de';
/** Consultant of be-bb (Berlin und Brandenburg). */
export const CONSULTANT_BE = 'deniz.yilmaz@demo.kreativlotse.de';

/** axe with the WCAG 2.0/2.1/2.2 A and AA rules; every page state a journey reaches is scanned. */
export async function expectAccessible(page: Page, state: string): Promise<void> {
	let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']);
	// With frames, axe's default mode opens a helper tab, which this Chromium refuses; legacy
	// mode scans in place (the sandboxed mail preview frame runs no scripts either way).
	if ((await page.locator('iframe').count()) > 0) builder = builder.setLegacyMode(true);
	const result = await builder.analyze();
	const summary = result.violations.map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
	);
	expect(summary, `axe violations on ${state}`).toEqual([]);
	await expectReflow(page, state);
}

/**
 * Issue 16 (WCAG 1.4.10 Reflow): at 320 CSS px the page scrolls only vertically. Data tables may
 * scroll sideways inside their own labelled, focusable container, never the document. Called by
 * expectAccessible, so every page state a journey scans is measured too.
 */
export async function expectReflow(page: Page, state: string): Promise<void> {
	const before = page.viewportSize();
	await page.setViewportSize({ width: 320, height: 640 });
	try {
		const m = await page.evaluate(async () => {
			await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
			const root = document.documentElement;
			// Naming the culprits walks every element: only when the page does scroll sideways.
			const overflows = root.scrollWidth > root.clientWidth;
			const wide = [...(overflows ? document.body.querySelectorAll<HTMLElement>('*') : [])]
				.filter(
					(el) =>
						el.getBoundingClientRect().right > root.clientWidth + 1 &&
						!el.closest('.table-scroll, [role="region"][tabindex="0"]')
				)
				.filter((el) => el.checkVisibility?.() ?? true)
				.slice(0, 5)
				.map(
					(el) =>
						`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''} (${Math.round(el.getBoundingClientRect().right)} px)`
				);
			// WCAG 2.5.8: every checkbox and radio stays at least 24 × 24 px, also when labels wrap.
			const small = [
				...document.querySelectorAll<HTMLInputElement>('input[type=checkbox], input[type=radio]')
			]
				.filter((el) => el.checkVisibility?.() ?? true)
				.filter((el) => {
					const r = el.getBoundingClientRect();
					return r.width < 23.5 || r.height < 23.5;
				})
				.slice(0, 5)
				.map((el) => `${el.name}=${el.value} (${Math.round(el.getBoundingClientRect().width)} px)`);
			return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide, small };
		});
		expect(m.small, `checkboxes or radios under 24 px at 320 px on ${state}`).toEqual([]);
		expect(
			m.scrollWidth,
			`horizontal scrolling at 320 px on ${state}: ${m.wide.join(', ')}`
		).toBeLessThanOrEqual(m.clientWidth);
	} finally {
		if (before) await page.setViewportSize(before);
	}
}

// A code works once (replay protection). Playwright restarts its worker after a failure, so
// the steps already used are kept in a file, not only in memory.
const STEPS_FILE = join(tmpdir(), `kl-e2e-totp-steps-${process.env.E2E_PORT ?? 4173}.json`);

function usedStep(email: string): number {
	try {
		return (JSON.parse(readFileSync(STEPS_FILE, 'utf8')) as Record<string, number>)[email] ?? -1;
	} catch {
		return -1;
	}
}

function rememberStep(email: string, step: number): void {
	let all: Record<string, number> = {};
	try {
		all = JSON.parse(readFileSync(STEPS_FILE, 'utf8'));
	} catch {}
	all[email] = step;
	writeFileSync(STEPS_FILE, JSON.stringify(all));
}

// The server's clock runs ahead by this much after moveServerClock (KL_E2E only).
let serverOffsetMs = 0;
const serverNow = () => new Date(Date.now() + serverOffsetMs);

/** A TOTP code for a demo account from a 30-second step not used before (waits if needed). */
export async function freshTotp(email: string): Promise<string> {
	// Steps are remembered per clock offset: after a reset the server's steps are small again.
	const key = serverOffsetMs === 0 ? email : `${email}|${serverOffsetMs}`;
	const last = usedStep(key);
	let step = timeStep(serverNow());
	while (step <= last) {
		await new Promise((r) => setTimeout(r, 500));
		step = timeStep(serverNow());
	}
	rememberStep(key, step);
	return totpAt(demoTotpSecret(email), step);
}

/**
 * Moves the server's clock (test-only route, KL_E2E=1) and runs the minute jobs, so mails that
 * fall due in that time are in the outbox. `{ reset: true }` goes back to the real time.
 */
export async function moveServerClock(
	request: APIRequestContext,
	move: { days: number } | { reset: true }
): Promise<Date> {
	const res = await request.post('/e2e/uhr', { data: move });
	expect(res.status()).toBe(200);
	const body = (await res.json()) as { now: string; offsetMs: number };
	serverOffsetMs = body.offsetMs;
	const jobs = await request.post('/e2e/jobs');
	expect(jobs.status()).toBe(200);
	return new Date(body.now);
}

/** With JavaScript: wait until Svelte has hydrated the page before typing into it. */
export async function hydrated(page: Page): Promise<void> {
	await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached' });
}

/** Signs in through the real forms, by keyboard. */
export async function login(
	page: Page,
	email: string,
	options: { axe?: boolean; js?: boolean } = {}
): Promise<void> {
	await page.goto('/anmelden');
	if (options.js !== false) await hydrated(page);
	if (options.axe) await expectAccessible(page, 'login form');
	await page.getByLabel('E-Mail-Adresse').fill(email);
	await page.getByLabel('Passwort', { exact: true }).fill(DEMO_PASSWORD);
	await page.getByLabel('Passwort', { exact: true }).press('Enter');
	await page.waitForURL(/zwei-faktor/, { timeout: 15_000 }).catch(async (err) => {
		throw new Error(
			`login of ${email} stuck at ${page.url()}: ${((await page.locator('main').textContent()) ?? '').slice(0, 400)} (${err})`
		);
	});
	if (options.js !== false) await hydrated(page);
	if (options.axe) await expectAccessible(page, 'second factor form');
	const code = page.getByLabel('Sechsstelliger Code');
	// A code can still collide with one used outside this run's memory (or a clock edge):
	// one more try with the next step, as a person would.
	for (let attempt = 1; ; attempt++) {
		await code.fill(await freshTotp(email));
		await code.press('Enter');
		try {
			await page.waitForURL((url) => !url.pathname.includes('/anmelden'), { timeout: 10_000 });
			return;
		} catch (err) {
			if (attempt >= 2) throw err;
		}
	}
}

/** Presses Tab until the locator has focus (keyboard-only journeys); fails after 60 presses. */
export async function tabTo(page: Page, target: ReturnType<Page['locator']>): Promise<void> {
	for (let i = 0; i < 60; i++) {
		if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error('tabTo: never reached the target by keyboard');
}

/**
 * The text of the newest mail to `to` (whose subject matches, if given), read through the
 * end-to-end-only `/e2e/post` route: every staff view masks link tokens (issue 13), so journeys
 * follow links the way the recipient would, from the stored mail.
 */
export async function mailText(page: Page, to: string, subject?: RegExp): Promise<string> {
	const res = await page.request.get(`/e2e/post?to=${encodeURIComponent(to)}`);
	expect(res.status(), 'the /e2e/post route (KL_E2E=1)').toBe(200);
	const { mails } = (await res.json()) as { mails: { subject: string; text: string }[] };
	const mail = mails.find((m) => !subject || subject.test(m.subject));
	expect(mail, `a mail to ${to}${subject ? ` with subject ${subject}` : ''}`).toBeTruthy();
	return mail!.text;
}

/** A new browser context signed in as a staff member. */
export async function staffPage(browser: Browser, email: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await login(page, email);
	return page;
}

/** The newest mail to `to` whose subject matches, as its recipient got it; its first link matching `pattern`. */
export async function mailLink(admin: Page, to: string, subject: RegExp, pattern: RegExp): Promise<string> {
	const text = await mailText(admin, to, subject);
	const link = text.match(pattern)?.[0];
	expect(link, `link in the mail "${subject}" to ${to}`).toBeTruthy();
	return link!;
}
