import { describe, expect, it } from 'vitest';
import { addCreative } from '../../../../tests/support/creative-fixtures';
import { type TestServices, testServices } from '../../../../tests/support/test-database';
import { HOUR, DAY } from '../../time/durations';
import { mintScope } from '../access/scope';
import { parsePeriod } from '../statistics/period-rules';
import { statisticsFigures } from '../statistics/queries';
import { eraseCreative } from '../privacy/erase';
import { exportCreative } from '../privacy/export';
import { runEventJobs } from './jobs';
import { eventRegistrationsForTimeline, eventsForCreativeEmail } from './journey';
import { apiEvents, listOfficeEvents, listPublicEvents, publicEvent, staffEvent } from './queries';
import { loadRegistration } from './records';
import { actAsRegistrant, type RegistrationInput, registerForEvent } from './register';
import {
	cancelEvent,
	createEvent,
	type EventStaff,
	markAttendance,
	publishEvent,
	updateEvent
} from './staff';
import { raceTest } from '../../../../tests/support/race-name';
import { addStaff } from '../../../../tests/support/identity-fixtures';
import { eventInput } from '../../../../tests/support/event-fixtures';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

let s = servicesClosedAfterEach();

const NOW = '2026-06-15T08:00:00Z';
const START = Date.parse('2026-06-25T16:00:00Z');

async function setup(options: { capacity?: number | null; start?: number } = {}) {
	s = await testServices({ now: NOW });
	const office = await s.db
		.selectFrom('office')
		.select(['id'])
		.where('key', '=', 'nw')
		.executeTakeFirstOrThrow();
	const other = await s.db
		.selectFrom('office')
		.select(['id'])
		.where('key', '=', 'by')
		.executeTakeFirstOrThrow();
	const user = await addStaff(s, {
		email: 'eva@kreativlotse.example',
		name: 'Eva Events',
		password: false,
		totp: false
	});
	const officeId = Number(office.id);
	const staff: EventStaff = {
		id: Number(user.id),
		email: 'eva@kreativlotse.example',
		scope: mintScope(false, [officeId]),
		isNetworkAdmin: false
	};
	const input = eventInput(options.start ?? START, {
		capacity: options.capacity === undefined ? 2 : options.capacity
	});
	const created = await createEvent(s, staff, officeId, input);
	if (!created.ok) throw new Error(`create failed: ${created.reason}`);
	const published = await publishEvent(s, staff, created.eventId);
	expect(published.ok).toBe(true);
	return { s, staff, officeId, otherOfficeId: Number(other.id), eventId: created.eventId, input };
}

const person = (
	eventId: number,
	n: number | string,
	over: Partial<RegistrationInput> = {}
): RegistrationInput => ({
	eventId,
	name: `Person ${n}`,
	email: `person${n}@example.org`,
	submarket: 'film',
	answers: ['Kalkulation'],
	consents: { processing: true },
	locale: 'de',
	...over
});

async function mailsTo(svc: TestServices, email: string) {
	return svc.db
		.selectFrom('outbox')
		.select(['template', 'subject', 'text_body', 'ics', 'valid_until'])
		.where('to_address', '=', email)
		.orderBy('id')
		.execute();
}

/** The mails of one template to an address, oldest first. */
async function mailsOf(svc: TestServices, email: string, template: string) {
	return (await mailsTo(svc, email)).filter((m) => m.template === template);
}

async function linkFor(svc: TestServices, email: string, template: string): Promise<string> {
	const mails = await mailsOf(svc, email, template);
	const last = mails.at(-1);
	if (!last) throw new Error(`no ${template} mail to ${email}`);
	return last.text_body.match(/\/veranstaltungen\/anmeldung\/([A-Za-z0-9_-]+)/)![1]!;
}

