import type { Generated } from 'kysely';

/**
 * One DB interface for both dialects. Instants are epoch milliseconds (integer/bigint), flags
 * are 0/1 integers and JSON is text: the same values come back from SQLite and PostgreSQL, so
 * nothing above `queries.ts` ever sees a driver difference.
 */
export interface LandTable {
	iso: string;
	ags: string;
	name: string;
}

export interface OfficeTable {
	id: Generated<number>;
	key: string;
	name: string;
	seat: string;
	seat_confirmed: number;
	phone: Generated<string>;
	email: Generated<string>;
	street: Generated<string>;
	postcode: Generated<string>;
	city: Generated<string>;
	opening_hours: Generated<string>;
	active: number;
	valid_from: string | null;
	valid_to: string | null;
	created_at: number;
	updated_at: number;
}

export interface OfficeLandTable {
	office_id: number;
	land_iso: string;
}

export interface SubmarketTable {
	key: string;
	name_de: string;
	name_en: string;
	grp: string;
	optional: number;
	active: number;
	sort: number;
}

export interface TopicTable {
	key: string;
	name_de: string;
	name_en: string;
	active: number;
	sort: number;
}

export interface StageTable {
	key: string;
	name_de: string;
	name_en: string;
	active: number;
	sort: number;
}

export interface PostcodeTable {
	id: Generated<number>;
	plz: string;
	land_iso: string;
	place: string;
	source: string;
}

export interface StaffUserTable {
	id: Generated<number>;
	email: string;
	name: string;
	password_hash: string | null;
	is_network_admin: number;
	totp_secret: string | null;
	totp_enabled_at: number | null;
	totp_last_step: number | null;
	locale: string;
	disabled_at: number | null;
	created_at: number;
	updated_at: number;
}

export interface StaffMembershipTable {
	user_id: number;
	office_id: number;
	role: 'office_lead' | 'consultant';
}

export interface RecoveryCodeTable {
	id: Generated<number>;
	user_id: number;
	code_hash: string;
	used_at: number | null;
}

export interface SessionTable {
	id_hash: string;
	subject_kind: 'staff' | 'creative';
	subject_id: number;
	stage: 'password' | 'full';
	created_at: number;
	last_seen_at: number;
	expires_at: number;
	client_address: string;
	user_agent: string;
}

export interface AuthTokenTable {
	token_hash: string;
	purpose: string;
	subject_kind: string;
	subject_id: number;
	created_at: number;
	expires_at: number;
	used_at: number | null;
}

export interface ThrottleTable {
	key: string;
	failures: number;
	window_start: number;
	blocked_until: number;
	strikes: number;
}

export interface RateCounterTable {
	key: string;
	window_start: number;
	count: number;
}

export interface AuditEventTable {
	id: Generated<number>;
	at: number;
	actor_kind: string;
	actor_id: number | null;
	actor_label: string;
	action: string;
	subject_kind: string;
	subject_id: string | null;
	office_id: number | null;
	request_id: string | null;
	data: string;
}

export interface OutboxTable {
	id: Generated<number>;
	created_at: number;
	template: string;
	locale: string;
	to_address: string;
	to_name: string;
	subject: string;
	text_body: string;
	html_body: string;
	/** 'obsolete': never sent because its purpose had passed (valid_until, issue 12). */
	status: 'pending' | 'sending' | 'sent' | 'dead' | 'obsolete';
	attempts: number;
	next_attempt_at: number;
	claimed_by: string | null;
	claimed_at: number | null;
	sent_at: number | null;
	last_error: string | null;
	dedupe_key: string | null;
	office_id: number | null;
	subject_kind: string | null;
	subject_id: string | null;
	/** iCalendar text attached as termin.ics (migration 2026-11-29-04); null for most mails. */
	ics: string | null;
	/** Epoch ms after which the mail has no purpose and is marked obsolete instead of sent (migration 2026-12-04-17). */
	valid_until: number | null;
}

export type BookingFormat = 'office' | 'phone' | 'video' | 'sprechtag';
export type AvailabilityFormat = 'office' | 'phone' | 'video';
export type BookingStatus = 'held' | 'confirmed' | 'cancelled' | 'expired' | 'attended' | 'no_show';

