import { describe, expect, it } from 'vitest';
import { HOUR, DAY } from '../../time/durations';
import type { EventStatus, RegistrationStatus } from '../db/schema';
import {
	attendanceCounts,
	dueMail,
	type EventAction,
	eventActionAllowed,
	freePlaces,
	matchesFilter,
	offerExpiry,
	placeFor,
	type RegistrantAction,
	registrantActionAllowed,
	registrationWindow,
	takesPlace,
	WAITLIST_CONFIRM_MS,
	waitlistConfirmExpiry,
	toldOfEventChanges,
	waitState
} from './rules';

/** Every rule as a table: one row reads like a sentence of the issue. */
const NOW = Date.UTC(2026, 5, 15, 8, 0);
const START = NOW + 5 * DAY;
const END = START + 2 * HOUR;

describe('event life cycle', () => {
	it.each<[EventStatus, EventAction, number, boolean]>([
		['draft', 'publish', NOW, true],
		['draft', 'publish', START, false],
		['published', 'publish', NOW, false],
		['draft', 'cancel', NOW, false],
		['published', 'cancel', NOW, true],
		['published', 'cancel', END, false],
		['cancelled', 'cancel', NOW, false],
		['published', 'finish', NOW, false],
		['published', 'finish', END, true],
		['draft', 'edit', NOW, true],
		['published', 'edit', NOW, true],
		['cancelled', 'edit', NOW, false],
		['finished', 'edit', END + DAY, false],
		['published', 'check_in', NOW, false],
		['published', 'check_in', START - 12 * HOUR, true],
		['finished', 'check_in', END + DAY, true],
		['cancelled', 'check_in', START, false]
	])('%s: %s at %d → %s', (status, action, now, expected) => {
		expect(eventActionAllowed(status, action, { now, start: START, end: END })).toBe(expected);
	});
});

describe('registration window', () => {
	const event = (over: Partial<Parameters<typeof registrationWindow>[0]> = {}) => ({
		status: 'published' as EventStatus,
		start: START,
		registrationOpensAt: null,
		registrationClosesAt: null,
		...over
	});
	it.each([
		['published, no window', event(), NOW, 'open'],
		['draft', event({ status: 'draft' }), NOW, 'not_published'],
		['cancelled', event({ status: 'cancelled' }), NOW, 'cancelled'],
		['finished', event({ status: 'finished' }), NOW, 'closed'],
		['before it opens', event({ registrationOpensAt: NOW + HOUR }), NOW, 'not_yet'],
		['at the opening', event({ registrationOpensAt: NOW }), NOW, 'open'],
		['after the deadline', event({ registrationClosesAt: NOW - 1 }), NOW, 'closed'],
		[
			'deadline after the start: the start closes',
			event({ registrationClosesAt: START + DAY }),
			START,
			'closed'
		],
		['at the start', event(), START, 'closed']
	] as const)('%s → %s', (_name, e, now, expected) => {
		expect(registrationWindow(e, now)).toBe(expected);
	});
});

