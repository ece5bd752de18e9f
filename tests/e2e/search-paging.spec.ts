import { expect, test } from '@playwright/test';
import { expectAccessible } from './support';

// Issue 14: /kreative pages and searches without JavaScript; typed search syntax is only text.
test.use({ javaScriptEnabled: false });

test('/kreative: pages of 25 with working links, prefix search, hostile input answered', async ({ page }) => {
	await page.goto('/kreative');
	await expectAccessible(page, '/kreative first page');
	const cards = page.locator('main a[href*="/kreative/"]');
	const first = await cards.first().getAttribute('href');
	expect(first).not.toBeNull();
	const next = page.getByRole('link', { name: 'Nächste Seite' });
	if ((await next.count()) > 0) {
		await next.first().click();
		await expect(page).toHaveURL(/[?&]page=2/);
		await expectAccessible(page, '/kreative second page');
		await expect(page.locator(`main a[href="${first}"]`)).toHaveCount(0);
	}

	await page.goto('/kreative');
	await page.getByLabel(/Suchbegriff/).fill('desi');
	await page.getByRole('button', { name: 'Suchen' }).click();
	await expect(page).toHaveURL(/[?&]q=desi/);
	await expectAccessible(page, '/kreative?q=desi');

	const res = await page.goto('/kreative?q=%22desi*%20OR%20NOT%20near(');
	expect(res?.status()).toBe(200);
	await expectAccessible(page, '/kreative with search operators typed');
});