async function registerAndConfirm(svc: TestServices, eventId: number, n: number) {
	const r = await registerForEvent(svc, person(eventId, n));
	if (!r.ok) throw new Error(r.reason);
	const token = await linkFor(svc, `person${n}@example.org`, 'event.pending');
	const c = await actAsRegistrant(svc, token, 'confirm');
	expect(c).toMatchObject({ ok: true, status: 'confirmed' });
	return r.registrationId;
}

/** Joins the waiting list and confirms the join by the link in the mail (issue 16). */
async function joinWaitlist(svc: TestServices, eventId: number, n: number) {
	const r = await registerForEvent(svc, person(eventId, n));
	expect(r).toMatchObject({ ok: true, status: 'waitlisted' });
	const token = await linkFor(svc, `person${n}@example.org`, 'event.waitlisted');
	expect(await actAsRegistrant(svc, token, 'confirm_waitlist')).toMatchObject({ ok: true });
	return (r as { registrationId: number }).registrationId;
}

describe('registration with double opt-in', () => {
	it('holds a place, sends a confirm link, and confirms by the button (not by opening the link)', async () => {
		const { s, eventId } = await setup();
		const r = await registerForEvent(s, person(eventId, 1));
		expect(r).toMatchObject({ ok: true, status: 'pending', existing: false });
		const mails = await mailsTo(s, 'person1@example.org');
		expect(mails.map((m) => m.template)).toEqual(['event.pending']);
		// The pending mail does not carry the online link: only confirmed people get it.
		expect(mails[0]!.text_body).not.toContain('geheim-123');
		const token = await linkFor(s, 'person1@example.org', 'event.pending');
		const confirmed = await actAsRegistrant(s, token, 'confirm');
		expect(confirmed).toEqual({
			ok: true,
			registrationId: (r as { registrationId: number }).registrationId,
			status: 'confirmed'
		});
		const after = await mailsTo(s, 'person1@example.org');
		const mail = after.find((m) => m.template === 'event.confirmed')!;
		expect(mail.text_body).toContain('https://video.example/geheim-123');
		expect(mail.ics).toContain('METHOD:REQUEST');
		// Twice is refused, nothing changes.
		expect(await actAsRegistrant(s, token, 'confirm')).toEqual({ ok: false, reason: 'not_allowed' });
	});

	it('releases an unconfirmed place after 30 minutes', async () => {
		const { s, eventId } = await setup({ capacity: 1 });
		await registerForEvent(s, person(eventId, 1));
		await joinWaitlist(s, eventId, 2);
		s.clock.advance(29 * 60_000);
		await runEventJobs(s, s.clock.now());
		expect((await publicEvent(s.db, eventId, s.clock.now()))!.counts).toEqual({
			registered: 1,
			waitlisted: 1,
			remaining: 0
		});
		s.clock.advance(2 * 60_000);
		const done = await runEventJobs(s, s.clock.now());
		expect(done.eventOffers).toBe(1);
		const token = await linkFor(s, 'person1@example.org', 'event.pending');
		expect(await actAsRegistrant(s, token, 'confirm')).toEqual({ ok: false, reason: 'not_allowed' });
		// The place went to the waiting list.
		expect((await mailsTo(s, 'person2@example.org')).map((m) => m.template)).toEqual([
			'event.waitlisted',
			'event.waitlistConfirmed',
			'event.offer'
		]);
	});

	it('makes one registration for the same Idempotency-Key, and refuses the key with another body', async () => {
		const { s, eventId } = await setup();
		const a = await registerForEvent(s, person(eventId, 1, { idempotencyKey: 'key-12345678' }));
		const b = await registerForEvent(s, person(eventId, 1, { idempotencyKey: 'key-12345678' }));
		expect(a.ok && b.ok && a.registrationId === b.registrationId).toBe(true);
		expect(b).toMatchObject({ existing: true });
		const c = await registerForEvent(s, person(eventId, 9, { idempotencyKey: 'key-12345678' }));
		expect(c).toEqual({ ok: false, reason: 'idempotency_conflict' });
		expect((await mailsTo(s, 'person1@example.org')).length).toBe(1);
	});

	it('refuses a second active registration of the same address, drafts, and invalid input', async () => {
		const { s, eventId, staff, officeId, input } = await setup();
		await registerForEvent(s, person(eventId, 1));
		expect(await registerForEvent(s, person(eventId, 1, { name: 'Anders' }))).toEqual({
			ok: false,
			reason: 'already_registered'
		});
		expect(await registerForEvent(s, person(eventId, 2, { consents: { processing: false } }))).toMatchObject({
			ok: false,
			reason: 'invalid',
			fields: { consent_processing: 'required' }
		});
		expect(await registerForEvent(s, person(eventId, 3, { submarket: 'gibt-es-nicht' }))).toMatchObject({
			reason: 'invalid'
		});
		const draft = await createEvent(s, staff, officeId, input);
		expect(await registerForEvent(s, person((draft as { eventId: number }).eventId, 4))).toEqual({
			ok: false,
			reason: 'not_found'
		});
	});
});

