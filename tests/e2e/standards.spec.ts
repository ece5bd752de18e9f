import ICAL from 'ical.js';
import { allowConsoleErrors, expect, expectAccessible, login, PUBLIC_PAGES, test } from './support';

/**
 * Issue 15 in the browser: no console error or CSP violation on the main pages (the console guard
 * of ./support watches every test), each has a meta description, and a consultant's calendar
 * subscription from the account page: the feed parses, renewing or ending it makes the old address
 * answer 404.
 */
test('the main pages log no console error or CSP violation and each has a meta description', async ({
	page
}) => {
	for (const path of PUBLIC_PAGES) {
		const res = await page.goto(path);
		expect(res?.status(), path).toBe(200);
		await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached' });
		// Let transitions and late effects run.
		await page.waitForTimeout(300);
		const description = await page.locator('meta[name="description"]').getAttribute('content');
		expect(description?.length ?? 0, `${path} meta description`).toBeGreaterThan(20);
	}
});

test('the console guard fails a journey whose page logs an error', async ({ page }) => {
	test.fail(true, 'the guard of ./support must turn the logged error into a failure');
	await page.goto('/impressum');
	// Wait for the console event itself, so the guard has seen it before the test ends.
	await Promise.all([
		page.waitForEvent('console', (m) => m.text() === 'provoked by the guard test'),
		page.evaluate(() => console.error('provoked by the guard test'))
	]);
});

test('the console guard lets an explicitly allowed error pass', async ({ page }) => {
	allowConsoleErrors(/Failed to load resource: .*404/, 'the missing page is requested on purpose');
	const res = await page.goto('/gibt-es-nicht');
	expect(res?.status()).toBe(404);
});

test('a consultant subscribes to their calendar, renews and ends the subscription', async ({
	page,
	request
}) => {
	await login(page, 'sabine.kowalski@demo.kreativlotse.de');
	await page.goto('/intern/konto');
	await page.getByRole('button', { name: /Abo-Adresse erzeugen|Neue Adresse erzeugen/ }).click();
	await expect(page.getByRole('status')).toContainText('Ihre Abo-Adresse');
	await expect(page.getByRole('link', { name: 'Abonnieren (webcal)' })).toHaveAttribute(
		'href',
		/^webcal:\/\/.+\/kalender\/.+\.ics$/
	);
	await expectAccessible(page, 'account page with a new calendar subscription');
	const url = await page.getByLabel('Abo-Adresse').inputValue();
	const path = new URL(url).pathname;
	const feed = await request.get(path);
	expect(feed.status()).toBe(200);
	expect(feed.headers()['content-type']).toContain('text/calendar');
	const text = await feed.text();
	expect(text.endsWith('\r\n')).toBe(true);
	const cal = new ICAL.Component(ICAL.parse(text));
	expect(cal.getFirstPropertyValue('method')).toBe('PUBLISH');
	expect(cal.getFirstPropertyValue('x-wr-calname')).toContain('Sabine');
	expect(cal.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Berlin');

	await page.getByRole('button', { name: /Neue Adresse erzeugen/ }).click();
	await expect(page.getByRole('status')).toContainText('Ihre Abo-Adresse');
	expect((await request.get(path)).status()).toBe(404);
	const second = new URL(await page.getByLabel('Abo-Adresse').inputValue()).pathname;
	expect((await request.get(second)).status()).toBe(200);
	await page.getByRole('button', { name: 'Abo beenden' }).click();
	await expect(page.getByRole('status')).toContainText('beendet');
	expect((await request.get(second)).status()).toBe(404);
});