export interface OfficeBookingSettingTable {
	office_id: number;
	duration_office: Generated<number>;
	duration_phone: Generated<number>;
	duration_video: Generated<number>;
	duration_sprechtag: Generated<number>;
	buffer_minutes: Generated<number>;
	min_notice_minutes: Generated<number>;
	horizon_days: Generated<number>;
	change_notice_minutes: Generated<number>;
	reminder_hours: Generated<number>;
	updated_at: number;
}

export interface AvailabilityRuleTable {
	id: Generated<number>;
	consultant_id: number;
	office_id: number;
	format: AvailabilityFormat;
	/** ISO weekday: 1 = Monday … 7 = Sunday. */
	weekday: number;
	/** 'HH:MM' wall-clock time in Europe/Berlin. */
	start_time: string;
	end_time: string;
	/** 'YYYY-MM-DD', inclusive; null = open. */
	valid_from: string | null;
	valid_to: string | null;
	created_at: number;
}

export interface AvailabilityOverrideTable {
	id: Generated<number>;
	consultant_id: number;
	office_id: number;
	date: string;
	kind: 'extra' | 'blocked';
	/** For 'extra': the format offered; null for 'blocked' (all formats). */
	format: AvailabilityFormat | null;
	/** null start/end on 'blocked' = the whole day. */
	start_time: string | null;
	end_time: string | null;
	created_at: number;
}

export interface AbsenceTable {
	id: Generated<number>;
	consultant_id: number;
	start_at: number;
	end_at: number;
	kind: 'holiday' | 'illness' | 'other';
	created_by: number | null;
	created_at: number;
}

export interface SprechtagTable {
	id: Generated<number>;
	office_id: number;
	consultant_id: number;
	date: string;
	start_time: string;
	end_time: string;
	town: string;
	venue: string;
	address: string;
	accessibility: Generated<string>;
	status: Generated<'planned' | 'cancelled'>;
	created_at: number;
	updated_at: number;
}

export interface ConsentTextTable {
	id: Generated<number>;
	kind: 'processing' | 'notes' | 'news';
	version: number;
	text_de: string;
	text_en: string;
	created_at: number;
}

export interface BookingTable {
	id: Generated<number>;
	office_id: number;
	consultant_id: number;
	format: BookingFormat;
	sprechtag_id: number | null;
	kind: Generated<'first' | 'follow_up'>;
	start_at: number;
	end_at: number;
	status: BookingStatus;
	hold_expires_at: number | null;
	name: string;
	email: string;
	phone: string | null;
	postcode: string | null;
	land_iso: string;
	submarket: string;
	stage: string;
	/** JSON array of topic keys. */
	topics: Generated<string>;
	concern: Generated<string>;
	heard_from: string | null;
	locale: Generated<string>;
	consent_processing_version: number;
	consent_notes_version: number | null;
	consent_news_version: number | null;
	consented_at: number;
	confirm_token_hash: string | null;
	manage_token_hash: string | null;
	manage_token_expires_at: number | null;
	video_url: string | null;
	ics_sequence: Generated<number>;
	idempotency_key: string | null;
	request_hash: string | null;
	created_by: number | null;
	confirmed_at: number | null;
	cancelled_at: number | null;
	cancel_reason: string | null;
	reminder_sent_at: number | null;
	created_at: number;
	updated_at: number;
	/** The case this booking belongs to (migration 06); set when it is confirmed. */
	case_id: number | null;
	/** Issue 16 (migration 2026-12-04-15): the creative's reason for cancelling, a key of CANCEL_REASONS. */
	cancel_reason_key: string | null;
}

/** A person identified by a verified e-mail (migration 2026-11-29-05); bookings match by e-mail. */
export interface CreativeTable {
	id: Generated<number>;
	/** Lowercased; `erased-<id>@invalid` after erasure. */
	email: string;
	email_verified_at: number | null;
	locale: Generated<string>;
	created_at: number;
	updated_at: number;
	deleted_at: number | null;
	/** Staff merged this duplicate into another creative (migration 06); logins resolve to that one. */
	merged_into_id: number | null;
	/** 1: reminder mails for my own next steps (issue 18); the portal switches them off. */
	step_reminders: Generated<number>;
}

