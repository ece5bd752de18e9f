import { expect, test } from './support';
import { expectAccessible, login } from './support';

test('the public directory filters by Land: national entries plus that Land’s', async ({ page }) => {
	await page.goto('/anlaufstellen');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Weitere Anlaufstellen');
	await expectAccessible(page, 'directory');
	const all = Number((await page.getByRole('status').textContent())!.match(/\d+/)![0]);
	await page.getByLabel('Land', { exact: true }).selectOption({ label: 'Niedersachsen' });
	await page.getByRole('button', { name: 'Suchen' }).click();
	await page.waitForURL(/land=DE-NI/);
	const filtered = Number((await page.getByRole('status').textContent())!.match(/\d+/)![0]);
	expect(filtered).toBeGreaterThan(0);
	expect(filtered).toBeLessThan(all);
	await expect(page.getByRole('heading', { name: /Künstlersozialkasse/ })).toBeVisible();
	await expectAccessible(page, 'directory filtered');
	await page.getByLabel('Suchbegriff').fill('xyz-gibt-es-nicht');
	await page.getByRole('button', { name: 'Suchen' }).click();
	await page.waitForURL(/q=xyz-gibt-es-nicht/);
	await expect(page.getByRole('status')).toContainText('Keine Anlaufstelle');
	await expectAccessible(page, 'directory empty');
});

test('an office lead marks a contact point as verified', async ({ page }) => {
	await login(page, 'henrike.brandes@demo.kreativlotse.de');
	await page.goto('/intern/anlaufstellen?ungeprueft=1');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Anlaufstellen pflegen');
	await expectAccessible(page, 'directory admin');
	await page.locator('tbody tr').first().getByRole('link').first().click();
	await expectAccessible(page, 'directory entry');
	await page.getByRole('button', { name: 'Als geprüft markieren' }).click();
	await expect(page.getByText('Als geprüft markiert.')).toBeVisible();
});
