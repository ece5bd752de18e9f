import { existsSync, readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { ADMIN, expectAccessible, hydrated, mailLink, moveServerClock, staffPage } from './support';
import { confirmBookingFromMail, requestBooking } from './booking-steps';
import { openCheckInFromMail } from './check-in-steps';

/**
 * Issue 13 acceptance: a creative books (double opt-in, consent to notes), the consultant records
 * the talk with notes, the creative registers for an event, publishes a profile, answers a
 * check-in (server clock +4 weeks), withdraws the notes consent in the portal (the case page
 * shows the withdrawal and no notes), then deletes the account. Afterwards the raw SQLite file
 * and its WAL, unfolded as mail and calendar text would be, hold none of the values the person
 * entered; the statistics are the same before and after the erasure.
 */
test.setTimeout(420_000);
test.use({ actionTimeout: 20_000 });

// Bayern: Maximilian Bauer is a consultant no other journey books or signs in as.
const CONSULTANT = 'maximilian.bauer@demo.kreativlotse.de';
const CONSULTANT_NAME = 'Maximilian Bauer';
const OFFICE = 'by';

/** The server's database (playwright.config.ts): a SQLite file, or PostgreSQL. */
const DATABASE_URL = process.env.E2E_DATABASE_URL || process.env.KL_E2E_SQLITE_URL || '';
const SQLITE_FILE = DATABASE_URL.startsWith('sqlite:') ? DATABASE_URL.slice('sqlite:'.length) : null;

/** Letters only, so no value is split by a number format or encoded differently anywhere. */
function letters(n: number): string {
	return String(n)
		.split('')
		.map((d) => String.fromCharCode(97 + Number(d)))
		.join('');
}

/**
 * The database file and its WAL as one text, with folded lines joined again: calendar lines
 * (CRLF + space) and quoted-printable soft breaks (= + CRLF), so a value split by folding is
 * still found.
 */
function rawDatabaseText(file: string): string {
	const parts = [file, `${file}-wal`]
		.filter((f) => existsSync(f))
		.map((f) => readFileSync(f).toString('latin1'));
	return parts
		.join('\n')
		.replace(/\r?\n[ \t]/g, '')
		.replace(/=\r?\n/g, '')
		.toLowerCase();
}

/** Berlin wall-clock date (YYYY-MM-DD) of an instant. */
function berlinDate(instant: number): { date: string } {
	return { date: new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date(instant)) };
}

/** The statistics tables of the office as the network admin sees them. */
async function statisticsFigures(admin: Page): Promise<string[]> {
	await admin.goto(`/statistik?buero=${OFFICE}`);
	await expect(admin.getByRole('heading', { level: 1 })).toContainText('Statistik');
	return admin.locator('main table').allInnerTexts();
}