describe('places and the waiting list', () => {
	it.each([
		[null, 0, 'place'],
		[null, 500, 'place'],
		[2, 0, 'place'],
		[2, 1, 'place'],
		[2, 2, 'waitlist'],
		[2, 3, 'waitlist']
	] as const)('capacity %s, %d taken → %s', (capacity, occupied, expected) => {
		expect(placeFor(capacity, occupied)).toBe(expected);
	});

	it.each([
		[2, 1, 5, 1],
		[2, 2, 5, 0],
		[2, 3, 5, 0],
		[5, 1, 2, 2],
		[null, 10, 3, 3],
		[2, 0, 0, 0]
	] as const)('capacity %s, %d taken, %d waiting → %d offers', (capacity, occupied, waiting, expected) => {
		expect(freePlaces(capacity, occupied, waiting)).toBe(expected);
	});

	it.each<[RegistrationStatus, number | null, number | null, boolean]>([
		['confirmed', null, null, true],
		['pending', NOW + 1, null, true],
		['pending', NOW, null, false],
		['offered', null, NOW + 1, true],
		['offered', null, NOW - 1, false],
		['waitlisted', null, null, false],
		['cancelled', null, null, false],
		['expired', NOW + 1, null, false]
	])('%s (hold %s, offer %s) takes a place: %s', (status, holdExpiresAt, offerExpiresAt, expected) => {
		expect(takesPlace({ status, holdExpiresAt, offerExpiresAt }, NOW)).toBe(expected);
	});

	it.each([
		['48 h when the event is far away', 48, START, NOW + 48 * HOUR],
		['configurable', 12, START, NOW + 12 * HOUR],
		['never past the start', 48, NOW + 3 * HOUR, NOW + 3 * HOUR]
	])('offer deadline: %s', (_name, hours, start, expected) => {
		expect(offerExpiry(NOW, hours, start)).toBe(expected);
	});
});

describe('what a registrant may do from the link', () => {
	const reg = (status: RegistrationStatus, over: Record<string, unknown> = {}) => ({
		status,
		holdExpiresAt: NOW + 10 * 60_000,
		offerExpiresAt: NOW + HOUR,
		attendance: null,
		feedbackAt: null,
		waitlistedAt: NOW - HOUR,
		waitlistConfirmedAt: NOW - HOUR + 60_000,
		createdAt: NOW - HOUR,
		...over
	});
	const published = { status: 'published' as EventStatus, start: START, end: END };
	it.each<
		[
			string,
			ReturnType<typeof reg>,
			{ status: EventStatus; start: number; end: number },
			RegistrantAction,
			number,
			boolean
		]
	>([
		['confirm a live hold', reg('pending'), published, 'confirm', NOW, true],
		['confirm a lapsed hold', reg('pending', { holdExpiresAt: NOW }), published, 'confirm', NOW, false],
		['confirm twice', reg('confirmed'), published, 'confirm', NOW, false],
		['cancel when confirmed', reg('confirmed'), published, 'cancel', NOW, true],
		['leave the waiting list', reg('waitlisted'), published, 'cancel', NOW, true],
		['cancel after the start', reg('confirmed'), published, 'cancel', START, false],
		[
			'cancel a cancelled event',
			reg('confirmed'),
			{ ...published, status: 'cancelled' },
			'cancel',
			NOW,
			false
		],
		['accept a live offer', reg('offered'), published, 'accept', NOW, true],
		['accept a lapsed offer', reg('offered', { offerExpiresAt: NOW }), published, 'accept', NOW, false],
		['accept without an offer', reg('waitlisted'), published, 'accept', NOW, false],
		['decline a live offer', reg('offered'), published, 'decline', NOW, true],
		['say "still coming"', reg('confirmed'), published, 'reconfirm', NOW, true],
		['feedback after the end', reg('confirmed'), { ...published, status: 'finished' }, 'feedback', END, true],
		['feedback before the end', reg('confirmed'), published, 'feedback', NOW, false],
		[
			'feedback from a no-show',
			reg('confirmed', { attendance: 'no_show' }),
			published,
			'feedback',
			END,
			false
		],
		['feedback twice', reg('confirmed', { feedbackAt: END }), published, 'feedback', END + 1, false],
		['feedback from the waiting list', reg('waitlisted'), published, 'feedback', END, false],
		[
			'confirm a waiting-list join within 24 h',
			reg('waitlisted', { waitlistConfirmedAt: null }),
			published,
			'confirm_waitlist',
			NOW,
			true
		],
		[
			'confirm a waiting-list join after 24 h',
			reg('waitlisted', { waitlistConfirmedAt: null, waitlistedAt: NOW - 24 * HOUR }),
			published,
			'confirm_waitlist',
			NOW,
			false
		],
		['confirm a waiting-list join twice', reg('waitlisted'), published, 'confirm_waitlist', NOW, false],
		['confirm the waiting list with a place', reg('pending'), published, 'confirm_waitlist', NOW, false],
		[
			'confirm a waiting-list join after the start',
			reg('waitlisted', { waitlistConfirmedAt: null }),
			published,
			'confirm_waitlist',
			START,
			false
		],
		['leave the confirmed waiting list', reg('waitlisted'), published, 'cancel', NOW, true],
		[
			'leave a lapsed waiting-list join',
			reg('waitlisted', { waitlistConfirmedAt: null, waitlistedAt: NOW - 25 * HOUR }),
			published,
			'cancel',
			NOW,
			false
		]
	])('%s → %s', (_name, r, e, action, now, expected) => {
		expect(registrantActionAllowed(r, e, action, now)).toBe(expected);
	});
});

