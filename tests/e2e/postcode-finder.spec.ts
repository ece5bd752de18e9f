import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './support';

/**
 * Issue 11: the front door knows every German postcode (the shipped OpenStreetMap table), reads what
 * people type, asks for the Land where a postcode lies in two, and the same lookup serves booking and
 * the events list.
 */
const HH_MV_SH = 'Regionalbüro Hamburg, Mecklenburg-Vorpommern, Schleswig-Holstein';

async function find(page: Page, typed: string) {
	await page.goto('/regionalbuero');
	await page.getByLabel('Postleitzahl').fill(typed);
	await page.getByRole('button', { name: 'Regionalbüro anzeigen' }).click();
}

const result = (page: Page) => page.locator('section.finder-result');

test('23552 (Lübeck) finds the office for Schleswig-Holstein, with the OpenStreetMap credit', async ({
	page
}) => {
	await find(page, '23552');
	await expect(result(page)).toContainText('Schleswig-Holstein');
	await expect(result(page).getByRole('heading', { name: HH_MV_SH })).toBeVisible();
	await expect(page.getByLabel('Bundesland')).toHaveValue('DE-SH');
	await expect(page.getByText('© OpenStreetMap-Mitwirkende')).toBeVisible();
	await expect(page.getByRole('link', { name: 'ODbL' })).toHaveAttribute(
		'href',
		'https://www.openstreetmap.org/copyright'
	);
	await expectAccessible(page, 'finder: 23552');
});

test('20457 (Hamburg centre), typed as "D-20457", finds the office for Hamburg', async ({ page }) => {
	await find(page, 'D-20457');
	await expect(result(page)).toContainText('20457');
	await expect(result(page).getByRole('heading', { name: HH_MV_SH })).toBeVisible();
	await expect(page.getByLabel('Bundesland')).toHaveValue('DE-HH');
	await expect(page.getByLabel('Postleitzahl')).toHaveValue('20457');
	await expectAccessible(page, 'finder: 20457');
});

test('01067 typed without its leading zero ("1067") finds the office for Sachsen', async ({ page }) => {
	await find(page, '1067');
	await expect(
		result(page).getByRole('heading', { name: 'Regionalbüro Sachsen, Sachsen-Anhalt, Thüringen' })
	).toBeVisible();
	await expect(page.getByLabel('Postleitzahl')).toHaveValue('01067');
	await expect(page.getByLabel('Bundesland')).toHaveValue('DE-SN');
	await expectAccessible(page, 'finder: 01067');
});

test('21039 lies in Hamburg and Schleswig-Holstein: the finder asks, then shows that office', async ({
	page
}) => {
	await find(page, '21 039');
	await expect(page.getByRole('heading', { name: /21039 gehört zu mehreren Bundesländern/ })).toBeVisible();
	await expect(page.getByRole('radio', { name: /Hamburg/ })).toBeVisible();
	await expect(page.getByRole('radio', { name: /Schleswig-Holstein.*Börnsen/ })).toBeVisible();
	await expect(page.getByText('© OpenStreetMap-Mitwirkende')).toBeVisible();
	await expectAccessible(page, 'finder: 21039 question');
	// Submitting without a choice asks again, with an error.
	await page.getByRole('button', { name: 'Regionalbüro anzeigen' }).first().click();
	await expect(page.getByRole('alert')).toContainText('Bundesland');
	await expectAccessible(page, 'finder: 21039 question with error');
	await page.getByRole('radio', { name: /Hamburg/ }).check();
	await page.getByRole('button', { name: 'Regionalbüro anzeigen' }).first().click();
	await expect(result(page).getByRole('heading', { name: HH_MV_SH })).toBeVisible();
	await expect(page.getByLabel('Bundesland')).toHaveValue('DE-HH');
});

test('booking prefills the Land from the postcode', async ({ page }) => {
	await page.goto('/termin');
	await page.getByLabel('Postleitzahl').fill('D 23552');
	await page.getByRole('button', { name: 'Weiter' }).click();
	const choice = page.locator('section.booking-choice');
	await expect(choice).toContainText('Schleswig-Holstein');
	await expect(page.getByRole('radio', { name: new RegExp(`${HH_MV_SH}.*zuständig`) })).toBeChecked();
	await expect(page.getByText('© OpenStreetMap-Mitwirkende')).toBeVisible();
	await expectAccessible(page, 'booking: Land from postcode');
});

test('the events list filters by the Land of a postcode and asks at a two-Land postcode', async ({
	page
}) => {
	await page.goto('/veranstaltungen');
	await page.getByLabel('Postleitzahl').fill('1067');
	await page.getByRole('button', { name: 'Filter anwenden' }).click();
	await expect(page.getByText('Postleitzahl 01067: Veranstaltungen in Sachsen.')).toBeVisible();
	await expect(page.getByLabel('Bundesland')).toHaveValue('DE-SN');
	await expect(page).toHaveURL(/plz=1067/);
	await expectAccessible(page, 'events: by postcode');

	await page.goto('/veranstaltungen?plz=21039');
	await expect(
		page.getByText('Die Postleitzahl 21039 liegt in zwei Bundesländern.', { exact: false })
	).toBeVisible();
	await page.getByRole('link', { name: 'Schleswig-Holstein', exact: true }).click();
	await expect(page.getByLabel('Bundesland')).toHaveValue('DE-SH');
	await expect(page).toHaveURL(/plz=21039&land=DE-SH|land=DE-SH&plz=21039/);
	await expectAccessible(page, 'events: two-Land postcode answered');

	await page.goto('/veranstaltungen?plz=12a');
	await expect(page.getByText('Bitte geben Sie eine Postleitzahl mit 5 Ziffern an')).toBeVisible();
	await expect(page.getByLabel('Postleitzahl')).toHaveValue('12a');
	await expectAccessible(page, 'events: bad postcode');
});
