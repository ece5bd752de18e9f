import type { Page } from '@playwright/test';
import { expect, mailLink } from './support';
import { requestBooking } from './booking-steps';

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
	await requestBooking(page, `land=${land}&buero=${office}&format=video`, {
		name,
		email,
		submarket: 'design',
		stage: 'idee',
		concern: 'Orientierung für ein neues Vorhaben'
	});
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bitte bestätigen Sie Ihre E-Mail');
	await signInToPortal(page, admin, email);
	return email;
}

/** The creative asks for a portal link, follows it from the mail (as the admin's view reads it) and signs in. */
export async function signInToPortal(page: Page, admin: Page, email: string): Promise<void> {
	await page.goto('/portal/anmelden');
	await page.getByLabel('E-Mail-Adresse').fill(email);
	await page.getByRole('button', { name: 'Anmeldelink senden' }).click();
	const link = await mailLink(
		admin,
		email,
		/Anmeldelink/,
		/https?:\/\/\S+\/portal\/anmelden\/[A-Za-z0-9_-]+/
	);
	await page.goto(link);
	await page.getByRole('button', { name: 'Jetzt anmelden' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mein Bereich');
}