describe('capacity under concurrency', () => {
	it(
		raceTest(
			'capacity N with N+20 parallel registrations: exactly N places, 20 on the waiting list, nothing thrown'
		),
		async () => {
			const N = 5;
			const { s, eventId } = await setup({ capacity: N });
			const results = await Promise.all(
				Array.from({ length: N + 20 }, (_, i) =>
					registerForEvent(s!, person(eventId, `p${i}`, { idempotencyKey: `parallel-${i}-key` }))
				)
			);
			const statuses = results.map((r) => (r.ok ? r.status : r.reason));
			expect(statuses.filter((x) => x === 'pending')).toHaveLength(N);
			expect(statuses.filter((x) => x === 'waitlisted')).toHaveLength(20);
			expect((await publicEvent(s.db, eventId, s.clock.now()))!.counts).toEqual({
				registered: N,
				waitlisted: 20,
				remaining: 0
			});
		}
	);
});

describe('waiting list', () => {
	it('offers a freed place to the next person at once; the offer expires after 48 h and passes on', async () => {
		const { s, eventId } = await setup({ capacity: 2 });
		await registerAndConfirm(s, eventId, 1);
		await registerAndConfirm(s, eventId, 2);
		for (const n of [3, 4]) await joinWaitlist(s, eventId, n);
		// Person 1 cancels by the link in their mail: person 3 gets the offer in the same transaction.
		const cancelToken = await linkFor(s, 'person1@example.org', 'event.confirmed');
		expect(await actAsRegistrant(s, cancelToken, 'cancel')).toMatchObject({ ok: true, status: 'cancelled' });
		const cancelMail = (await mailsOf(s, 'person1@example.org', 'event.cancelledSelf'))[0]!;
		expect(cancelMail.ics).toContain('METHOD:CANCEL');
		expect((await mailsTo(s, 'person3@example.org')).map((m) => m.template)).toEqual([
			'event.waitlisted',
			'event.waitlistConfirmed',
			'event.offer'
		]);
		expect((await mailsTo(s, 'person4@example.org')).map((m) => m.template)).toEqual([
			'event.waitlisted',
			'event.waitlistConfirmed'
		]);
		// Issue 12: the offer mail is worth sending only until the offer lapses.
		const offered = await s.db
			.selectFrom('event_registration')
			.select('offer_expires_at')
			.where('email', '=', 'person3@example.org')
			.executeTakeFirstOrThrow();
		const offerMail = (await mailsOf(s, 'person3@example.org', 'event.offer'))[0]!;
		expect(Number(offerMail.valid_until)).toBe(Number(offered.offer_expires_at));
		expect((await mailsOf(s, 'person3@example.org', 'event.waitlistConfirmed'))[0]!.valid_until).toBeNull();
		// Unanswered for 48 hours: it passes on to person 4.
		s.clock.advance(48 * HOUR);
		await runEventJobs(s, s.clock.now());
		const offer3 = await linkFor(s, 'person3@example.org', 'event.offer');
		expect(await actAsRegistrant(s, offer3, 'accept')).toEqual({ ok: false, reason: 'not_allowed' });
		// Person 3 is told the offer lapsed (once, with no link to act on).
		const lapsed = await mailsOf(s, 'person3@example.org', 'event.offerExpired');
		expect(lapsed).toHaveLength(1);
		expect(lapsed[0]!.text_body).not.toContain('/veranstaltungen/anmeldung/');
		const offer4 = await linkFor(s, 'person4@example.org', 'event.offer');
		expect(await actAsRegistrant(s, offer4, 'accept')).toMatchObject({ ok: true, status: 'confirmed' });
		const confirmed4 = (await mailsOf(s, 'person4@example.org', 'event.confirmed'))[0]!;
		expect(confirmed4.text_body).toContain('geheim-123');
	});

	it('a declined offer passes on immediately; more capacity moves the list up', async () => {
		const { s, eventId, staff, input } = await setup({ capacity: 1 });
		await registerAndConfirm(s, eventId, 1);
		for (const n of [2, 3, 4]) await joinWaitlist(s, eventId, n);
		const updated = await updateEvent(s, staff, eventId, { ...input, capacity: 2 });
		expect(updated.ok).toBe(true);
		const offer2 = await linkFor(s, 'person2@example.org', 'event.offer');
		expect(await actAsRegistrant(s, offer2, 'decline')).toMatchObject({ ok: true, status: 'declined' });
		expect((await mailsTo(s, 'person3@example.org')).map((m) => m.template)).toContain('event.offer');
		expect((await mailsTo(s, 'person4@example.org')).map((m) => m.template)).not.toContain('event.offer');
	});
});