test(`privacy journey: book, record with notes, event, profile, check-in, withdraw, erase${SQLITE_FILE ? '; no value left in the SQLite file and WAL' : ' (PostgreSQL: the raw-bytes check of the SQLite file is skipped)'}`, async ({
	browser,
	request
}) => {
	const token = letters(Date.now());
	const email = `privat.${token}@example.org`;
	const name = `Ida Privat${token}`;
	const values = {
		email,
		name: `privat${token}`,
		concern: `anliegen${token}`,
		note: `lagenotiz${token}`,
		advice: `ratnotiz${token}`,
		step: `schritt${token}`,
		eventAnswer: `mitnehmen${token}`,
		profileName: `atelier${token}`,
		bio: `kurztext${token}`,
		checkIn: `fortschritt${token}`
	};
	const creative = await (await browser.newContext()).newPage();
	try {
		// The privacy notice names the periods and the session cookie.
		await creative.goto('/datenschutz');
		await expect(creative.getByText(/Versandte E-Mails: \d+ (Tage|Monate) nach dem Versand/)).toBeVisible();
		await expect(creative.getByText(/Sitzungs-Cookie namens (__Host-)?kl_session/)).toBeVisible();
		await expectAccessible(creative, 'privacy notice');

		// 1. Book a video consultation in Bayern with consent to content notes, confirm from the mail.
		await requestBooking(creative, `land=DE-BY&buero=${OFFICE}&format=video`, {
			consultantName: CONSULTANT_NAME,
			name,
			email,
			submarket: 'design',
			stage: 'gruendung',
			concern: `Mein ${values.concern} zur Gründung.`,
			notesConsent: true,
			newsConsent: true
		});
		await expect(creative.getByRole('heading', { level: 1 })).toHaveText('Bitte bestätigen Sie Ihre E-Mail');
		let admin = await staffPage(browser, ADMIN);
		await confirmBookingFromMail(creative, admin, email);
		const bookedAt = await creative.locator('dl.facts time').first().getAttribute('datetime');
		const bookedDay = berlinDate(Date.parse(bookedAt ?? '')).date;

		// 2. The consultant publishes an event of the office with a question (the demo's events may
		// be full or closed on the day the suite runs); the creative registers with an answer.
		const organiser = await staffPage(browser, CONSULTANT);
		await organiser.goto(`/intern/buero/${OFFICE}/veranstaltungen/neu`);
		await hydrated(organiser);
		const startsAt = berlinDate(Date.now() + 3 * 86_400_000);
		await organiser.getByLabel('Art', { exact: true }).selectOption('workshop');
		await organiser.getByLabel('Titel', { exact: true }).fill(`Werkstatt Honorare ${token}`);
		await organiser.getByLabel('Vor Ort', { exact: true }).check();
		await organiser.locator('#venue_name').fill('Kreativquartier');
		await organiser.locator('#venue_address').fill('Dachauer Straße 110, 80636 München');
		await organiser.locator('#start_date').fill(startsAt.date);
		await organiser.locator('#start_time').fill('10:00');
		await organiser.locator('#end_time').fill('12:00');
		await organiser.locator('#capacity').fill('20');
		await organiser.locator('#questions').fill('Was möchten Sie mitnehmen?');
		await organiser.getByRole('button', { name: 'Als Entwurf speichern' }).click();
		await expect(organiser.getByRole('status')).toHaveText('Gespeichert.');
		await organiser.getByRole('button', { name: 'Veröffentlichen' }).click();
		await expect(organiser.getByRole('status')).toHaveText('Die Veranstaltung ist veröffentlicht.');
		const eventId = organiser.url().match(/veranstaltungen\/(\d+)/)?.[1];
		expect(eventId, 'the new event has an id').toBeTruthy();
		await organiser.context().close();

		await creative.goto(`/veranstaltungen/${eventId}`);
		await hydrated(creative);
		await creative.getByLabel('Name', { exact: true }).fill(name);
		await creative.getByLabel('E-Mail-Adresse').fill(email);
		await creative.locator('#answer_0').fill(`Ich will ${values.eventAnswer} lernen.`);
		await creative.getByLabel(/Ich willige ein/).check();
		await creative.getByRole('button', { name: 'Jetzt anmelden' }).click();
		await expect(creative.getByRole('status').filter({ hasText: /Fast geschafft/ })).toBeVisible();
		await expectAccessible(creative, 'event registration sent');
		const registrationLink = await mailLink(
			admin,
			email,
			/Bitte bestätigen Sie Ihre Anmeldung/,
			/https?:\/\/\S+\/veranstaltungen\/anmeldung\/[A-Za-z0-9_-]+/
		);
		await creative.goto(registrationLink);
		await creative.getByRole('button', { name: 'Anmeldung bestätigen' }).click();
		await expect(creative.getByRole('status')).toContainText(/Ihre Anmeldung ist bestätigt|Warteliste/);

		// 3. A week later the consultant records the talk with notes (the consent came with the booking).
		await moveServerClock(request, { days: 7 });
		let consultant = await staffPage(browser, CONSULTANT);
		await consultant.goto(`/intern/buero/${OFFICE}/begleitungen`);
		await consultant.getByRole('link', { name }).first().click();
		await expect(consultant.getByRole('heading', { level: 1 })).toHaveText(`Begleitung: ${name}`);
		const caseUrl = consultant.url();
		await consultant.getByRole('link', { name: /Erstberatung am .* dokumentieren/ }).click();
		await hydrated(consultant);
		await consultant.getByLabel('Ausgangslage (Notiz)').fill(`Die ${values.note} zur Lage.`);
		await consultant.getByLabel('Gegebene Hinweise (Notiz)').fill(`Der ${values.advice} dazu.`);
		await consultant.locator('#stepText1').fill(`Den ${values.step} gehen`);
		await consultant.getByLabel('Ergebnis').selectOption('plan_agreed');
		await consultant.getByRole('button', { name: 'Gespräch speichern' }).click();
		await expect(consultant.getByRole('status')).toHaveText('Das Gespräch ist dokumentiert.');
		await expectAccessible(consultant, 'case page with notes');

		// 4. The creative signs in to the portal and publishes a profile.
		await creative.goto('/portal/anmelden');
		await creative.getByLabel('E-Mail-Adresse').fill(email);
		await creative.getByRole('button', { name: 'Anmeldelink senden' }).click();
		admin = await staffPage(browser, ADMIN);
		const portalLink = await mailLink(
			admin,
			email,
			/Anmeldelink/,
			/https?:\/\/\S+\/portal\/anmelden\/[A-Za-z0-9_-]+/
		);
		await creative.goto(portalLink);
		await creative.getByRole('button', { name: 'Jetzt anmelden' }).click();
		await expect(creative.getByRole('heading', { level: 1 })).toHaveText('Mein Bereich');
		await creative.getByRole('link', { name: 'Mein Profil' }).click();
		await expect(creative.getByRole('heading', { level: 1 })).toHaveText('Mein Profil');
		await creative.getByLabel('Anzeigename').fill(`Studio ${values.profileName}`);
		await creative.getByLabel('Studio oder Büro').check();
		await creative.getByLabel('Designwirtschaft').check();
		await creative.getByLabel('Land', { exact: true }).selectOption('DE-BY');
		await creative.getByLabel('Ort', { exact: true }).fill('München');
		await creative.getByLabel('Kurzbeschreibung').fill(`Plakate und ${values.bio} für Kultur.`);
		await creative.getByLabel('Leistungen').fill('Illustration');
		await creative.getByRole('button', { name: 'Profil speichern' }).click();
		await expect(creative.getByRole('status')).toHaveText('Ihr Profil ist gespeichert.');
		await creative.getByLabel('Ich möchte, dass mein Profil öffentlich erscheint.').check();
		await creative.getByRole('button', { name: 'Profil veröffentlichen' }).click();
		await expect(creative.getByRole('status')).toHaveText(
			'Ihr Profil wartet jetzt auf die Freigabe durch das Regionalbüro.'
		);
		await expectAccessible(creative, 'profile published, pending');

		// 5. Four weeks later the check-in mail comes; the creative answers it.
		await moveServerClock(request, { days: 28 });
		admin = await staffPage(browser, ADMIN);
		await openCheckInFromMail(creative, admin, email);
		await creative.getByLabel('Was hat sich getan?').fill(`Mein ${values.checkIn} ist gut.`);
		await creative.getByRole('button', { name: 'Rückmeldung senden' }).click();
		await expect(creative.getByRole('heading', { level: 1 })).toHaveText('Danke für Ihre Rückmeldung');
		await expectAccessible(creative, 'check-in answered');

		// 6. In the portal the creative withdraws the consent to notes (and to news).
		await creative.goto('/portal/einwilligungen');
		if (new URL(creative.url()).pathname !== '/portal/einwilligungen') {
			// The session of step 4 ended meanwhile (the server clock moved on): sign in again.
			await creative.getByLabel('E-Mail-Adresse').fill(email);
			await creative.getByRole('button', { name: 'Anmeldelink senden' }).click();
			const again = await mailLink(
				admin,
				email,
				/Anmeldelink/,
				/https?:\/\/\S+\/portal\/anmelden\/[A-Za-z0-9_-]+/
			);
			await creative.goto(again);
			await creative.getByRole('button', { name: 'Jetzt anmelden' }).click();
			await creative.goto('/portal/einwilligungen');
		}
		await expect(creative.getByRole('heading', { level: 1 })).toHaveText('Meine Einwilligungen');
		await expect(
			creative.getByRole('rowheader', { name: 'Inhaltsnotizen zu Ihren Beratungsgesprächen' })
		).toBeVisible();
		await expectAccessible(creative, 'consents page');
		await creative.getByRole('button', { name: 'Einwilligung widerrufen und Notizen löschen' }).click();
		await expect(creative.getByRole('status')).toHaveText(
			/Ihre Einwilligung ist widerrufen\. Gelöschte Gesprächsnotizen: 1\./
		);
		await expect(creative.getByText(/Einwilligung widerrufen am/).first()).toBeVisible();
		await expectAccessible(creative, 'consents page after notes withdrawal');
		await creative.getByRole('button', { name: 'Hinweise auf Angebote abbestellen' }).click();
		await expect(creative.getByRole('status')).toHaveText(
			'Ihre Einwilligung in Hinweise auf Angebote ist widerrufen.'
		);
		await expect(creative.getByRole('button', { name: 'Hinweise auf Angebote abbestellen' })).toHaveCount(0);
		await expectAccessible(creative, 'consents page after news withdrawal');

		// 7. The case page shows the withdrawal and no notes.
		consultant = await staffPage(browser, CONSULTANT);
		await consultant.goto(caseUrl);
		await expect(
			consultant.getByText(/Einwilligung widerrufen am .* – Inhaltsnotizen gelöscht/).first()
		).toBeVisible();
		await expect(consultant.getByRole('region', { name: 'Verlauf' })).toContainText(
			/Einwilligung zu Notizen widerrufen am .* \(im Portal\)/
		);
		await expect(consultant.getByText(values.note)).toHaveCount(0);
		await expect(consultant.getByText(values.advice)).toHaveCount(0);
		expect(await consultant.locator('main').textContent()).not.toContain(values.note);
		await expectAccessible(consultant, 'case page after withdrawal');

		// 8. The statistics before the erasure …
		const before = await statisticsFigures(admin);
		expect(before.length).toBeGreaterThan(0);

		// … the creative deletes the account …
		await creative.goto('/portal/konto-loeschen');
		await expectAccessible(creative, 'delete account');
		await creative.getByLabel('Ich habe verstanden, dass meine Daten endgültig gelöscht werden.').check();
		await creative.getByRole('button', { name: 'Konto endgültig löschen' }).click();
		await expect(creative.getByText('Ihr Konto und Ihre Daten sind gelöscht.')).toBeVisible();
		await expectAccessible(creative, 'account deleted');

		// … the calendar still lists the appointment, under a placeholder instead of the name …
		consultant = await staffPage(browser, CONSULTANT);
		await consultant.goto(`/intern/buero/${OFFICE}/kalender?tag=${bookedDay}&ansicht=woche`);
		await expect(consultant.getByRole('rowheader', { name: 'Gelöschte Person' }).first()).toBeVisible();
		await expect(consultant.locator('main')).not.toContainText(name);
		await expectAccessible(consultant, 'calendar week with an erased person');

		// … and the statistics after it are the same.
		expect(await statisticsFigures(admin)).toEqual(before);

		// 9. No value the person entered is left in the database file or its WAL (SQLite only).
		if (SQLITE_FILE) {
			const raw = rawDatabaseText(SQLITE_FILE);
			expect(raw.length).toBeGreaterThan(100_000);
			// The check can fail: a value of the demo data is in the same bytes.
			expect(raw).toContain('kreativlotse');
			const left = Object.entries(values).filter(([, v]) => raw.includes(v.toLowerCase()));
			expect(left, 'values still in the SQLite file or WAL').toEqual([]);
		}
	} finally {
		await creative.context().close();
	}
});

// The clock goes back even when a step above failed or timed out.
test.afterEach(async ({ request }) => {
	await moveServerClock(request, { reset: true });
});
