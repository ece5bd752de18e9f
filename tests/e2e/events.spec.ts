import type { Browser, Page } from '@playwright/test';
import ICAL from 'ical.js';
import { expect, expectAccessible, hydrated, login, mailText, test } from './support';
import { allowFailedLoads } from './support';

test.setTimeout(240_000);
test.use({ actionTimeout: 15_000 });

/** Consultant of he-rp-sl; no other spec signs in with this account. */
const STAFF = 'aylin.demir@demo.kreativlotse.de';
const OFFICE = 'he-rp-sl';

/** Berlin wall-clock date (YYYY-MM-DD) and time (HH:MM) of an instant. */
function berlin(instant: number): { date: string; time: string } {
	const p = Object.fromEntries(
		new Intl.DateTimeFormat('en-GB', {
			timeZone: 'Europe/Berlin',
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit'
		})
			.formatToParts(new Date(instant))
			.map((x) => [x.type, x.value])
	);
	return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The registration link of the newest mail with this subject to this address, as its recipient got it. */
async function mailLink(staff: Page, to: string, subject: string | RegExp): Promise<string> {
	const text = await mailText(
		staff,
		to,
		typeof subject === 'string' ? new RegExp(escapeRegExp(subject)) : subject
	);
	const m = text.match(/https?:\/\/\S+\/veranstaltungen\/anmeldung\/[A-Za-z0-9_-]+/);
	expect(m, `link in "${String(subject)}" to ${to}`).not.toBeNull();
	return new URL(m![0]).pathname;
}

async function register(browser: Browser, eventPath: string, name: string, email: string, axe: boolean) {
	const page = await (await browser.newContext()).newPage();
	await page.goto(eventPath);
	await hydrated(page);
	if (axe) await expectAccessible(page, 'event page with registration form');
	await page.getByLabel('Name', { exact: true }).fill(name);
	await page.getByLabel('E-Mail-Adresse').fill(email);
	await page.getByLabel(/Ich willige ein/).check();
	await page.getByRole('button', { name: /Jetzt anmelden|Auf die Warteliste setzen/ }).click();
	await expect(page.getByRole('status').filter({ hasText: /Fast geschafft|Warteliste/ })).toBeVisible();
	return page;
}

test('events: create and publish, register with waiting list, self-cancel, offer, check-in, cancel the event', async ({
	browser
}) => {
	allowFailedLoads([400], 'the event and registration forms are sent with mistakes on purpose');
	const stamp = Date.now();
	const title = `Honorare kalkulieren ${stamp}`;
	const people = [1, 2, 3].map((n) => ({
		name: `Teilnehmerin ${n} ${stamp}`,
		email: `event${n}.${stamp}@example.org`
	}));

	// --- Staff create and publish an event with capacity 2 (starts in about two hours, so the
	// check-in list is open later in this journey).
	const staff = await (await browser.newContext()).newPage();
	await login(staff, STAFF);
	await staff.goto(`/intern/buero/${OFFICE}`);
	await staff.getByRole('link', { name: 'Veranstaltungen', exact: true }).last().click();
	await expect(staff.getByRole('heading', { level: 1 })).toContainText('Veranstaltungen:');
	await expectAccessible(staff, 'staff event list');
	await staff.getByRole('link', { name: 'Neue Veranstaltung anlegen' }).click();
	await hydrated(staff);
	await expectAccessible(staff, 'new event form');
	// An empty required field shows the error summary, values kept.
	await staff.getByLabel('Titel', { exact: true }).fill(title);
	await staff.getByRole('button', { name: 'Als Entwurf speichern' }).click();
	await expect(staff.getByRole('alert')).toBeVisible();
	await expect(staff.getByLabel('Titel', { exact: true })).toHaveValue(title);
	await expectAccessible(staff, 'new event form with errors');

	const start = Math.ceil((Date.now() + 2 * 3_600_000) / 300_000) * 300_000;
	const s = berlin(start);
	const e = berlin(start + 3_600_000);
	await staff.getByLabel('Art', { exact: true }).selectOption('workshop');
	await staff
		.getByLabel('Beschreibung')
		.fill('Wie Sie **Honorare** kalkulieren.\n\n<script>alert(1)</script>');
	await staff.getByLabel('Vor Ort', { exact: true }).check();
	await staff.locator('#venue_name').fill('Kreativhaus');
	await staff.locator('#venue_address').fill('Hanauer Landstraße 145, 60314 Frankfurt am Main');
	await staff.locator('#accessibility').fill('Stufenloser Zugang, Aufzug');
	await staff.locator('#start_date').fill(s.date);
	await staff.locator('#start_time').fill(s.time);
	await staff.locator('#end_time').fill(e.time);
	if (e.date !== s.date) await staff.locator('#end_date').fill(e.date);
	await staff.locator('#capacity').fill('2');
	await staff.getByRole('button', { name: 'Als Entwurf speichern' }).click();
	await expect(staff.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(staff.getByRole('status')).toHaveText('Gespeichert.');
	await expectAccessible(staff, 'event detail (draft)');
	await staff.getByRole('button', { name: 'Veröffentlichen' }).click();
	await expect(staff.getByRole('status')).toHaveText('Die Veranstaltung ist veröffentlicht.');
	const staffEventUrl = staff.url().split('?')[0]!;
	const eventId = staffEventUrl.match(/veranstaltungen\/(\d+)/)![1]!;
	const eventPath = `/veranstaltungen/${eventId}`;

	// --- Public list and page.
	const visitor = await (await browser.newContext()).newPage();
	await visitor.goto(`/veranstaltungen?buero=${OFFICE}`);
	await expect(visitor.getByRole('link', { name: title })).toBeVisible();
	await expectAccessible(visitor, 'public event list');
	await visitor.goto(eventPath);
	// The description is Markdown rendered sanitised: bold works, the script is only text.
	await expect(visitor.locator('.description strong')).toHaveText('Honorare');
	await expect(visitor.locator('.description script')).toHaveCount(0);
	// An empty submit: the error summary, accessible.
	await hydrated(visitor);
	await visitor.getByRole('button', { name: 'Jetzt anmelden' }).click();
	await expect(visitor.getByRole('alert')).toBeVisible();
	await expectAccessible(visitor, 'registration form with errors');

	// --- Three people register; the third lands on the waiting list.
	const p1 = await register(browser, eventPath, people[0]!.name, people[0]!.email, true);
	await expectAccessible(p1, 'registration sent');
	const p2 = await register(browser, eventPath, people[1]!.name, people[1]!.email, false);
	const p3 = await register(browser, eventPath, people[2]!.name, people[2]!.email, false);
	await expect(p3.getByRole('status')).toContainText('Alle Plätze sind vergeben');

	// Double opt-in: the link opens a page, its button confirms.
	for (const [i, page] of [p1, p2].entries()) {
		const link = await mailLink(staff, people[i]!.email, /Bitte bestätigen Sie Ihre Anmeldung/);
		await page.goto(link);
		if (i === 0) await expectAccessible(page, 'confirm registration page');
		await page.getByRole('button', { name: 'Anmeldung bestätigen' }).click();
		await expect(page.getByRole('status')).toContainText('Ihre Anmeldung ist bestätigt');
	}
	await expectAccessible(p1, 'registration confirmed');

	// --- Issue 16: joining the waiting list is confirmed from its mail too (double opt-in);
	// the link opens a page whose button confirms.
	const join = await mailLink(staff, people[2]!.email, /Bitte bestätigen Sie die Warteliste/);
	await p3.goto(join);
	await expect(p3.getByText(/Bitte bestätigen Sie bis/)).toBeVisible();
	await expectAccessible(p3, 'confirm waiting list page');
	await p3.getByRole('button', { name: 'Warteliste bestätigen' }).click();
	await expect(p3.getByRole('status')).toContainText('Sie stehen auf der Warteliste');

	// --- Person 1 cancels by the link in the confirmation mail ("Ich kann nicht").
	const manage = await mailLink(staff, people[0]!.email, /Anmeldung bestätigt/);
	await p1.goto(manage);
	await expect(p1.getByRole('heading', { name: 'Kommen Sie noch?' })).toBeVisible();
	await expectAccessible(p1, 'registration page (confirmed)');
	await p1.getByRole('button', { name: 'Ich kann nicht' }).click();
	// Issue 16: it first asks, with an optional reason from the list appointments use.
	await p1.getByLabel(/Grund der Abmeldung/).selectOption({ label: 'Krankheit' });
	await expectAccessible(p1, 'deregistration with a reason');
	await p1.getByRole('button', { name: 'Ja, abmelden' }).click();
	await expect(p1.getByRole('status')).toContainText('Sie sind abgemeldet');
	// The organiser (the event's contact) hears of it with the reason, without the address.
	const officeMail = await mailText(staff, STAFF, new RegExp(`Abmeldung von ${escapeRegExp(title)}`));
	expect(officeMail).toContain('Krankheit');
	expect(officeMail).not.toContain(people[0]!.email);

	// --- The third person gets the offer at once and accepts it.
	const offer = await mailLink(staff, people[2]!.email, /Ein Platz ist frei geworden/);
	await p3.goto(offer);
	await expect(p3.getByText(/Ein Platz ist für Sie frei geworden/)).toBeVisible();
	await expectAccessible(p3, 'offer page');
	await p3.getByRole('button', { name: 'Platz annehmen' }).click();
	await expect(p3.getByRole('status')).toContainText('Ihre Anmeldung ist bestätigt');

	// --- Check-in: a mobile-friendly list, search by name, attended / no-show.
	await staff.goto(`${staffEventUrl}/checkin`);
	await staff.setViewportSize({ width: 375, height: 800 });
	await expect(staff.getByRole('heading', { level: 2 })).toHaveCount(2);
	await expectAccessible(staff, 'check-in list (mobile)');
	await staff.getByLabel('Name suchen').fill(`Teilnehmerin 2 ${stamp}`);
	await staff.getByRole('button', { name: 'Suchen' }).click();
	await expect(staff.getByRole('heading', { level: 2 })).toHaveCount(1);
	await staff.getByRole('button', { name: `${people[1]!.name}: Anwesend` }).click();
	await expect(staff.getByText('Erfasst: Anwesend')).toBeVisible();
	await staff.goto(`${staffEventUrl}/checkin`);
	await staff.getByRole('button', { name: `${people[2]!.name}: Nicht erschienen` }).click();
	await expect(staff.getByText('Erfasst: Nicht erschienen')).toBeVisible();
	await expect(staff.getByRole('status').first()).toContainText('No-Show-Quote: 50 %');
	await expectAccessible(staff, 'check-in list after marking');
	await staff.setViewportSize({ width: 1280, height: 800 });
	const csv = await staff.request.get(`${staffEventUrl}/teilnahme.csv`);
	expect(csv.status()).toBe(200);
	const csvText = await csv.text();
	expect(csvText).toContain(people[1]!.name);
	expect(csvText).toContain('Anwesend');

	// --- Staff cancel the event in one action: everyone still registered is told.
	await staff.goto(staffEventUrl);
	await staff.getByLabel('Grund der Absage').fill('Erkrankung der Referentin');
	await staff.getByRole('button', { name: 'Veranstaltung absagen und alle benachrichtigen' }).click();
	await expect(staff.getByRole('status')).toHaveText(
		'Die Veranstaltung ist abgesagt; 2 Personen wurden benachrichtigt.'
	);
	await expectAccessible(staff, 'event detail (cancelled)');
	for (const person of [people[1]!, people[2]!]) {
		await staff.goto(`/intern/postausgang?to=${encodeURIComponent(person.email)}`);
		await staff.getByRole('link', { name: `Abgesagt: ${title}` }).click();
		await expect(staff.locator('pre').first()).toContainText('Erkrankung der Referentin');
	}
	// Person 1 had cancelled already and was told then.
	await staff.goto(`/intern/postausgang?to=${encodeURIComponent(people[0]!.email)}`);
	await expect(staff.getByRole('link', { name: `Abmeldung bestätigt: ${title}` })).toBeVisible();

	// --- The public page shows it cancelled, also in its JSON-LD.
	await visitor.goto(eventPath);
	await expect(visitor.getByText('Diese Veranstaltung ist abgesagt.')).toBeVisible();
	await expectAccessible(visitor, 'cancelled event page');
	const ld = JSON.parse((await visitor.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
	expect(ld).toMatchObject({
		'@context': 'https://schema.org',
		'@type': 'Event',
		name: title,
		eventStatus: 'https://schema.org/EventCancelled',
		eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
		location: { '@type': 'Place', address: { '@type': 'PostalAddress' } },
		organizer: { '@type': 'Organization' }
	});

	// --- The feeds parse with a real parser; the event is in them, cancelled.
	for (const feed of ['/veranstaltungen.ics', `/veranstaltungen/buero/${OFFICE}.ics`]) {
		const res = await visitor.request.get(feed);
		expect(res.status()).toBe(200);
		expect(res.headers()['content-type']).toContain('text/calendar');
		const calendar = new ICAL.Component(ICAL.parse(await res.text()));
		const mine = calendar
			.getAllSubcomponents('vevent')
			.find((v) => v.getFirstPropertyValue('summary') === title);
		expect(mine, feed).toBeDefined();
		expect(mine!.getFirstPropertyValue('status')).toBe('CANCELLED');
	}
});