describe('waiting-list join confirmed by mail (issue 16)', () => {
	it('offers places only to confirmed waiters; the confirm link does that one thing; a join unconfirmed for 24 h lapses', async () => {
		const { s, eventId, staff } = await setup({ capacity: 1 });
		await registerAndConfirm(s, eventId, 1);
		const id2 = (await registerForEvent(s, person(eventId, 2))) as { registrationId: number };
		await registerForEvent(s, person(eventId, 3));
		const confirm2 = await linkFor(s, 'person2@example.org', 'event.waitlisted');
		const confirm3 = await linkFor(s, 'person3@example.org', 'event.waitlisted');
		// The confirm mail is worthless after 24 h (issue 12) and its link is stored hashed, expiring then.
		const mail2 = (await mailsTo(s, 'person2@example.org'))[0]!;
		expect(Number(mail2.valid_until)).toBe(s.clock.now().getTime() + 24 * HOUR);
		const tokens = await s.db
			.selectFrom('event_registration_token')
			.select(['token_hash', 'purpose', 'expires_at'])
			.where('registration_id', '=', id2.registrationId)
			.execute();
		expect(tokens).toEqual([
			{
				token_hash: expect.not.stringContaining(confirm2),
				purpose: 'waitlist_confirm',
				expires_at: s.clock.now().getTime() + 24 * HOUR
			}
		]);
		expect(confirm2.length).toBeGreaterThanOrEqual(40);
		// Single-purpose: the confirm link cancels nothing, accepts nothing.
		for (const action of ['cancel', 'accept', 'decline', 'reconfirm'] as const)
			expect(await actAsRegistrant(s, confirm2, action)).toEqual({ ok: false, reason: 'not_allowed' });
		// Staff see the unconfirmed joins apart from the waiting list.
		const detail = await staffEvent(s.db, staff, eventId, s.clock.now());
		expect(detail!.counts).toMatchObject({ waitlisted: 0, waitlistUnconfirmed: 2 });
		// Person 3 confirms, person 2 does not: the freed place goes to person 3 although person 2 joined first.
		expect(await actAsRegistrant(s, confirm3, 'confirm_waitlist')).toEqual({
			ok: true,
			registrationId: expect.any(Number),
			status: 'waitlisted'
		});
		expect(await actAsRegistrant(s, confirm3, 'confirm_waitlist')).toEqual({
			ok: false,
			reason: 'not_allowed'
		});
		const manage3 = await linkFor(s, 'person3@example.org', 'event.waitlistConfirmed');
		// The manage link in the confirmation cannot confirm a join: that is the confirm link's job.
		expect(await actAsRegistrant(s, manage3, 'confirm_waitlist')).toEqual({
			ok: false,
			reason: 'not_allowed'
		});
		expect((await staffEvent(s.db, staff, eventId, s.clock.now()))!.counts).toMatchObject({
			waitlisted: 1,
			waitlistUnconfirmed: 1
		});
		const cancel1 = await linkFor(s, 'person1@example.org', 'event.confirmed');
		expect(await actAsRegistrant(s, cancel1, 'cancel')).toMatchObject({ ok: true });
		expect((await mailsTo(s, 'person3@example.org')).map((m) => m.template)).toContain('event.offer');
		expect((await mailsTo(s, 'person2@example.org')).map((m) => m.template)).toEqual(['event.waitlisted']);
		// 24 hours without confirmation: the join lapses (audited, no mail to the unconfirmed address).
		s.clock.advance(24 * HOUR);
		await runEventJobs(s, s.clock.now());
		expect((await loadRegistration(s.db, id2.registrationId))!.status).toBe('expired');
		expect(await actAsRegistrant(s, confirm2, 'confirm_waitlist')).toEqual({ ok: false, reason: 'expired' });
		const audit = await s.db
			.selectFrom('audit_event')
			.select('action')
			.where('subject_id', '=', String(id2.registrationId))
			.execute();
		expect(audit.map((a) => a.action)).toContain('event.registration.waitlist_lapsed');
		expect((await mailsTo(s, 'person2@example.org')).map((m) => m.template)).toEqual(['event.waitlisted']);
	});

	it('a waiter who confirms while a place is free gets the offer at once; newcomers are not held back by unconfirmed joins', async () => {
		const { s, eventId } = await setup({ capacity: 1 });
		const id1 = await registerAndConfirm(s, eventId, 1);
		await registerForEvent(s, person(eventId, 2));
		const cancel1 = await linkFor(s, 'person1@example.org', 'event.confirmed');
		await actAsRegistrant(s, cancel1, 'cancel', {}, undefined, 'illness');
		expect((await loadRegistration(s.db, id1))!.cancelReasonKey).toBe('illness');
		// Nobody confirmed waits: the place stays free …
		expect((await publicEvent(s.db, eventId, s.clock.now()))!.counts).toMatchObject({ remaining: 1 });
		// … until person 2 confirms, and is offered it in the same step.
		const confirm2 = await linkFor(s, 'person2@example.org', 'event.waitlisted');
		expect(await actAsRegistrant(s, confirm2, 'confirm_waitlist')).toMatchObject({
			ok: true,
			status: 'offered'
		});
		const decline = await linkFor(s, 'person2@example.org', 'event.offer');
		await actAsRegistrant(s, decline, 'decline');
		await registerForEvent(s, person(eventId, 3));
		await registerForEvent(s, person(eventId, 4));
		const c3 = await linkFor(s, 'person3@example.org', 'event.pending');
		expect(c3).toBeTruthy();
		// The office hears of the deregistration with the reason label, not the address.
		const office = await mailsTo(s, 'eva@kreativlotse.example');
		const dereg = office.find((m) => m.template === 'event.office.deregistered')!;
		expect(dereg.text_body).toContain('Person 1');
		expect(dereg.text_body).toContain('Krankheit');
		expect(dereg.text_body).not.toContain('person1@example.org');
		const audit = await s.db
			.selectFrom('audit_event')
			.select(['action', 'data'])
			.where('subject_id', '=', String(id1))
			.where('action', '=', 'event.registration.cancelled')
			.executeTakeFirstOrThrow();
		expect(JSON.parse(String(audit.data))).toMatchObject({ reasonKey: 'illness' });
		// The statistics count deregistrations by reason ("Abmeldungen nach Grund").
		const june = {
			period: parsePeriod(new URLSearchParams('zeitraum=monat&monat=2026-06'), '2026-06-16'),
			officeId: null,
			land: null
		};
		const figures = await statisticsFigures(s.db, mintScope(true, []), june, s.clock.now().getTime());
		expect(figures!.events.cancelReasons).toEqual([{ key: 'illness', n: 1 }]);
	});
});

