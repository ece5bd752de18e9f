import type { DB } from '../db/schema';

/**
 * The privacy map (ARCHITECTURE-GUIDE habit 10): for every table, a decision. Either it holds
 * no personal data (with the reason), or it names whose data it holds and how that data is
 * exported and erased. The type demands an entry for every table in `DB`; the coverage test
 * also compares it with the migrated database, so a new table cannot ship without a decision.
 * For tables with creatives' data, `exportCreative` (export.ts) must return a key of the same
 * name and `eraseCreative` (erase.ts) must handle it; the tests check both.
 */
export type DataSubject = 'creative' | 'staff' | 'decision_maker';

export type PrivacyDeclaration =
	| { personal: false; reason: string }
	| {
			personal: true;
			/** Whose personal data the rows hold (some tables hold both). */
			subjects: readonly DataSubject[];
			export: string;
			erase: string;
	  };

const reference = (what: string): PrivacyDeclaration => ({
	personal: false,
	reason: `${what}: reference data of the network, no person in it`
});

const staffWork = (what: string): PrivacyDeclaration => ({
	personal: true,
	subjects: ['staff'],
	export: `${what}: staff data, disclosed on request by a network admin (no self-service export for staff)`,
	erase: `${what}: removed with the staff account (foreign key cascade or by the admin); not in the creative's erasure`
});

const directory = (what: string): PrivacyDeclaration => ({
	personal: false,
	reason: `${what}: public organisations' data (contact points directory, published on /anlaufstellen); organisational addresses only`
});

const caseData = (exported: string, erase: string): PrivacyDeclaration => ({
	personal: true,
	subjects: ['creative', 'staff'],
	export: exported,
	erase
});