// Directory of further contact points (HSDS 3 shaped; migration 04).
export interface CpOrganizationTable {
	id: Generated<number>;
	key: string;
	name: string;
	description: Generated<string>;
	website: string | null;
	email: string | null;
	phone: string | null;
	is_advocacy: Generated<number>;
	last_verified_at: number | null;
	last_verified_by: string | null;
	created_at: number;
	updated_at: number;
}

export interface CpServiceTable {
	id: Generated<number>;
	organization_id: number;
	name: string;
	description: Generated<string>;
	kind: 'beratung' | 'foerderung' | 'versicherung' | 'netzwerk' | 'portal' | 'verband';
	cost: 'free' | 'fee' | 'loan' | 'mixed' | null;
	url: string | null;
	active: Generated<number>;
}

export interface CpServiceAreaTable {
	service_id: number;
	scope: 'bund' | 'land';
	land_iso: string | null;
}

export interface CpServiceTaxonomyTable {
	service_id: number;
	vocabulary: 'topic' | 'submarket';
	term_key: string;
}

// Accompaniment over months (migration 06).
export type CaseStatus = 'open' | 'paused' | 'closed';
export type CloseReason =
	| 'business_founded'
	| 'funding_obtained'
	| 'referred_on'
	| 'no_further_need'
	| 'no_response'
	| 'other'
	/** Set by the person's erasure (issue 13), never chosen by staff. */
	| 'erased'
	/** Issue 16: set by the system when every booking of a case was cancelled. */
	| 'no_talk';
export type ConsultationOutcome =
	| 'orientation_given'
	| 'plan_agreed'
	| 'referred'
	| 'follow_up_needed'
	| 'no_further_need';
export type ReferralStatus =
	| 'suggested'
	| 'contacted'
	| 'got_help'
	| 'no_help'
	| 'not_eligible'
	| 'no_capacity'
	| 'not_needed';

export interface OfficeCaseSettingTable {
	office_id: number;
	first_checkin_weeks: Generated<number>;
	checkin_interval_weeks: Generated<number>;
	stalled_days: Generated<number>;
	referral_followup_days: Generated<number>;
	feedback_mail: Generated<number>;
	updated_at: number;
}

export interface CaseFileTable {
	id: Generated<number>;
	office_id: number;
	creative_id: number;
	consultant_id: number;
	name: string;
	status: CaseStatus;
	land_iso: string | null;
	submarket: string | null;
	stage: string | null;
	/** JSON array of topic keys. */
	topics: Generated<string>;
	/** Goals agreed with the creative (shown in the portal plan). */
	goals: string | null;
	notes_consent_version: number | null;
	notes_consent_at: number | null;
	/** Issue 13: when the notes consent was last withdrawn (its notes were deleted then). */
	notes_consent_withdrawn_at: Generated<number | null>;
	opened_at: number;
	last_contact_at: number | null;
	next_contact_due_at: number | null;
	closed_at: number | null;
	close_reason: CloseReason | null;
	close_outcome: string | null;
	feedback_token_hash: string | null;
	feedback_token_expires_at: number | null;
	feedback_rating: number | null;
	feedback_comment: string | null;
	feedback_at: number | null;
	created_at: number;
	updated_at: number;
}

export interface CaseEventTable {
	id: Generated<number>;
	case_id: number;
	at: number;
	kind: string;
	actor_kind: string;
	actor_id: number | null;
	/** JSON object. */
	data: Generated<string>;
}

export interface ConsultationRecordTable {
	id: Generated<number>;
	case_id: number;
	booking_id: number | null;
	consultant_id: number;
	held_at: number;
	kind: 'first' | 'follow_up';
	format: string;
	/** JSON array of topic keys. */
	topics: Generated<string>;
	outcome: ConsultationOutcome;
	situation: string | null;
	advice: string | null;
	follow_up_weeks: number | null;
	share_advice: Generated<number>;
	share_steps: Generated<number>;
	share_referrals: Generated<number>;
	idempotency_key: string | null;
	created_at: number;
	updated_at: number;
}

