import type { Page } from '@playwright/test';
import { expect, hydrated, mailLink } from './support';

/** What a creative enters on /termin to ask for an appointment. */
export interface BookingRequest {
	/** The consultant whose slot to take; without one, the first free slot. */
	consultantName?: string;
	name: string;
	email: string;
	phone?: string;
	submarket: string;
	stage: string;
	concern: string;
	notesConsent?: boolean;
	newsConsent?: boolean;
}

/**
 * Opens /termin?`query`, picks the slot, fills in the request and sends it. What the page answers
 * (the "confirm your e-mail" page, or a warning) is for the journey to check.
 */
export async function requestBooking(page: Page, query: string, r: BookingRequest): Promise<void> {
	await page.goto(`/termin?${query}`);
	await hydrated(page);
	if (r.consultantName) await page.getByLabel(new RegExp(r.consultantName)).first().check();
	else await page.locator('#slot').check();
	await page.getByRole('button', { name: 'Weiter' }).click();
	await page.locator('#name').fill(r.name);
	await page.locator('#email').fill(r.email);
	if (r.phone !== undefined) await page.locator('#phone').fill(r.phone);
	await page.locator('#submarket').selectOption(r.submarket);
	await page.locator('#stage').selectOption(r.stage);
	await page.locator('#concern').fill(r.concern);
	await page.locator('#consent_processing').check();
	if (r.notesConsent) await page.locator('#consent_notes').check();
	if (r.newsConsent) await page.locator('#consent_news').check();
	await page.getByRole('button', { name: 'Termin anfragen' }).click();
}

/** The creative follows the link of the confirmation mail (as the admin's view reads it) and confirms. */
export async function confirmBookingFromMail(creative: Page, admin: Page, email: string): Promise<void> {
	await creative.goto(
		await mailLink(
			admin,
			email,
			/Bitte bestätigen Sie Ihren Termin/,
			/https?:\/\/\S+\/termin\/bestaetigen\/[A-Za-z0-9_-]+/
		)
	);
	await creative.getByRole('button', { name: 'Termin bestätigen' }).click();
	await expect(creative.getByRole('heading', { level: 1 })).toHaveText('Ihr Termin');
}
