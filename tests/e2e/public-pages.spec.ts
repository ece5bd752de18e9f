import { expect, test } from './support';
import { allowFailedLoads } from './support';
import { expectAccessible } from './support';

test('home page in German and English, with a working language switch', async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'de');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kreativlotse');
	await expectAccessible(page, 'home (de)');
	await page.getByRole('link', { name: 'Switch to English' }).click();
	await expect(page).toHaveURL(/\/en$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('link', { name: 'Find your regional office' }).first()).toBeVisible();
	await expectAccessible(page, 'home (en)');
});

test('skip link moves focus to the main content', async ({ page }) => {
	await page.goto('/');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Zum Inhalt springen' });
	await expect(skip).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/#inhalt$/);
});

for (const [path, heading] of [
	['/impressum', /Impressum/],
	['/datenschutz', /Datenschutz/],
	['/barrierefreiheit', /Barrierefreiheit/],
	['/leichte-sprache', /Leichte Sprache/]
] as const) {
	test(`footer page ${path} is reachable from every page and accessible`, async ({ page }) => {
		await page.goto('/');
		await page.getByRole('contentinfo').getByRole('link', { name: heading }).click();
		await expect(page).toHaveURL(new RegExp(`${path}$`));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
		await expectAccessible(page, path);
		await page.goto(`/en${path}`);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expectAccessible(page, `/en${path}`);
	});
}

test('an unknown page answers 404 with a German page', async ({ page }) => {
	allowFailedLoads([404], 'the unknown page is asked for on purpose');
	const response = await page.goto('/gibt-es-nicht');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Seite nicht gefunden');
	await expectAccessible(page, '404');
});

test('an unexpected error shows a generic page with a correlation id and no internals', async ({ page }) => {
	allowFailedLoads([500], 'the error page is provoked on purpose');
	const response = await page.goto('/fehlertest');
	expect(response?.status()).toBe(500);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ein Fehler ist aufgetreten');
	const id = await page.locator('code').textContent();
	expect(id).toMatch(/^[0-9a-f-]{36}$/);
	expect(response?.headers()['x-request-id']).toBe(id);
	const html = await page.content();
	expect(html).not.toContain('secret_table');
	expect(html).not.toContain('deliberate failure');
	expect(html).not.toMatch(/node_modules|\.ts:\d+|\.js:\d+:\d+/);
	await expectAccessible(page, '500');
});

test('security headers on every kind of response', async ({ request }) => {
	const kinds = {
		page: await request.get('/'),
		endpoint: await request.get('/healthz'),
		notFound: await request.get('/gibt-es-nicht'),
		asset: await request.get('/app.css'),
		error: await request.get('/fehlertest')
	};
	for (const [kind, res] of Object.entries(kinds)) {
		const h = res.headers();
		expect(h['content-security-policy'], kind).toContain("object-src 'none'");
		expect(h['content-security-policy'], kind).toContain("base-uri 'none'");
		expect(h['content-security-policy'], kind).toContain("frame-ancestors 'none'");
		expect(h['x-content-type-options'], kind).toBe('nosniff');
		expect(h['referrer-policy'], kind).toBe('strict-origin-when-cross-origin');
	}
	// Pages allow only our own scripts, with a fresh nonce for Kit's inline bootstrap.
	expect(kinds.page.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+'/);
	expect(kinds.page.headers()['content-security-policy']).not.toContain('unsafe-inline');
});

test('liveness, readiness and metrics endpoints', async ({ request }) => {
	const database = process.env.E2E_DATABASE_URL ? 'postgres' : 'sqlite';
	const live = await request.get('/healthz');
	expect(live.status()).toBe(200);
	expect(await live.json()).toEqual({ status: 'ok', database });
	const ready = await request.get('/readyz');
	expect(ready.status()).toBe(200);
	expect(await ready.json()).toEqual({ status: 'ok', database, migrations: 'current' });
	// The test client is on loopback and no METRICS_TOKEN is set: it may scrape.
	const metrics = await request.get('/metrics');
	expect(metrics.status()).toBe(200);
	expect(await metrics.text()).toMatch(
		/^kreativlotse_http_requests_total\{route="\/readyz",method="GET",status="200"\} \d+$/m
	);
});

test('odd request shapes get a 4xx, never a 5xx', async ({ request, baseURL }) => {
	expect((await request.fetch('/', { method: 'TRACE' })).status()).toBe(405);
	const reserved = await request.post('/anmelden?/default', {
		form: { email: 'x@example.org', password: 'x' },
		headers: { origin: baseURL! }
	});
	expect(reserved.status()).toBe(400);
});

test('no request leaves this origin (no fonts, CDNs or trackers)', async ({ page, baseURL }) => {
	const foreign: string[] = [];
	page.on('request', (r) => {
		if (!r.url().startsWith(baseURL!) && !r.url().startsWith('data:')) foreign.push(r.url());
	});
	for (const path of ['/', '/regionalbuero', '/anmelden', '/barrierefreiheit']) await page.goto(path);
	expect(foreign).toEqual([]);
});

test('320 px wide: no horizontal scrolling on the home page', async ({ page }) => {
	await page.setViewportSize({ width: 320, height: 640 });
	await page.goto('/');
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
	await expectAccessible(page, 'home at 320 px');
});
