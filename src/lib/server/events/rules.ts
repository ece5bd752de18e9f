import { MINUTE, HOUR, DAY } from '../../time/durations';
import type { EventFormat, EventStatus, EventType, RegistrationStatus } from '../db/schema';

/**
 * The pure decisions of the events domain (no I/O, no clock: `now` is an argument). Data-table
 * tests in rules.test.ts. Commands load the facts, ask these, and write the answer.
 */
export const EVENT_TYPES: readonly EventType[] = ['info', 'workshop', 'network', 'sprechtag', 'webinar'];
export const EVENT_FORMATS: readonly EventFormat[] = ['onsite', 'online', 'hybrid'];

/** An unconfirmed registration holds its place this long (as a booking's hold: 30 minutes). */
export const HOLD_MS = 30 * MINUTE;
/** A waiting-list offer lasts this long unless the event says otherwise (issue 5: 48 h). */
export const DEFAULT_OFFER_HOURS = 48;
/** Issue 16: a waiting-list join must be confirmed by mail within this long, or it lapses. */
export const WAITLIST_CONFIRM_MS = 24 * HOUR;
/** "Kommen Sie noch?" goes out this long before the start … */
export const RECONFIRM_BEFORE_MS = 3 * DAY;
/** … and the reminder this long before. */
export const REMINDER_BEFORE_MS = 1 * DAY;
/** Thank-you and feedback mails go out this long after the end. */
export const FOLLOW_UP_AFTER_MS = 2 * HOUR;
/** Staff can mark attendance from this long before the start (the door opens). */
export const CHECK_IN_OPENS_BEFORE_MS = 12 * HOUR;
/** A registration's links work until this long after the event ends (feedback included). */
export const LINK_VALID_AFTER_END_MS = 30 * DAY;

/** Statuses that take a place (a pending hold and an open offer only while they are live). */
export const PLACE_STATUSES: readonly RegistrationStatus[] = ['pending', 'confirmed', 'offered'];
/** Statuses of a person still in the game: told when the event is cancelled. */
export const ACTIVE_STATUSES: readonly RegistrationStatus[] = [
	'pending',
	'confirmed',
	'waitlisted',
	'offered'
];

// ---------------------------------------------------------------------------------------------
// Event life cycle: draft → published → cancelled | finished.

export type EventAction = 'edit' | 'publish' | 'cancel' | 'finish' | 'check_in';

export function eventActionAllowed(
	status: EventStatus,
	action: EventAction,
	facts: { now: number; start: number; end: number }
): boolean {
	switch (action) {
		case 'edit':
			return status === 'draft' || (status === 'published' && facts.now < facts.end);
		case 'publish':
			return status === 'draft' && facts.now < facts.start;
		case 'cancel':
			return status === 'published' && facts.now < facts.end;
		case 'finish':
			return status === 'published' && facts.now >= facts.end;
		case 'check_in':
			return (
				(status === 'published' || status === 'finished') &&
				facts.now >= facts.start - CHECK_IN_OPENS_BEFORE_MS
			);
	}
}

// ---------------------------------------------------------------------------------------------
// Registration.

export type RegistrationWindow = 'open' | 'not_published' | 'not_yet' | 'closed' | 'cancelled';

export function registrationWindow(
	event: {
		status: EventStatus;
		start: number;
		registrationOpensAt: number | null;
		registrationClosesAt: number | null;
	},
	now: number
): RegistrationWindow {
	if (event.status === 'cancelled') return 'cancelled';
	if (event.status !== 'published') return event.status === 'finished' ? 'closed' : 'not_published';
	if (event.registrationOpensAt !== null && now < event.registrationOpensAt) return 'not_yet';
	const closes = Math.min(event.registrationClosesAt ?? event.start, event.start);
	if (now >= closes) return 'closed';
	return 'open';
}

/** A place while one is free (no capacity: always), else the waiting list. */
export function placeFor(capacity: number | null, occupied: number): 'place' | 'waitlist' {
	if (capacity === null) return 'place';
	return occupied < capacity ? 'place' : 'waitlist';
}

