import { DAY } from '../../time/durations';

/**
 * The retention table (Löschkonzept): one row per data category, with its period, what starts
 * the clock, what happens when it runs out and the legal basis. It is the one place periods are
 * set (an operator may override a period with RETENTION_DAYS, see config), and the retention job
 * (retention.ts), the privacy notice (/datenschutz) and docs/privacy/ are all read from it, so
 * the promise and the code cannot drift. Pure: no I/O, `now` is an argument.
 */
export type RetentionAction = 'delete' | 'anonymise';

/** GDPR articles the retention rules rest on. */
export const LEGAL_BASES = [
	'art5_1_e',
	'art6_1_a',
	'art6_1_b',
	'art6_1_c',
	'art6_1_e',
	'art6_1_f',
	'art9_2_a',
	'art32'
] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/** The citation as the (English) Löschkonzept writes it: art6_1_e -> 'Art. 6(1)(e) GDPR'. */
export function legalBasisCitation(basis: LegalBasis): string {
	const [, article, paragraph, letter] = /^art(\d+)(?:_(\d+)_([a-z]))?$/.exec(basis) ?? [];
	return `Art. ${article}${paragraph ? `(${paragraph})(${letter})` : ''} GDPR`;
}

export interface RetentionCategory {
	key: RetentionKey;
	/** Default period in days (the privacy notice's figures). */
	days: number;
	/** The instant the period runs from. */
	from: string;
	action: RetentionAction;
	/** Tables whose rows the rule deletes or anonymises. */
	tables: readonly string[];
	/** Legal bases (the privacy notice names them in its language; the Löschkonzept in English). */
	bases: readonly LegalBasis[];
	/** Why the basis applies, for the Löschkonzept. */
	basisNote?: string;
	how: string;
}

export const RETENTION_KEYS = [
	'bookings_unconfirmed',
	'bookings_past',
	'cases_closed',
	'creatives_without_data',
	'event_registrations',
	'waitlist_unconfirmed',
	'mails',
	'profiles_not_renewed',
	'decision_makers',
	'tokens',
	'audit'
] as const;
export type RetentionKey = (typeof RETENTION_KEYS)[number];

