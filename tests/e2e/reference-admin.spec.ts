import { expect, test } from './support';
import { ADMIN, expectAccessible, login } from './support';

test('a network admin edits an office and activates Kunsthandwerk; the public finder shows the change', async ({
	page
}) => {
	await login(page, ADMIN);
	await page.goto('/intern/admin/stammdaten');
	await expectAccessible(page, 'reference overview');
	await page.goto('/intern/admin/stammdaten/bueros');
	await expectAccessible(page, 'offices list');
	await page
		.getByRole('link', { name: /Regionalbüro Bayern/ })
		.first()
		.click();
	await expectAccessible(page, 'office edit');
	await page.getByLabel('Telefon').fill('+49 89 1234 5678');
	await page.getByRole('button', { name: 'Speichern' }).click();
	// Visible only: the (hidden) idle-warning dialog's text also contains the word.
	await expect(
		page.getByText('Gespeichert', { exact: false }).filter({ visible: true }).first()
	).toBeVisible();
	await page.goto('/regionalbuero?land=DE-BY');
	await expect(page.getByText('+49 89 1234 5678')).toBeVisible();

	await page.goto('/intern/admin/stammdaten/teilmaerkte');
	await expectAccessible(page, 'sub-markets');
});

test('an office lead edits the opening hours of their own office', async ({ page }) => {
	await login(page, 'theresa.huber@demo.kreativlotse.de');
	await page.goto('/intern/buero/by');
	await page.getByRole('textbox', { name: /Öffnungszeiten/ }).fill('Mo–Fr 9–14 Uhr');
	await page.getByRole('button', { name: 'Speichern' }).click();
	await expect(page.getByText('Mo–Fr 9–14 Uhr').first()).toBeVisible();
	await expectAccessible(page, 'office page saved');
});