/** How many waiting people may get an offer now. */
export function freePlaces(capacity: number | null, occupied: number, waiting: number): number {
	if (capacity === null) return waiting;
	return Math.max(0, Math.min(capacity - occupied, waiting));
}

/** Whether a registration takes a place at `now` (holds and offers count only while live). */
export function takesPlace(
	r: { status: RegistrationStatus; holdExpiresAt: number | null; offerExpiresAt: number | null },
	now: number
): boolean {
	if (r.status === 'confirmed') return true;
	if (r.status === 'pending') return (r.holdExpiresAt ?? 0) > now;
	if (r.status === 'offered') return (r.offerExpiresAt ?? 0) > now;
	return false;
}

/** Waiting-list facts of a registration (issue 16: joining is confirmed by mail). */
export interface WaitFacts {
	status: RegistrationStatus;
	waitlistedAt: number | null;
	waitlistConfirmedAt: number | null;
	createdAt: number;
}

/**
 * Where a waiting registration stands: 'confirmed' waiters are offered freed places (first come,
 * first served); an 'unconfirmed' join waits for its mail link; one older than 24 h has 'lapsed'.
 */
export function waitState(r: WaitFacts, now: number): 'confirmed' | 'unconfirmed' | 'lapsed' | null {
	if (r.status !== 'waitlisted') return null;
	if (r.waitlistConfirmedAt !== null) return 'confirmed';
	return (r.waitlistedAt ?? r.createdAt) + WAITLIST_CONFIRM_MS > now ? 'unconfirmed' : 'lapsed';
}

/**
 * Whom a change or cancellation of the event is mailed to: everyone still in the game whose
 * address is known to work. A waiting-list join nobody confirmed (issue 16) gets no mail: the
 * address may be somebody else's, and the join lapses on its own.
 */
export function toldOfEventChanges(r: WaitFacts, now: number): boolean {
	if (!ACTIVE_STATUSES.includes(r.status)) return false;
	const wait = waitState(r, now);
	return wait === null || wait === 'confirmed';
}

/** When the link to confirm a waiting-list join stops working (24 h, never past the start). */
export function waitlistConfirmExpiry(joinedAt: number, start: number): number {
	return Math.min(joinedAt + WAITLIST_CONFIRM_MS, start);
}

/** An offer lasts `offerHours`, but never past the start of the event. */
export function offerExpiry(now: number, offerHours: number, start: number): number {
	return Math.min(now + offerHours * HOUR, start);
}

/** What a person may do from the link in their mail, given their status and the event. */
export type RegistrantAction =
	| 'confirm'
	| 'confirm_waitlist'
	| 'cancel'
	| 'accept'
	| 'decline'
	| 'reconfirm'
	| 'feedback';

export function registrantActionAllowed(
	r: WaitFacts & {
		holdExpiresAt: number | null;
		offerExpiresAt: number | null;
		attendance: 'attended' | 'no_show' | null;
		feedbackAt: number | null;
	},
	event: { status: EventStatus; start: number; end: number },
	action: RegistrantAction,
	now: number
): boolean {
	const beforeStart = now < event.start && event.status === 'published';
	switch (action) {
		case 'confirm':
			return beforeStart && r.status === 'pending' && (r.holdExpiresAt ?? 0) > now;
		case 'confirm_waitlist':
			return beforeStart && waitState(r, now) === 'unconfirmed';
		case 'cancel':
			return beforeStart && ACTIVE_STATUSES.includes(r.status) && waitState(r, now) !== 'lapsed';
		case 'accept':
		case 'decline':
			return beforeStart && r.status === 'offered' && (r.offerExpiresAt ?? 0) > now;
		case 'reconfirm':
			return beforeStart && r.status === 'confirmed';
		case 'feedback':
			return (
				now >= event.end &&
				event.status !== 'cancelled' &&
				r.status === 'confirmed' &&
				r.attendance !== 'no_show' &&
				r.feedbackAt === null
			);
	}
}

// ---------------------------------------------------------------------------------------------
// Mails before and after the event.

export type DueMail = 'reconfirm' | 'reminder' | null;