export interface NextStepTable {
	id: Generated<number>;
	case_id: number;
	record_id: number | null;
	text: string;
	owner: 'creative' | 'consultant';
	/** 'YYYY-MM-DD' (Berlin calendar day) or null. */
	due_on: string | null;
	shared: Generated<number>;
	done_at: number | null;
	done_by_kind: string | null;
	created_at: number;
}

export interface CheckInTable {
	id: Generated<number>;
	case_id: number;
	token_hash: string;
	due_at: number;
	sent_at: number;
	expires_at: number;
	answered_at: number | null;
	changed: string | null;
	questions: string | null;
	wants_follow_up: Generated<number>;
	/** JSON array of next_step ids ticked off in this answer. */
	steps_done: Generated<string>;
	seen_at: number | null;
}

export interface ReferralTable {
	id: Generated<number>;
	case_id: number;
	record_id: number | null;
	service_id: number;
	status: ReferralStatus;
	note: string | null;
	token_hash: string | null;
	token_expires_at: number | null;
	followup_due_at: number;
	followup_sent_at: number | null;
	created_by: number | null;
	created_at: number;
	updated_at: number;
}

export interface ReferralStatusChangeTable {
	id: Generated<number>;
	referral_id: number;
	at: number;
	status: ReferralStatus;
	actor_kind: string;
	actor_id: number | null;
}

export interface DB {
	land: LandTable;
	office: OfficeTable;
	office_land: OfficeLandTable;
	submarket: SubmarketTable;
	topic: TopicTable;
	stage: StageTable;
	postcode: PostcodeTable;
	staff_user: StaffUserTable;
	staff_membership: StaffMembershipTable;
	recovery_code: RecoveryCodeTable;
	session: SessionTable;
	auth_token: AuthTokenTable;
	throttle: ThrottleTable;
	rate_counter: RateCounterTable;
	audit_event: AuditEventTable;
	outbox: OutboxTable;
	office_booking_setting: OfficeBookingSettingTable;
	availability_rule: AvailabilityRuleTable;
	availability_override: AvailabilityOverrideTable;
	absence: AbsenceTable;
	sprechtag: SprechtagTable;
	consent_text: ConsentTextTable;
	booking: BookingTable;
	creative: CreativeTable;
	cp_organization: CpOrganizationTable;
	cp_service: CpServiceTable;
	cp_service_area: CpServiceAreaTable;
	cp_service_taxonomy: CpServiceTaxonomyTable;
	office_case_setting: OfficeCaseSettingTable;
	case_file: CaseFileTable;
	case_event: CaseEventTable;
	consultation_record: ConsultationRecordTable;
	next_step: NextStepTable;
	check_in: CheckInTable;
	referral: ReferralTable;
	referral_status_change: ReferralStatusChangeTable;
}

// Events (issue 5; migration 2026-11-29-07). Merged into DB below by declaration merging.
export type EventType = 'info' | 'workshop' | 'network' | 'sprechtag' | 'webinar';
export type EventFormat = 'onsite' | 'online' | 'hybrid';
export type EventStatus = 'draft' | 'published' | 'cancelled' | 'finished';
export type RegistrationStatus =
	| 'pending'
	| 'confirmed'
	| 'waitlisted'
	| 'offered'
	| 'cancelled'
	| 'expired'
	| 'declined';