describe('waiting-list join (double opt-in, issue 16)', () => {
	const w = (over: Partial<Parameters<typeof waitState>[0]> = {}) => ({
		status: 'waitlisted' as RegistrationStatus,
		waitlistedAt: NOW,
		waitlistConfirmedAt: null,
		createdAt: NOW,
		...over
	});
	it.each([
		['just joined: waits for the mail link', w(), NOW, 'unconfirmed'],
		['a minute before 24 h: still open', w(), NOW + WAITLIST_CONFIRM_MS - 60_000, 'unconfirmed'],
		['24 h unconfirmed: lapsed', w(), NOW + WAITLIST_CONFIRM_MS, 'lapsed'],
		['confirmed: offered places', w({ waitlistConfirmedAt: NOW + HOUR }), NOW + 2 * HOUR, 'confirmed'],
		['confirmed never lapses', w({ waitlistConfirmedAt: NOW + HOUR }), NOW + 10 * DAY, 'confirmed'],
		['no join time: counted from the registration', w({ waitlistedAt: null }), NOW + DAY, 'lapsed'],
		['not waiting', w({ status: 'confirmed' }), NOW, null],
		['offered', w({ status: 'offered' }), NOW, null]
	] as const)('%s → %s', (_name, r, now, expected) => {
		expect(waitState(r, now)).toBe(expected);
	});
	it.each([
		['confirmed registration', w({ status: 'confirmed' }), NOW, true],
		['pending registration (holds a place)', w({ status: 'pending' }), NOW, true],
		['open offer', w({ status: 'offered' }), NOW, true],
		['confirmed waiter', w({ waitlistConfirmedAt: NOW }), NOW + HOUR, true],
		['unconfirmed waiter', w(), NOW + HOUR, false],
		['lapsed waiter', w(), NOW + WAITLIST_CONFIRM_MS, false],
		['cancelled registration', w({ status: 'cancelled' }), NOW, false]
	] as const)('told of changes and cancellation: %s → %s', (_name, r, now, expected) => {
		expect(toldOfEventChanges(r, now)).toBe(expected);
	});
	it.each([
		['24 h after joining', NOW, START, NOW + WAITLIST_CONFIRM_MS],
		['never past the start', NOW, NOW + HOUR, NOW + HOUR]
	] as const)('confirm link expiry: %s', (_name, joined, start, expected) => {
		expect(waitlistConfirmExpiry(joined, start)).toBe(expected);
	});
});

