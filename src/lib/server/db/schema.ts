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
	status: 'pending' | 'sending' | 'sent' | 'dead';
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
}