export const RETENTION_TABLE: readonly RetentionCategory[] = [
	{
		key: 'bookings_unconfirmed',
		days: 30,
		from: 'the end of the 30-minute hold of a booking that was never confirmed',
		action: 'delete',
		tables: ['booking'],
		bases: ['art6_1_e'],
		basisNote: 'no consultation took place, nothing to document',
		how: 'row deleted'
	},
	{
		key: 'bookings_past',
		days: 365,
		from: 'the appointment (bookings that never led to a case: single consultations, cancellations, no-shows)',
		action: 'anonymise',
		tables: ['booking', 'outbox'],
		bases: ['art6_1_e'],
		basisNote: 'with the funding guidelines (proof of consultations)',
		how: 'name, e-mail, phone, postcode, concern, heard-from, cancel reason, tokens and video link removed; office, consultant, format, times, status, Land, sub-market, stage and topics kept as anonymous figures'
	},
	{
		key: 'cases_closed',
		days: 730,
		from: 'the closure of the case',
		action: 'anonymise',
		tables: [
			'case_file',
			'case_event',
			'consultation_record',
			'next_step',
			'check_in',
			'referral',
			'booking',
			'outbox'
		],
		bases: ['art6_1_e', 'art6_1_a', 'art9_2_a'],
		basisNote: 'the content notes only with consent',
		how: 'the case and everything attached to it lose every word about the person (name, goals, notes, steps, answers, referral notes, booking contact data, mails about it); status, office, dates, closure reason and outcome codes kept as anonymous figures'
	},
	{
		key: 'creatives_without_data',
		days: 30,
		from: 'the last change of the person record, once no booking, case, registration or profile names the person any more',
		action: 'anonymise',
		tables: ['creative', 'session', 'auth_token'],
		bases: ['art5_1_e'],
		basisNote: 'storage limitation',
		how: 'e-mail replaced by erased-<id>@invalid, sessions and sign-in links deleted'
	},
	{
		key: 'event_registrations',
		days: 182,
		from: 'the end of the event',
		action: 'anonymise',
		tables: ['event_registration', 'event_registration_token'],
		bases: ['art6_1_b', 'art6_1_e'],
		how: 'name, e-mail, answers, feedback comment and idempotency data removed, links deleted; status, attendance, sub-market and rating kept as anonymous figures'
	},
	{
		key: 'waitlist_unconfirmed',
		days: 30,
		from: 'the lapse of a waiting-list join never confirmed by its mail link (24 hours after joining)',
		action: 'delete',
		tables: ['event_registration', 'event_registration_token', 'outbox'],
		bases: ['art5_1_e'],
		basisNote: 'data minimisation and storage limitation: the address was never confirmed, nobody took part',
		how: 'row and its links deleted, mails about it redacted'
	},
	{
		key: 'mails',
		days: 90,
		from: 'sending (or the last failed attempt of a mail that could not be delivered)',
		action: 'delete',
		tables: ['outbox'],
		bases: ['art6_1_e'],
		basisNote: 'proof of delivery',
		how: 'row deleted'
	},
	{
		key: 'profiles_not_renewed',
		days: 730,
		from: 'the last change of the profile by its owner',
		action: 'anonymise',
		tables: ['profile', 'profile_image', 'profile_report', 'introduction'],
		bases: ['art6_1_a'],
		basisNote: 'consent to publish',
		how: 'taken off the public; name, town, bio, services, links removed, image and reports deleted, introductions without messages'
	},
	{
		key: 'decision_makers',
		days: 365,
		from: 'the closure of their last request (or their registration, when the address was never confirmed)',
		action: 'anonymise',
		tables: ['decision_maker', 'project_request', 'auth_token', 'outbox'],
		bases: ['art6_1_b', 'art6_1_f'],
		how: 'e-mail replaced, organisation, contact name and phone removed; request title, description and region removed; Land, sub-markets, budget, status and dates kept as anonymous figures'
	},
	{
		key: 'tokens',
		days: 1,
		from: 'the expiry of a link',
		action: 'delete',
		tables: ['auth_token', 'event_registration_token', 'booking', 'referral', 'case_file', 'introduction'],
		bases: ['art32'],
		basisNote: 'security',
		how: 'expired link rows deleted, expired hashes on rows set to null'
	},
	{
		key: 'audit',
		days: 1095,
		from: 'the logged action',
		action: 'anonymise',
		tables: ['audit_event'],
		bases: ['art6_1_c', 'art6_1_e', 'art32'],
		basisNote: 'accountability of access',
		how: 'rows are never deleted; after the period the label of creatives and anonymous callers, the request id and the details are removed; action, subject, office, time and the staff member stay'
	}
];

export type RetentionPeriods = Readonly<Record<RetentionKey, number>>;

export class RetentionConfigError extends Error {}

/** The periods in days: the table's defaults with an operator's overrides (unknown keys refused). */
export function retentionPeriods(overrides: Readonly<Record<string, number>> = {}): RetentionPeriods {
	const periods = Object.fromEntries(RETENTION_TABLE.map((c) => [c.key, c.days])) as Record<
		RetentionKey,
		number
	>;
	for (const [key, days] of Object.entries(overrides)) {
		if (!(RETENTION_KEYS as readonly string[]).includes(key)) {
			throw new RetentionConfigError(`unknown retention category ${key}`);
		}
		periods[key as RetentionKey] = days;
	}
	return periods;
}

/** Rows whose clock started at or before this instant are due. */
export function retentionCutoff(now: Date, days: number): number {
	return now.getTime() - days * DAY;
}

/**
 * Rows per retention transaction. A national network's first run finds hundreds of thousands of
 * due rows (measured with `npm run bench -- scale`: 82k people, 200k registrations, 192k mails);
 * one transaction per category held SQLite's write lock for minutes while every request waited.
 */
export const RETENTION_BATCH = 500;