export interface EventTable {
	id: Generated<number>;
	/** null: an event of the whole network (network admins only). */
	office_id: number | null;
	type: EventType;
	title: string;
	/** Markdown; rendered sanitised. */
	description: Generated<string>;
	/** JSON arrays of keys. */
	submarkets: Generated<string>;
	topics: Generated<string>;
	format: EventFormat;
	venue_name: string | null;
	venue_address: string | null;
	venue_land: string | null;
	accessibility: string | null;
	/** Sent only to confirmed registrants, never shown publicly. */
	online_url: string | null;
	start_at: number;
	end_at: number;
	capacity: number | null;
	registration_opens_at: number | null;
	registration_closes_at: number | null;
	offer_hours: Generated<number>;
	/** JSON array of question texts. */
	questions: Generated<string>;
	contact_name: string;
	contact_email: string;
	materials_url: string | null;
	status: EventStatus;
	published_at: number | null;
	cancelled_at: number | null;
	cancel_reason: string | null;
	finished_at: number | null;
	followup_sent_at: number | null;
	ics_sequence: Generated<number>;
	created_by: number | null;
	created_at: number;
	updated_at: number;
}

export interface EventRegistrationTable {
	id: Generated<number>;
	event_id: number;
	status: RegistrationStatus;
	attendance: 'attended' | 'no_show' | null;
	name: string;
	email: string;
	submarket: string | null;
	/** JSON array of answers, in the order of the event's questions. */
	answers: Generated<string>;
	locale: Generated<string>;
	consent_processing_version: number;
	consented_at: number;
	hold_expires_at: number | null;
	offer_expires_at: number | null;
	waitlisted_at: number | null;
	/** Issue 16: the waiting-list join confirmed by mail; only confirmed waiters are offered a place. */
	waitlist_confirmed_at: number | null;
	/** Issue 16: the reason given when deregistering (a key of reference/cancel-reasons.ts). */
	cancel_reason_key: string | null;
	confirmed_at: number | null;
	cancelled_at: number | null;
	cancelled_by: string | null;
	reconfirm_sent_at: number | null;
	reconfirmed_at: number | null;
	reminder_sent_at: number | null;
	attendance_at: number | null;
	feedback_rating: number | null;
	feedback_comment: string | null;
	feedback_at: number | null;
	idempotency_key: string | null;
	request_hash: string | null;
	created_at: number;
	updated_at: number;
}

export interface EventRegistrationTokenTable {
	id: Generated<number>;
	registration_id: number;
	token_hash: string;
	/** 'manage' opens the registration page; 'waitlist_confirm' only confirms a waiting-list join. */
	purpose: Generated<'manage' | 'waitlist_confirm'>;
	created_at: number;
	expires_at: number;
}

export interface DB {
	event: EventTable;
	event_registration: EventRegistrationTable;
	event_registration_token: EventRegistrationTokenTable;
}

// Statistics (issue 6; migration 2026-11-29-08). Anonymous: no name, no address, no free text.
export interface StatKeyTable {
	name: string;
	value: string;
}

export interface StatConsultationTable {
	id: Generated<number>;
	source: 'booking' | 'record';
	source_id: number;
	office_id: number;
	/** Berlin calendar day 'YYYY-MM-DD', its number (days since 1970-01-01) and 'YYYY-MM'. */
	day: string;
	day_no: number;
	month: string;
	/** '' when unknown. */
	land_iso: string;
	submarket: string;
	stage: string;
	format: string;
	kind: 'first' | 'follow_up';
	/** JSON array of topic keys. */
	topics: Generated<string>;
	/** HMAC of the creative's id with the installation's key (stat_key): counts people, names nobody. */
	person: string;
	created_at: number;
}

export interface StatConsultationMonthTable {
	month: string;
	office_id: number;
	land_iso: string;
	dim: string;
	key: string;
	n: number;
}

export interface DB {
	stat_key: StatKeyTable;
	stat_consultation: StatConsultationTable;
	stat_consultation_month: StatConsultationMonthTable;
}

// Visibility (issue 7; migration 2026-11-29-09). Merged into DB below by declaration merging.
export type ProfileStatus = 'draft' | 'pending' | 'published' | 'rejected';
export type ProjectRequestStatus = 'unverified' | 'pending' | 'open' | 'rejected' | 'closed';
export type IntroductionStatus = 'interest' | 'proposed' | 'accepted' | 'declined' | 'withdrawn';
export type IntroductionOutcome = 'met' | 'cooperation' | 'no_fit';
export type DecisionMakerType = 'municipality' | 'company' | 'institution' | 'agency';