describe('changing a published event', () => {
	it('tells everyone still registered or waiting (confirmed) when time or place change; confirmed ones get an updated calendar entry', async () => {
		const { s, eventId, staff, input } = await setup({ capacity: 1 });
		await registerAndConfirm(s, eventId, 1);
		await joinWaitlist(s, eventId, 2);
		// A waiting-list join nobody confirmed is not told (issue 16): the address is unproven.
		expect(await registerForEvent(s, person(eventId, 3))).toMatchObject({ status: 'waitlisted' });
		// A new description only: nobody is mailed.
		expect((await updateEvent(s, staff, eventId, { ...input, description: 'Neu' })).ok).toBe(true);
		const changed = async (email: string) => await mailsOf(s, email, 'event.changed');
		expect(await changed('person1@example.org')).toHaveLength(0);

		const later = input.start + 24 * HOUR;
		const r = await updateEvent(s, staff, eventId, {
			...input,
			description: 'Neu',
			start: later,
			end: later + 2 * HOUR
		});
		expect(r.ok).toBe(true);
		const [confirmed] = await changed('person1@example.org');
		const [waiting] = await changed('person2@example.org');
		expect(confirmed?.subject).toMatch(/^Geändert: Preise kalkulieren/);
		expect(confirmed?.ics).toContain('METHOD:REQUEST');
		expect(confirmed?.ics).toMatch(/SEQUENCE:[1-9]/);
		expect(confirmed?.text_body).toContain('video.example/geheim-123');
		expect(waiting?.ics).toBeNull();
		expect(waiting?.text_body).not.toContain('geheim-123');
		expect(await changed('person3@example.org')).toHaveLength(0);
	});
});

