import type { Page } from '@playwright/test';
import { expect, hydrated, mailText } from './support';

/**
 * A new creative, known to the portal through an unconfirmed video appointment request with the
 * office `office` (Land `land`), signed in through the mailed portal link as a person would.
 * Returns the address used.
 */
export async function signInAsNewCreative(
	page: Page,
	admin: Page,
	{ name, land = 'DE-NW', office = 'nw' }: { name: string; land?: string; office?: string }
): Promise<string> {
	const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${Date.now()}@example.org`;
	await page.goto(`/termin?land=${land}&buero=${office}&format=video`);
	await hydrated(page);
	await page.locator('#slot').check();
	await page.getByRole('button', { name: 'Weiter' }).click();
	await page.locator('#name').fill(name);
	await page.locator('#email').fill(email);
	await page.locator('#submarket').selectOption('design');
	await page.locator('#stage').selectOption('idee');
	await page.locator('#concern').fill('Orientierung für ein neues Vorhaben');
	await page.locator('#consent_processing').check();
	await page.getByRole('button', { name: 'Termin anfragen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bitte bestätigen Sie Ihre E-Mail');
	await page.goto('/portal/anmelden');
	await page.getByLabel('E-Mail-Adresse').fill(email);
	await page.getByRole('button', { name: 'Anmeldelink senden' }).click();
	const link = (await mailText(admin, email, /Anmeldelink/)).match(
		/https?:\/\/\S+\/portal\/anmelden\/[A-Za-z0-9_-]+/
	)![0];
	await page.goto(link);
	await page.getByRole('button', { name: 'Jetzt anmelden' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mein Bereich');
	return email;
}