export interface VisibilityConsentTextTable {
	id: Generated<number>;
	kind: 'profile' | 'contact_relay' | 'request';
	version: number;
	text_de: string;
	text_en: string;
	created_at: number;
}

export interface ProfileTable {
	id: Generated<number>;
	creative_id: number;
	/** The office that moderates it (responsible for its Land when it was saved). */
	office_id: number | null;
	kind: 'person' | 'studio';
	display_name: string;
	/** JSON arrays. */
	submarkets: Generated<string>;
	land_iso: string;
	town: string;
	bio: Generated<string>;
	services: Generated<string>;
	links: Generated<string>;
	contact_preference: 'form' | 'office';
	status: ProfileStatus;
	publish_consent_version: number | null;
	publish_consented_at: number | null;
	submitted_at: number | null;
	approved_at: number | null;
	first_approved_at: number | null;
	moderated_by: number | null;
	reject_reason: string | null;
	hidden_at: number | null;
	hidden_reason: string | null;
	hidden_by: number | null;
	open_until: number | null;
	open_reminder_sent_at: number | null;
	erased_at: number | null;
	created_at: number;
	updated_at: number;
}

export interface ProfileImageTable {
	id: Generated<number>;
	profile_id: number;
	mime: 'image/jpeg' | 'image/png';
	bytes: Uint8Array;
	width: number;
	height: number;
	alt: Generated<string>;
	created_at: number;
}

export interface ProfileReportTable {
	id: Generated<number>;
	profile_id: number;
	reason: string;
	created_at: number;
	resolved_at: number | null;
	resolved_by: number | null;
	resolution: 'hidden' | 'dismissed' | null;
}

export interface DecisionMakerTable {
	id: Generated<number>;
	/** Lowercased; `erased-<id>@invalid` after erasure. */
	email: string;
	email_verified_at: number | null;
	organisation: string;
	org_type: DecisionMakerType;
	contact_name: string;
	phone: string | null;
	locale: Generated<string>;
	consent_version: number;
	erased_at: number | null;
	created_at: number;
	updated_at: number;
}

export interface ProjectRequestTable {
	id: Generated<number>;
	decision_maker_id: number;
	office_id: number;
	title: string;
	description: string;
	submarkets: Generated<string>;
	land_iso: string;
	region: Generated<string>;
	budget_min: number | null;
	budget_max: number | null;
	/** Berlin calendar day YYYY-MM-DD. */
	deadline: string | null;
	visibility: 'public' | 'private';
	status: ProjectRequestStatus;
	reject_reason: string | null;
	moderated_by: number | null;
	idempotency_key: string | null;
	verified_at: number | null;
	approved_at: number | null;
	closed_at: number | null;
	created_at: number;
	updated_at: number;
}

export interface IntroductionTable {
	id: Generated<number>;
	request_id: number;
	office_id: number;
	creative_id: number;
	profile_id: number | null;
	case_id: number | null;
	origin: 'consultant' | 'creative';
	status: IntroductionStatus;
	consultant_message: string | null;
	creative_message: string | null;
	token_hash: string | null;
	token_expires_at: number | null;
	proposed_by: number | null;
	proposed_at: number | null;
	responded_at: number | null;
	outcome: IntroductionOutcome | null;
	outcome_at: number | null;
	outcome_by: number | null;
	created_at: number;
	updated_at: number;
}

export interface DB {
	visibility_consent_text: VisibilityConsentTextTable;
	profile: ProfileTable;
	profile_image: ProfileImageTable;
	profile_report: ProfileReportTable;
	decision_maker: DecisionMakerTable;
	project_request: ProjectRequestTable;
	introduction: IntroductionTable;
}

/** Which version of a shipped data set (e.g. the postcode table) this database holds (issue 11). */
export interface ReferenceDataLoadTable {
	name: string;
	version: string;
	rows: number;
	loaded_at: number;
}