describe('cancelling an event', () => {
	it('tells every registrant and everyone confirmed on the waiting list in one action, with METHOD:CANCEL', async () => {
		const { s, eventId, staff } = await setup({ capacity: 2 });
		await registerAndConfirm(s, eventId, 1);
		await registerForEvent(s, person(eventId, 2));
		// Person 3 waits unconfirmed (not told, issue 16), person 4 confirmed the join (told).
		expect(await registerForEvent(s, person(eventId, 3))).toMatchObject({ status: 'waitlisted' });
		await joinWaitlist(s, eventId, 4);
		const r = await cancelEvent(s, staff, eventId, 'Erkrankung der Referentin');
		expect(r).toEqual({ ok: true, eventId, told: 3 });
		const cancelledMails = async (n: number) =>
			await mailsOf(s, `person${n}@example.org`, 'event.eventCancelled');
		expect(await cancelledMails(3)).toHaveLength(0);
		for (const n of [1, 2, 4]) {
			const mail = (await mailsOf(s, `person${n}@example.org`, 'event.eventCancelled'))[0]!;
			expect(mail.text_body).toContain('Erkrankung der Referentin');
			expect(mail.ics).toContain('METHOD:CANCEL');
			expect(mail.ics).toContain('STATUS:CANCELLED');
		}
		expect((await publicEvent(s.db, eventId, s.clock.now()))!.event.status).toBe('cancelled');
		expect(await cancelEvent(s, staff, eventId, 'nochmal')).toEqual({ ok: false, reason: 'not_allowed' });
		expect(await registerForEvent(s, person(eventId, 9))).toMatchObject({
			reason: 'not_open',
			window: 'cancelled'
		});
	});

	it('keeps other offices out: their staff see nothing and change nothing', async () => {
		const { s, eventId, otherOfficeId } = await setup();
		const outsider: EventStaff = {
			id: 999,
			email: 'x@by.example',
			scope: mintScope(false, [otherOfficeId]),
			isNetworkAdmin: false
		};
		expect(await cancelEvent(s, outsider, eventId, 'x')).toEqual({ ok: false, reason: 'not_found' });
		expect(await staffEvent(s.db, outsider, eventId, s.clock.now())).toBeNull();
	});

	it('lets only network admins create events for the whole network', async () => {
		const { s, staff, officeId, input } = await setup();
		expect(await createEvent(s, staff, officeId, { ...input, network: true })).toEqual({
			ok: false,
			reason: 'forbidden'
		});
		const admin: EventStaff = { ...staff, isNetworkAdmin: true, scope: mintScope(false, [officeId]) };
		const created = await createEvent(s, admin, officeId, { ...input, network: true });
		expect(created.ok).toBe(true);
		const id = (created as { eventId: number }).eventId;
		expect(await staffEvent(s.db, staff, id, s.clock.now())).toBeNull();
		expect((await listOfficeEvents(s.db, admin, officeId, s.clock.now())).map((e) => e.event.id)).toContain(
			id
		);
		expect(
			(await listOfficeEvents(s.db, staff, officeId, s.clock.now())).map((e) => e.event.id)
		).not.toContain(id);
	});
});

