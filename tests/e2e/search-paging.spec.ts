import { expect, test } from '@playwright/test';
import { expectAccessible } from './support';

// Issue 14: /kreative pages and searches without JavaScript; typed search syntax is only text.
// The journey runs in a context without JavaScript; each state it reaches is then scanned (axe,
// 320 px) in a normal page, because the scan itself needs script.
test('/kreative: pages of 25 with working links, prefix search, hostile input answered', async ({
	browser,
	page
}) => {
	const noJs = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	const states: [string, string][] = [];
	await noJs.goto('/kreative');
	states.push(['/kreative first page', noJs.url()]);
	const cards = noJs.locator('main a[href*="/kreative/"]');
	const first = await cards.first().getAttribute('href');
	expect(first).not.toBeNull();
	const next = noJs.getByRole('link', { name: 'Nächste Seite' });
	if ((await next.count()) > 0) {
		await next.first().click();
		await expect(noJs).toHaveURL(/[?&]page=2/);
		await expect(noJs.locator(`main a[href="${first}"]`)).toHaveCount(0);
		states.push(['/kreative second page', noJs.url()]);
	}

	await noJs.goto('/kreative');
	await noJs.getByLabel(/Suchbegriff/).fill('desi');
	await noJs.getByRole('button', { name: 'Suchen' }).click();
	await expect(noJs).toHaveURL(/[?&]q=desi/);
	states.push(['/kreative?q=desi', noJs.url()]);

	const res = await noJs.goto('/kreative?q=%22desi*%20OR%20NOT%20near(');
	expect(res?.status()).toBe(200);
	states.push(['/kreative with search operators typed', noJs.url()]);
	await noJs.context().close();

	for (const [state, url] of states) {
		await page.goto(url);
		await expectAccessible(page, state);
	}
});
