import { expect, test } from './support';
import { expectAccessible } from './support';

test('a unique postcode finds the office with phone, e-mail and address', async ({ page }) => {
	await page.goto('/regionalbuero');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welches Regionalbüro ist für mich da?');
	await expectAccessible(page, 'finder');
	await page.getByLabel('Postleitzahl').fill('01067');
	await page.getByRole('button', { name: 'Regionalbüro anzeigen' }).click();
	const result = page
		.getByRole('region', { name: 'Ihr Regionalbüro' })
		.or(page.locator('section', { hasText: 'Ihr Regionalbüro' }));
	await expect(result.first()).toContainText('Regionalbüro Sachsen, Sachsen-Anhalt, Thüringen');
	await expect(page.locator('a[href^="tel:"]').first()).toBeVisible();
	await expect(page.locator('a[href^="mailto:"]').first()).toBeVisible();
	await expect(page.getByLabel('Bundesland')).toHaveValue('DE-SN');
	await expectAccessible(page, 'finder result');
});

test('a postcode in two Länder asks which one, then shows that office (without JavaScript)', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/regionalbuero');
	await page.getByLabel('Postleitzahl').fill('21039');
	await page.getByRole('button', { name: 'Regionalbüro anzeigen' }).click();
	await expect(page.getByRole('heading', { name: /21039 gehört zu mehreren Bundesländern/ })).toBeVisible();
	await page.getByRole('radio', { name: /Schleswig-Holstein/ }).check();
	await page.getByRole('button', { name: 'Regionalbüro anzeigen' }).first().click();
	await expect(
		page.getByText('Regionalbüro Hamburg, Mecklenburg-Vorpommern, Schleswig-Holstein').first()
	).toBeVisible();
	await context.close();
});

test('the two-Länder question and a malformed postcode are accessible', async ({ page }) => {
	await page.goto('/regionalbuero?plz=89081');
	await expect(page.getByRole('radio', { name: /Baden-Württemberg/ })).toBeVisible();
	await expect(page.getByRole('radio', { name: /Bayern/ })).toBeVisible();
	await expectAccessible(page, 'finder: choose Land');
	await page.goto('/regionalbuero?plz=123');
	await expect(page.getByRole('alert')).toContainText('5 Ziffern');
	await expect(page.getByLabel('Postleitzahl')).toHaveValue('123');
	await expectAccessible(page, 'finder: bad postcode');
	await page.goto('/en/regionalbuero?land=DE-BY');
	await expect(page.getByText('Regionalbüro Bayern').first()).toBeVisible();
	await expectAccessible(page, 'finder (en) result');
});