/**
 * Which mail a confirmed registration is due for now. The reconfirmation goes out in the window
 * from 3 days to 1 day before; the reminder in the last day. Someone who confirmed inside a
 * window already has everything in their confirmation mail and gets no mail for that window.
 */
export function dueMail(
	r: { confirmedAt: number | null; reconfirmSentAt: number | null; reminderSentAt: number | null },
	start: number,
	now: number
): DueMail {
	if (now >= start || r.confirmedAt === null) return null;
	const reminderFrom = start - REMINDER_BEFORE_MS;
	const reconfirmFrom = start - RECONFIRM_BEFORE_MS;
	if (now >= reminderFrom) {
		if (r.reminderSentAt !== null || r.confirmedAt >= reminderFrom) return null;
		return 'reminder';
	}
	if (now >= reconfirmFrom) {
		if (r.reconfirmSentAt !== null || r.confirmedAt >= reconfirmFrom) return null;
		return 'reconfirm';
	}
	return null;
}

export function followUpDue(
	event: { status: EventStatus; end: number; followupSentAt: number | null },
	now: number
): boolean {
	return (
		(event.status === 'published' || event.status === 'finished') &&
		event.followupSentAt === null &&
		now >= event.end + FOLLOW_UP_AFTER_MS
	);
}

// ---------------------------------------------------------------------------------------------
// Counts for staff.

export interface AttendanceCounts {
	registered: number;
	confirmed: number;
	/** Confirmed waiters: the ones offered a freed place. */
	waitlisted: number;
	/** Joined the waiting list, confirmation by mail still open (lapses after 24 h). */
	waitlistUnconfirmed: number;
	offered: number;
	attended: number;
	noShow: number;
	/** No-shows among those whose attendance was marked, 0..1; null before anyone was marked. */
	noShowRate: number | null;
}

export function attendanceCounts(
	rows: readonly (WaitFacts & {
		attendance: 'attended' | 'no_show' | null;
		holdExpiresAt: number | null;
		offerExpiresAt: number | null;
	})[],
	now: number
): AttendanceCounts {
	let registered = 0;
	let confirmed = 0;
	let waitlisted = 0;
	let waitlistUnconfirmed = 0;
	let offered = 0;
	let attended = 0;
	let noShow = 0;
	for (const r of rows) {
		if (r.status === 'confirmed' || (r.status === 'pending' && takesPlace(r, now))) registered++;
		if (r.status === 'confirmed') confirmed++;
		const wait = waitState(r, now);
		if (wait === 'confirmed') waitlisted++;
		if (wait === 'unconfirmed') waitlistUnconfirmed++;
		if (r.status === 'offered' && takesPlace(r, now)) offered++;
		if (r.status === 'confirmed' && r.attendance === 'attended') attended++;
		if (r.status === 'confirmed' && r.attendance === 'no_show') noShow++;
	}
	const marked = attended + noShow;
	return {
		registered,
		confirmed,
		waitlisted,
		waitlistUnconfirmed,
		offered,
		attended,
		noShow,
		noShowRate: marked === 0 ? null : noShow / marked
	};
}

// ---------------------------------------------------------------------------------------------
// Public list filters.

export interface ListFilter {
	officeId?: number | null;
	land?: string | null;
	type?: EventType | null;
	submarket?: string | null;
	/** 'YYYY-MM' (Berlin month). */
	month?: string | null;
	onlineOnly?: boolean;
}

export function matchesFilter(
	e: {
		officeId: number | null;
		officeLaender: readonly string[];
		venueLand: string | null;
		type: EventType;
		submarkets: readonly string[];
		format: EventFormat;
		startMonth: string;
	},
	f: ListFilter
): boolean {
	if (f.officeId != null && e.officeId !== f.officeId && e.officeId !== null) return false;
	if (f.land && e.officeId !== null && !e.officeLaender.includes(f.land) && e.venueLand !== f.land)
		return false;
	if (f.type && e.type !== f.type) return false;
	// An event without sub-markets is meant for all of them.
	if (f.submarket && e.submarkets.length > 0 && !e.submarkets.includes(f.submarket)) return false;
	if (f.month && e.startMonth !== f.month) return false;
	if (f.onlineOnly && e.format === 'onsite') return false;
	return true;
}