describe('reconfirmation and reminder', () => {
	const r = (over: Partial<Parameters<typeof dueMail>[0]> = {}) => ({
		confirmedAt: START - 10 * DAY,
		reconfirmSentAt: null,
		reminderSentAt: null,
		...over
	});
	it.each([
		['4 days before: nothing yet', r(), START - 4 * DAY, null],
		['3 days before: "Kommen Sie noch?"', r(), START - 3 * DAY, 'reconfirm'],
		['2 days before, asked already', r({ reconfirmSentAt: START - 3 * DAY }), START - 2 * DAY, null],
		['1 day before: the reminder', r({ reconfirmSentAt: START - 3 * DAY }), START - DAY, 'reminder'],
		['1 day before without a reconfirmation: reminder only', r(), START - DAY + 1, 'reminder'],
		['reminded already', r({ reminderSentAt: START - DAY }), START - 2 * HOUR, null],
		[
			'confirmed 2 days before: no reconfirmation',
			r({ confirmedAt: START - 2 * DAY }),
			START - 2 * DAY + 1,
			null
		],
		[
			'confirmed 2 days before: still the reminder',
			r({ confirmedAt: START - 2 * DAY }),
			START - DAY,
			'reminder'
		],
		['confirmed 3 hours before: nothing', r({ confirmedAt: START - 3 * HOUR }), START - 2 * HOUR, null],
		['not confirmed', r({ confirmedAt: null }), START - DAY, null],
		['after the start', r(), START, null]
	] as const)('%s', (_name, reg, now, expected) => {
		expect(dueMail(reg, START, now)).toBe(expected);
	});
});

describe('attendance counts', () => {
	const row = (
		status: RegistrationStatus,
		attendance: 'attended' | 'no_show' | null = null,
		hold: number | null = null,
		waitlistConfirmedAt: number | null = NOW - HOUR,
		waitlistedAt: number | null = NOW - 2 * HOUR
	) => ({
		status,
		attendance,
		holdExpiresAt: hold,
		offerExpiresAt: null,
		waitlistedAt,
		waitlistConfirmedAt,
		createdAt: NOW - 2 * HOUR
	});
	it('counts registered, confirmed, waiting, attended, no-shows and the rate', () => {
		const counts = attendanceCounts(
			[
				row('confirmed', 'attended'),
				row('confirmed', 'attended'),
				row('confirmed', 'attended'),
				row('confirmed', 'no_show'),
				row('confirmed'),
				row('pending', null, NOW + 1),
				row('pending', null, NOW - 1),
				row('waitlisted'),
				row('waitlisted', null, null, null),
				row('waitlisted', null, null, null, NOW - 25 * HOUR),
				row('cancelled')
			],
			NOW
		);
		expect(counts).toEqual({
			registered: 6,
			confirmed: 5,
			waitlisted: 1,
			waitlistUnconfirmed: 1,
			offered: 0,
			attended: 3,
			noShow: 1,
			noShowRate: 0.25
		});
	});
	it('has no rate before anyone was marked', () => {
		expect(attendanceCounts([row('confirmed')], NOW).noShowRate).toBeNull();
	});
});

describe('public list filter', () => {
	const e = {
		officeId: 4,
		officeLaender: ['DE-NW'],
		venueLand: 'DE-NW',
		type: 'workshop' as const,
		submarkets: ['film'],
		format: 'hybrid' as const,
		startMonth: '2026-06'
	};
	it.each([
		['no filter', {}, e, true],
		['its office', { officeId: 4 }, e, true],
		['another office', { officeId: 5 }, e, false],
		['a network event for any office', { officeId: 5 }, { ...e, officeId: null, officeLaender: [] }, true],
		['its Land', { land: 'DE-NW' }, e, true],
		['another Land', { land: 'DE-BY' }, e, false],
		['venue in the Land of another office', { land: 'DE-BY' }, { ...e, venueLand: 'DE-BY' }, true],
		['type', { type: 'webinar' as const }, e, false],
		['sub-market', { submarket: 'film' }, e, true],
		['other sub-market', { submarket: 'musik' }, e, false],
		['no sub-markets: for everyone', { submarket: 'musik' }, { ...e, submarkets: [] }, true],
		['month', { month: '2026-06' }, e, true],
		['other month', { month: '2026-07' }, e, false],
		['online only: hybrid counts', { onlineOnly: true }, e, true],
		['online only: on site does not', { onlineOnly: true }, { ...e, format: 'onsite' as const }, false]
	])('%s', (_name, filter, event, expected) => {
		expect(matchesFilter(event, filter)).toBe(expected);
	});
});