// Messages in the case, answer times, step reminders (issue 18; migration 2026-12-04-13).
/** Issue 13, part 5: an office's list of Art. 9 words that make a free text warn before it is stored. */
export interface SensitiveKeywordTable {
	id: Generated<number>;
	office_id: number;
	word: string;
	/** Lower case, umlauts spelled out: unique per office. */
	folded: string;
	created_at: number;
}

export interface OfficeMessageSettingTable {
	office_id: number;
	answer_days: Generated<number>;
	reminder_days_before: Generated<number>;
	/** JSON array of Berlin calendar days 'YYYY-MM-DD'. */
	holidays: Generated<string>;
	updated_at: number;
}

export interface CaseMessageTable {
	id: Generated<number>;
	case_id: number;
	author_kind: 'creative' | 'staff';
	author_staff_id: number | null;
	body: string;
	idempotency_key: string | null;
	created_at: number;
	read_at: number | null;
	answered_at: number | null;
}

export interface CaseMessageAttachmentTable {
	id: Generated<number>;
	message_id: number;
	filename: string;
	mime: 'application/pdf' | 'image/jpeg' | 'image/png';
	size: number;
	bytes: Uint8Array;
	created_at: number;
}

export interface StepReminderTable {
	id: Generated<number>;
	step_id: number;
	kind: 'before' | 'due';
	due_on: string;
	sent_at: number;
}

// Privacy (migration 2026-12-04-11).
/** One row per periodic job that must run once per period across all instances. */
export interface JobLeaseTable {
	name: string;
	holder: string | null;
	/** Epoch ms; the job may be claimed again once now is past it. */
	until: number;
}

// Issue 15: personal calendar feeds of staff users (only the token's SHA-256 is stored).
export interface CalendarFeedTable {
	id: Generated<number>;
	user_id: number;
	token_hash: string;
	created_at: number;
	revoked_at: number | null;
}

export interface OfficeCalendarSettingTable {
	office_id: number;
	/** 0: first name and format only; 1: full name, e-mail and phone too. */
	feed_details: Generated<number>;
	updated_at: number;
}

export interface DB {
	reference_data_load: ReferenceDataLoadTable;
	office_message_setting: OfficeMessageSettingTable;
	case_message: CaseMessageTable;
	case_message_attachment: CaseMessageAttachmentTable;
	step_reminder: StepReminderTable;
	job_lease: JobLeaseTable;
	calendar_feed: CalendarFeedTable;
	office_calendar_setting: OfficeCalendarSettingTable;
	sensitive_keyword: SensitiveKeywordTable;
}

// Issue 14: distinct people per year and scope (statistics/people-aggregates.ts).
export interface StatPersonYearTable {
	year: string;
	scope: string;
	person: string;
	n: number;
	d0: number | null;
	d1: number | null;
}

export interface StatPeopleYearTable {
	year: string;
	scope: string;
	gap: number;
	multi: number;
	has_first: number;
	n: number;
}

export interface DB {
	stat_person_year: StatPersonYearTable;
	stat_people_year: StatPeopleYearTable;
}

// Issue 14: case files counted per Berlin month, kept by triggers on case_file (statistics/case-figures.ts).
export interface StatCaseMonthTable {
	/** 'opened' (key: status now) or 'closed' (key: close reason). */
	dim: string;
	month: string;
	office_id: number;
	/** '' for a case without a Land. */
	land_iso: string;
	key: string;
	n: number;
}

/** The instant each Berlin month begins (2000-01 to 2101-01); the triggers look months up here. */
export interface StatMonthTable {
	month: string;
	starts_at: number;
}

export interface DB {
	stat_case_month: StatCaseMonthTable;
	stat_month: StatMonthTable;
}

/**
 * Issue 14: full-text search tables, kept by triggers (migration 2026-12-05-03). On SQLite they
 * are FTS5 tables (the indexed row's id is the rowid, `body` is write-only: contentless); on
 * PostgreSQL (id, tsvector). Read and written only through platform/full-text-search.ts and the
 * triggers; these types exist so the privacy map has to name them.
 */
export interface SearchTable {
	id: number;
}

export interface DB {
	profile_search: SearchTable;
	event_search: SearchTable;
	contact_point_search: SearchTable;
}