export const privacyMap: { readonly [T in keyof DB]: PrivacyDeclaration } = {
	land: reference('Länder'),
	office: reference('regional offices (organisational contact data)'),
	office_land: reference('which office serves which Land'),
	submarket: reference('sub-markets'),
	topic: reference('topics'),
	stage: reference('stages'),
	postcode: reference('postcode → Land table'),
	reference_data_load: reference('which version of a shipped data set was loaded'),
	consent_text: reference('versioned consent texts'),
	office_booking_setting: reference("offices' booking settings"),
	throttle: {
		personal: false,
		reason:
			'keys are truncated SHA-256 hashes of addresses, never the address itself; rows expire within hours'
	},
	rate_counter: {
		personal: false,
		reason:
			'keys are truncated SHA-256 hashes of addresses, never the address itself; windows expire within hours'
	},
	staff_user: staffWork('staff accounts'),
	staff_membership: staffWork('office memberships'),
	recovery_code: staffWork('hashed recovery codes'),
	availability_rule: staffWork("consultants' weekly hours"),
	availability_override: staffWork("consultants' date overrides"),
	absence: staffWork("consultants' absences"),
	sprechtag: staffWork('Sprechtage (consultant, place, time)'),
	creative: {
		personal: true,
		subjects: ['creative'],
		export: 'the row itself (e-mail, verification, locale, dates)',
		erase:
			'e-mail replaced by erased-<id>@invalid, verification cleared, deleted_at set; the id stays so audit rows keep pointing somewhere'
	},
	booking: {
		personal: true,
		subjects: ['creative'],
		export:
			'every booking made with my e-mail address, all columns except token hashes and request fingerprints',
		erase:
			'future held/confirmed bookings cancelled (consultant mailed), then name, e-mail, phone, postcode, concern, heard_from, cancel reason and tokens replaced; statistics (status, office, format, times, sub-market, stage, Land, topics) unchanged'
	},
	session: {
		personal: true,
		subjects: ['creative', 'staff'],
		export: 'my sessions without the id hash (created, last seen, expiry, client address, user agent)',
		erase: 'all sessions of the creative deleted'
	},
	auth_token: {
		personal: true,
		subjects: ['creative', 'staff'],
		export: 'my login links without the hash (purpose, created, expiry, used)',
		erase: "the creative's links deleted"
	},
	audit_event: {
		personal: true,
		subjects: ['creative', 'staff'],
		export:
			'rows where I am the actor (actor_kind creative, my id); creatives are labelled by id, never by e-mail',
		erase:
			'append-only (DELETE refused): actor_label of my rows set to "erased"; data holds no personal data of creatives'
	},
	outbox: {
		personal: true,
		subjects: ['creative', 'staff'],
		export: 'mails addressed to me (headers and bodies)',
		erase:
			'mails to me: address erased@invalid, name, subject, bodies and calendar file redacted, pending ones not sent; sent mails to staff about my bookings redacted the same way'
	},
	cp_organization: {
		personal: true,
		subjects: ['staff'],
		export:
			"organisations' public contact data, plus last_verified_by: the e-mail of the staff member who last verified the entry (accountability); shown only on staff pages and as HSDS assurer_email; disclosed on request by a network admin",
		erase:
			'no creative data; when a staff account is removed, a network admin re-verifies the entries it verified (which overwrites last_verified_by)'
	},
	cp_service: directory('services'),
	cp_service_area: directory('service areas'),
	cp_service_taxonomy: directory('service taxonomy'),
	office_case_setting: reference("offices' accompaniment rhythm settings"),
	case_file: caseData(
		'my case files (office, consultant, status, stage, sub-market, topics, consent, dates, closure and feedback)',
		'name, close outcome and feedback comment erased; status, office, consultant, stage, sub-market, topics, dates and closure reason kept as anonymous statistics'
	),
	case_event: caseData(
		'the events on my case timeline (kind, time, data such as a hand-over note)',
		'data replaced by {} (hand-over notes may describe me); kind and time kept'
	),
	consultation_record: caseData(
		'my consultation records, including content notes (situation, advice) and what was shared',
		'situation and advice erased; topics, outcome, format and times kept as anonymous statistics'
	),
	next_step: caseData('the next steps agreed with me', 'text erased; owner, due date and completion kept'),
	check_in: caseData(
		'my check-ins and answers (what changed, questions, follow-up wish, ticked steps) without the token hash',
		'answers erased, token hash replaced; times kept'
	),
	referral: caseData(
		'my referrals (contact point, status, note) without the token hash',
		'note erased, token removed; contact point and status kept for the per-contact-point outcome figures'
	),
	referral_status_change: caseData(
		'the status history of my referrals',
		'kept: status and time only, no content; anonymous once the case is erased'
	),
	event: {
		personal: true,
		subjects: ['staff'],
		export:
			'public event data; contact_name/contact_email name the organising staff member (published on the event page) and created_by the creator; disclosed on request by a network admin',
		erase:
			'no creative data; created_by is set null when the staff account is deleted; contact person fields are edited by the office when someone leaves'
	},
	event_registration: {
		personal: true,
		subjects: ['creative'],
		export:
			'every event registration made with my e-mail address (name, sub-market, answers, status, attendance, feedback, times) without idempotency keys and request fingerprints',
		erase:
			'future places given back (waiting list moves up), then name, e-mail, answers, feedback comment and idempotency data removed; status, attendance, sub-market, rating and times kept as anonymous statistics'
	},
	event_registration_token: {
		personal: true,
		subjects: ['creative'],
		export: 'my registration links without the hash (created, expiry)',
		erase: 'all links of my registrations deleted'
	},
	visibility_consent_text: reference('versioned consent texts of profiles, contact relay and requests'),
	profile: {
		personal: true,
		subjects: ['creative', 'staff'],
		export:
			'my profile (all fields, consent version, moderation status and reasons, open-for-projects date); moderated_by/hidden_by name staff by id',
		erase:
			'taken off the public at once: name, town, bio, services, links, reasons cleared, erased_at set; Land, sub-markets and approval date kept as anonymous statistics'
	},
	profile_image: {
		personal: true,
		subjects: ['creative'],
		export: 'my image (re-encoded bytes as base64, size, alt text)',
		erase: 'deleted with the profile erasure'
	},
	profile_report: {
		personal: true,
		subjects: ['creative'],
		export:
			'reports about my profile (reason, time, resolution); reporters are anonymous, no data about them is stored',
		erase: 'deleted with the profile'
	},
	decision_maker: {
		personal: true,
		subjects: ['decision_maker'],
		export:
			'no account: on request the lead of an office the decision maker posted to downloads their data (record, requests, introductions, mails) as JSON on the request page (visibility/privacy.ts exportDecisionMaker, audited)',
		erase:
			'on request the office lead erases them on the request page: e-mail replaced by erased-dm-<id>@invalid, organisation, contact name and phone cleared, mails to them redacted (visibility/privacy.ts eraseDecisionMaker)'
	},
	project_request: {
		personal: true,
		subjects: ['decision_maker', 'staff'],
		export: "part of the decision maker's export (all fields); moderated_by names staff by id",
		erase:
			"with the decision maker's erasure: open ones closed, title, description, region and reason cleared; Land, sub-markets, budget, status and dates kept as anonymous statistics"
	},
	introduction: {
		personal: true,
		subjects: ['creative', 'decision_maker', 'staff'],
		export:
			"my introductions (request title, status, messages, outcome) in the creative's export; status and outcome per request in the decision maker's",
		erase:
			"creative's erasure: pending ones withdrawn, messages and link removed; decision maker's erasure: pending ones withdrawn; status, outcome and dates kept for the statistics"
	},
	calendar_feed: staffWork('personal calendar feed subscriptions (hash of the secret, created, revoked)'),
	office_calendar_setting: reference('what the consultants’ calendar feeds of an office may show'),
	stat_key: {
		personal: false,
		reason: "the installation's random key for the statistics pseudonym; no person in it"
	},
	stat_consultation: {
		personal: false,
		reason:
			'anonymous consultation facts (office, Berlin day, Land, sub-market, stage, format, kind, topics) with an HMAC pseudonym of the creative id under a key only the server holds; no name, address or free text. Kept on erasure on purpose (DOMAIN §11: statistics survive deletion as anonymous counts); the erased creative row holds nothing that links the pseudonym to a person'
	},
	job_lease: {
		personal: false,
		reason: 'job names and the instance (host:pid) that holds each lease; no person in it'
	},
	stat_consultation_month: {
		personal: false,
		reason: 'monthly counts per office, Land and dimension; no row is about one person'
	},
	// Issue 14 (statistics/people-aggregates.ts).
	stat_person_year: {
		personal: false,
		reason:
			"per year and office/Land scope, the statistics pseudonym of stat_consultation with that person's count of facts and the day numbers of the first first consultation and follow-up; derived from the anonymous facts only and kept on erasure like them"
	},
	stat_people_year: {
		personal: false,
		reason: 'counts of people per year, scope and follow-up gap; no row is about one person'
	},
	// Issue 14 (statistics/case-figures.ts).
	stat_case_month: {
		personal: false,
		reason:
			'counts of case files per month, office, Land and status or close reason; no row is about one person'
	},
	stat_month: reference('the instant each Berlin month begins'),
	// Issue 18 (messages/privacy.ts).
	office_message_setting: reference("offices' promised answer time, holidays and reminder lead time"),
	case_message: caseData(
		'the messages of my conversations with the office (who wrote, text, when sent, read and answered)',
		'text erased; author kind and times kept for the anonymous answer-time figures'
	),
	case_message_attachment: caseData(
		'the files sent in my conversations (name, type, size, bytes as base64)',
		'deleted (bytes and file name gone)'
	),
	step_reminder: caseData(
		'which reminder mails for my own next steps went out, and when',
		'kept: step id, kind and times only (the step text is erased with next_step)'
	),
	// Issue 13, part 5: which words make a free text warn; who changed the list is in the audit log.
	sensitive_keyword: reference(
		"offices' lists of Art. 9 words that make a free text warn before it is stored"
	),
	// Issue 14: search indexes, derived by triggers from what the public lists show.
	profile_search: {
		personal: false,
		reason:
			'search index of the public text of published profiles (as on /kreative); a trigger drops a profile from it when it is unpublished, hidden or erased'
	},
	event_search: {
		personal: false,
		reason: 'search index of events’ public text (title, venue, description); no registrant in it'
	},
	contact_point_search: directory('search index of contact points')
};

export function creativeTables(): string[] {
	return Object.entries(privacyMap)
		.filter(([, d]) => d.personal && d.subjects.includes('creative'))
		.map(([table]) => table);
}