describe('before and after the event', () => {
	it('asks "Kommen Sie noch?" 3 days before, reminds 1 day before (once each), then thanks and asks for feedback', async () => {
		const { s, eventId, staff } = await setup();
		await registerAndConfirm(s, eventId, 1);
		await registerAndConfirm(s, eventId, 2);
		s.clock.set(new Date(START - 3 * DAY));
		expect((await runEventJobs(s, s.clock.now())).eventMails).toBe(2);
		expect((await runEventJobs(s, s.clock.now())).eventMails).toBe(0);
		const reconfirm = await linkFor(s, 'person1@example.org', 'event.reconfirm');
		expect(await actAsRegistrant(s, reconfirm, 'reconfirm')).toMatchObject({ ok: true });
		expect((await loadRegistration(s.db, 1))!.reconfirmedAt).not.toBeNull();
		// "Ich kann nicht" from the same page frees the place.
		const reconfirm2 = await linkFor(s, 'person2@example.org', 'event.reconfirm');
		expect(await actAsRegistrant(s, reconfirm2, 'cancel')).toMatchObject({ ok: true, status: 'cancelled' });
		s.clock.set(new Date(START - DAY));
		expect((await runEventJobs(s, s.clock.now())).eventMails).toBe(1);
		const reminder = (await mailsOf(s, 'person1@example.org', 'event.reminder'))[0]!;
		expect(reminder.text_body).toContain('geheim-123');
		// Check-in at the door.
		s.clock.set(new Date(START + 10 * 60_000));
		const detail = (await staffEvent(s.db, staff, eventId, s.clock.now()))!;
		const first = detail.registrations.find((r) => r.email === 'person1@example.org')!;
		expect((await markAttendance(s, staff, eventId, first.id, 'attended')).ok).toBe(true);
		const counts = (await staffEvent(s.db, staff, eventId, s.clock.now()))!.counts;
		expect(counts).toMatchObject({ confirmed: 1, attended: 1, noShow: 0, noShowRate: 0 });
		// After the end: finished, thank-you with materials and feedback.
		s.clock.set(new Date(START + 4 * HOUR + 1));
		const done = await runEventJobs(s, s.clock.now());
		expect(done).toMatchObject({ eventsFinished: 1, eventFollowUps: 2 });
		const after = (await mailsTo(s, 'person1@example.org')).map((m) => m.template);
		expect(after).toEqual(expect.arrayContaining(['event.thanks', 'event.feedback']));
		const thanks = (await mailsOf(s, 'person1@example.org', 'event.thanks'))[0]!;
		expect(thanks.text_body).toContain('https://example.org/unterlagen.pdf');
		expect((await mailsTo(s, 'person2@example.org')).map((m) => m.template)).not.toContain('event.feedback');
		const feedback = await linkFor(s, 'person1@example.org', 'event.feedback');
		expect(
			await actAsRegistrant(s, feedback, 'feedback', {}, { rating: 5, comment: 'Sehr hilfreich' })
		).toMatchObject({ ok: true });
		expect(await actAsRegistrant(s, feedback, 'feedback', {}, { rating: 1, comment: null })).toEqual({
			ok: false,
			reason: 'not_allowed'
		});
		expect((await runEventJobs(s, s.clock.now())).eventFollowUps).toBe(0);
	});
});

