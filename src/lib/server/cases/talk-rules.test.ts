import { describe, expect, it } from 'vitest';
import {
	closesForNoTalk,
	hadConsultation,
	nextTalk,
	recordAccess,
	recordableTalks,
	type TalkBooking
} from './talk-rules';

const NOW = Date.parse('2026-12-04T10:00:00Z');
const b = (status: TalkBooking['status'], start = NOW - 3_600_000, recorded = false): TalkBooking => ({
	status,
	start,
	recorded
});

describe('talk rules (issue 16)', () => {
	it.each([
		{ name: 'no bookings, no records', bookings: [], records: 0, had: false },
		{ name: 'only a cancelled first talk', bookings: [b('cancelled')], records: 0, had: false },
		{
			name: 'a confirmed talk next week',
			bookings: [b('confirmed', NOW + 7 * 86_400_000)],
			records: 0,
			had: false
		},
		{ name: 'a past talk not yet marked', bookings: [b('confirmed')], records: 0, had: false },
		{ name: 'a no-show', bookings: [b('no_show')], records: 0, had: false },
		{ name: 'an attended talk', bookings: [b('cancelled'), b('attended')], records: 0, had: true },
		{ name: 'a recorded talk', bookings: [b('confirmed', NOW - 1, true)], records: 1, had: true },
		{ name: 'a phone call recorded without booking', bookings: [], records: 1, had: true }
	])('follow-up allowed: $name → $had', ({ bookings, records, had }) => {
		expect(hadConsultation(bookings, records)).toBe(had);
	});

	it.each([
		{ name: 'the only booking cancelled', bookings: [b('cancelled')], records: 0, closes: true },
		{ name: 'cancelled and expired', bookings: [b('cancelled'), b('expired')], records: 0, closes: true },
		{
			name: 'one cancelled, one still confirmed',
			bookings: [b('cancelled'), b('confirmed')],
			records: 0,
			closes: false
		},
		{
			name: 'cancelled after an attended talk',
			bookings: [b('attended'), b('cancelled')],
			records: 0,
			closes: false
		},
		{ name: 'cancelled, but a call was recorded', bookings: [b('cancelled')], records: 1, closes: false },
		{ name: 'a no-show stays for staff to decide', bookings: [b('no_show')], records: 0, closes: false },
		{ name: 'a staff-opened case without bookings', bookings: [], records: 0, closes: false }
	])('closes itself: $name → $closes', ({ bookings, records, closes }) => {
		expect(closesForNoTalk(bookings, records)).toBe(closes);
	});

	it.each([
		{ name: 'a video talk next week', booking: b('confirmed', NOW + 7 * 86_400_000), access: 'before_start' },
		{ name: 'one minute before the start', booking: b('confirmed', NOW + 60_000), access: 'before_start' },
		{ name: 'at the start', booking: b('confirmed', NOW), access: 'ok' },
		{ name: 'after the talk', booking: b('confirmed'), access: 'ok' },
		{ name: 'attended', booking: b('attended'), access: 'ok' },
		{ name: 'cancelled', booking: b('cancelled'), access: 'not_active' },
		{ name: 'a no-show', booking: b('no_show'), access: 'not_active' },
		{ name: 'already recorded', booking: b('attended', NOW - 1, true), access: 'recorded' }
	])('record of a booked talk: $name → $access', ({ booking, access }) => {
		expect(recordAccess(booking, NOW)).toBe(access);
	});

	const HOUR = 3_600_000;
	const past = b('confirmed', NOW - HOUR);
	const held = b('attended', NOW - 2 * HOUR);
	const recorded = b('attended', NOW - 3 * HOUR, true);
	const cancelled = b('cancelled', NOW - HOUR);
	const soon = b('confirmed', NOW + HOUR);
	const later = b('confirmed', NOW + 24 * HOUR);
	const cancelledSoon = b('cancelled', NOW + 30 * 60_000);

	it.each([
		{ name: 'no bookings', bookings: [], recordable: [], next: null },
		{
			name: 'past talks: the held ones not yet recorded',
			bookings: [past, held, recorded, cancelled],
			recordable: [past, held],
			next: null
		},
		{
			name: 'the next confirmed one ahead, in time order',
			bookings: [later, soon],
			recordable: [],
			next: soon
		},
		{ name: 'a cancelled talk is never next', bookings: [cancelledSoon, later], recordable: [], next: later },
		{
			name: 'one starting now can be recorded',
			bookings: [b('confirmed', NOW)],
			recordable: [b('confirmed', NOW)],
			next: null
		}
	])('case page: $name', ({ bookings, recordable, next }) => {
		expect(recordableTalks(bookings, NOW)).toEqual(recordable);
		expect(nextTalk(bookings, NOW)).toEqual(next);
	});
});
