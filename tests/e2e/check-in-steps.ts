import type { Page } from '@playwright/test';
import { expect, hydrated, mailLink } from './support';

/** The creative opens the form of the check-in mail (as the admin's view reads it), ready to answer. */
export async function openCheckInFromMail(creative: Page, admin: Page, email: string): Promise<void> {
	const checkIn = await mailLink(
		admin,
		email,
		/Wie geht es voran/,
		/https?:\/\/\S+\/rueckmeldung\/[A-Za-z0-9_-]+/
	);
	await creative.goto(checkIn);
	await expect(creative.getByRole('heading', { level: 1 })).toHaveText('Wie geht es voran?');
	await hydrated(creative);
}