describe('public reads and the journey', () => {
	it('lists upcoming events with counts and never shows the online link or people', async () => {
		const { s, eventId } = await setup();
		await registerForEvent(s, person(eventId, 1));
		const list = await listPublicEvents(s.db, { land: 'DE-NW' }, s.clock.now());
		expect(list.map((e) => e.event.id)).toEqual([eventId]);
		expect(await listPublicEvents(s.db, { land: 'DE-BY' }, s.clock.now())).toEqual([]);
		const api = await apiEvents(s.db, 'https://kreativlotse.example', s.clock.now());
		expect(api).toEqual([
			expect.objectContaining({
				id: eventId,
				capacity: 2,
				registered: 1,
				waitlisted: 0,
				url: `https://kreativlotse.example/veranstaltungen/${eventId}`
			})
		]);
		expect(JSON.stringify(api)).not.toContain('geheim');
	});

	it('finds registrations by e-mail for the portal and the case timeline, and exports them', async () => {
		const { s, eventId } = await setup();
		await registerAndConfirm(s, eventId, 1);
		const mine = await eventsForCreativeEmail(s.db, 'Person1@Example.org', s.clock.now());
		expect(mine).toEqual([
			expect.objectContaining({
				eventId,
				title: 'Preise kalkulieren',
				status: 'confirmed',
				officeName: expect.any(String),
				url: `/veranstaltungen/${eventId}`
			})
		]);
		expect(await eventRegistrationsForTimeline(s.db, 'person1@example.org')).toEqual([
			expect.objectContaining({ eventId, title: 'Preise kalkulieren', status: 'confirmed' })
		]);
		expect(await eventsForCreativeEmail(s.db, 'someone@example.org', s.clock.now())).toEqual([]);
		const creativeId = await addCreative(s, 'person1@example.org');
		const exported = await exportCreative(s.db, creativeId, s.clock.now());
		expect(exported!.event_registration).toEqual([
			expect.objectContaining({ email: 'person1@example.org', answers: ['Kalkulation'] })
		]);
		expect(exported!.event_registration_token.length).toBeGreaterThan(0);
	});

	it('erasure gives the place back (the waiting list moves up) and anonymises, keeping the statistics', async () => {
		const { s, eventId } = await setup({ capacity: 1 });
		const id = await registerAndConfirm(s, eventId, 1);
		await joinWaitlist(s, eventId, 2);
		const creativeId = await addCreative(s, 'person1@example.org');
		expect((await eraseCreative(s, creativeId)).ok).toBe(true);
		const row = await s.db
			.selectFrom('event_registration')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		expect(row).toMatchObject({
			name: '',
			email: '',
			answers: '[]',
			status: 'cancelled',
			cancelled_by: 'erasure',
			submarket: 'film'
		});
		expect(
			await s.db
				.selectFrom('event_registration_token')
				.select('id')
				.where('registration_id', '=', id)
				.execute()
		).toEqual([]);
		expect((await mailsTo(s, 'person2@example.org')).map((m) => m.template)).toContain('event.offer');
		expect(await eventsForCreativeEmail(s.db, 'person1@example.org', s.clock.now())).toEqual([]);
	});
});
