import { rowsForIds } from '../db/rows-for-ids';
import type { Db, Tx } from '../db/transaction';
import { exportEventRegistrations } from '../events/index';
import { exportMessages } from '../messages/index';
import { exportVisibility } from '../visibility/index';
import { type AccessSections, exportAccess } from './export-access';
import { bookingsWithOffice, casesWithOffice } from './office-rows';

/**
 * "Export my data": every row about the creative, nobody else's. Keys are table names (the
 * coverage test checks that every table the privacy map marks as holding creatives' data is
 * here). Hashes of tokens and request fingerprints are left out: they are ours, not theirs,
 * and useless to anyone but an attacker.
 */
export interface CreativeExport extends AccessSections {
	format: 'kreativlotse.creative-export.v1';
	exportedAt: string;
	creative: Record<string, unknown>[];
	booking: Record<string, unknown>[];
	session: Record<string, unknown>[];
	auth_token: Record<string, unknown>[];
	audit_event: Record<string, unknown>[];
	outbox: Record<string, unknown>[];
	case_file: Record<string, unknown>[];
	case_event: Record<string, unknown>[];
	consultation_record: Record<string, unknown>[];
	next_step: Record<string, unknown>[];
	check_in: Record<string, unknown>[];
	referral: Record<string, unknown>[];
	referral_status_change: Record<string, unknown>[];
	event_registration: Record<string, unknown>[];
	event_registration_token: Record<string, unknown>[];
	profile: Record<string, unknown>[];
	profile_image: Record<string, unknown>[];
	profile_report: Record<string, unknown>[];
	introduction: Record<string, unknown>[];
	case_message: Record<string, unknown>[];
	case_message_attachment: Record<string, unknown>[];
	step_reminder: Record<string, unknown>[];
}

const instant = (v: number | null | undefined) => (v == null ? null : new Date(Number(v)).toISOString());

export async function exportCreative(
	db: Db | Tx,
	creativeId: number,
	now: Date
): Promise<CreativeExport | null> {
	const me = await db.selectFrom('creative').selectAll().where('id', '=', creativeId).executeTakeFirst();
	if (!me || me.deleted_at !== null) return null;
	const email = me.email;

	const bookings = await exportBookings(db, email);
	const sessions = await exportSessions(db, creativeId);
	const tokens = await exportTokens(db, creativeId);
	const audit = await exportAudit(db, creativeId, bookings.ids);
	const mails = await exportMails(db, email);
	const cases = await exportCases(db, creativeId);
	const caseIds = cases.case_file.map((c) => Number(c.id));
	const events = await exportEventRegistrations(db, email);
	const visibility = await exportVisibility(db, creativeId);
	const access = await exportAccess(db, { email, caseIds, bookingIds: bookings.ids });
	const messages = await exportMessages(db, caseIds);

	return {
		format: 'kreativlotse.creative-export.v1',
		exportedAt: now.toISOString(),
		creative: [
			{
				id: Number(me.id),
				email: me.email,
				email_verified_at: instant(me.email_verified_at),
				locale: me.locale,
				step_reminders: Number(me.step_reminders) === 1,
				created_at: instant(me.created_at),
				updated_at: instant(me.updated_at)
			}
		],
		booking: bookings.rows,
		session: sessions,
		auth_token: tokens,
		audit_event: audit,
		outbox: mails,
		...cases,
		...events,
		...visibility,
		...messages,
		...access
	};
}

type Section = Record<string, unknown>[];

/** The bookings made with my address; their ids also find the audit rows and recipients about them. */
async function exportBookings(db: Db | Tx, email: string): Promise<{ ids: number[]; rows: Section }> {
	const bookings = await bookingsWithOffice(db)
		.innerJoin('staff_user as u', 'u.id', 'b.consultant_id')
		.selectAll('b')
		.select(['o.name as office_name', 'u.name as consultant_name'])
		.where('b.email', '=', email)
		.orderBy('b.id')
		.execute();
	return {
		ids: bookings.map((b) => Number(b.id)),
		rows: bookings.map((b) => ({
			id: Number(b.id),
			office: b.office_name,
			consultant: b.consultant_name,
			format: b.format,
			kind: b.kind,
			status: b.status,
			start_at: instant(b.start_at),
			end_at: instant(b.end_at),
			name: b.name,
			email: b.email,
			phone: b.phone,
			postcode: b.postcode,
			land_iso: b.land_iso,
			submarket: b.submarket,
			stage: b.stage,
			topics: JSON.parse(b.topics) as unknown,
			concern: b.concern,
			heard_from: b.heard_from,
			locale: b.locale,
			consent_processing_version: b.consent_processing_version,
			consent_notes_version: b.consent_notes_version,
			consent_news_version: b.consent_news_version,
			consented_at: instant(b.consented_at),
			video_url: b.video_url,
			confirmed_at: instant(b.confirmed_at),
			cancelled_at: instant(b.cancelled_at),
			cancel_reason: b.cancel_reason,
			reminder_sent_at: instant(b.reminder_sent_at),
			created_at: instant(b.created_at),
			updated_at: instant(b.updated_at)
		}))
	};
}

async function exportSessions(db: Db | Tx, creativeId: number): Promise<Section> {
	const sessions = await db
		.selectFrom('session')
		.select(['created_at', 'last_seen_at', 'expires_at', 'client_address', 'user_agent'])
		.where('subject_kind', '=', 'creative')
		.where('subject_id', '=', creativeId)
		.orderBy('created_at')
		.execute();
	return sessions.map((r) => ({
		created_at: instant(r.created_at),
		last_seen_at: instant(r.last_seen_at),
		expires_at: instant(r.expires_at),
		client_address: r.client_address,
		user_agent: r.user_agent
	}));
}

async function exportTokens(db: Db | Tx, creativeId: number): Promise<Section> {
	const tokens = await db
		.selectFrom('auth_token')
		.select(['purpose', 'created_at', 'expires_at', 'used_at'])
		.where('subject_kind', '=', 'creative')
		.where('subject_id', '=', creativeId)
		.orderBy('created_at')
		.execute();
	return tokens.map((r) => ({
		purpose: r.purpose,
		created_at: instant(r.created_at),
		expires_at: instant(r.expires_at),
		used_at: instant(r.used_at)
	}));
}

async function exportAudit(db: Db | Tx, creativeId: number, bookingIds: number[]): Promise<Section> {
	// Mine: rows with my creative id as actor, and the booking commands' rows, which name the
	// creative by booking ("booking 12") because they run before anyone signs in.
	const labels = bookingIds.map((id) => `booking ${id}`);
	const audit = await db
		.selectFrom('audit_event')
		.select([
			'id',
			'at',
			'actor_kind',
			'actor_label',
			'action',
			'subject_kind',
			'subject_id',
			'office_id',
			'data'
		])
		.where('actor_kind', '=', 'creative')
		.where((eb) =>
			labels.length > 0
				? eb.or([
						eb('actor_id', '=', creativeId),
						eb.and([eb('actor_id', 'is', null), eb('actor_label', 'in', labels)])
					])
				: eb('actor_id', '=', creativeId)
		)
		.orderBy('id')
		.execute();
	return audit.map((r) => ({
		id: Number(r.id),
		at: instant(r.at),
		actor_label: r.actor_label,
		action: r.action,
		subject_kind: r.subject_kind,
		subject_id: r.subject_id,
		data: JSON.parse(r.data) as unknown
	}));
}

async function exportMails(db: Db | Tx, email: string): Promise<Section> {
	const mails = await db
		.selectFrom('outbox')
		.select([
			'id',
			'created_at',
			'template',
			'locale',
			'to_address',
			'to_name',
			'subject',
			'text_body',
			'status',
			'sent_at'
		])
		.where('to_address', '=', email)
		.orderBy('id')
		.execute();
	return mails.map((r) => ({
		id: Number(r.id),
		created_at: instant(r.created_at),
		template: r.template,
		locale: r.locale,
		to_address: r.to_address,
		to_name: r.to_name,
		subject: r.subject,
		text_body: r.text_body,
		status: r.status,
		sent_at: instant(r.sent_at)
	}));
}

type CaseSections = Pick<
	CreativeExport,
	| 'case_file'
	| 'case_event'
	| 'consultation_record'
	| 'next_step'
	| 'check_in'
	| 'referral'
	| 'referral_status_change'
>;

/** Instants as ISO strings, JSON text parsed; token hashes and idempotency keys left out. */
function present(row: Record<string, unknown>, omit: readonly string[] = []): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(row)) {
		if (omit.includes(key) || key.endsWith('token_hash') || key === 'idempotency_key') continue;
		if (value != null && /(_at|^at)$/.test(key)) out[key] = instant(value as number);
		else if (typeof value === 'string' && ['topics', 'data', 'steps_done'].includes(key))
			out[key] = JSON.parse(value) as unknown;
		else out[key] = typeof value === 'bigint' ? Number(value) : value;
	}
	return out;
}

async function exportCases(db: Db | Tx, creativeId: number): Promise<CaseSections> {
	const cases = await casesWithOffice(db, creativeId)
		.innerJoin('staff_user as u', 'u.id', 'c.consultant_id')
		.selectAll('c')
		.select(['o.name as office_name', 'u.name as consultant_name'])
		.execute();
	const ids = cases.map((c) => Number(c.id));
	if (ids.length === 0) {
		return {
			case_file: [],
			case_event: [],
			consultation_record: [],
			next_step: [],
			check_in: [],
			referral: [],
			referral_status_change: []
		};
	}
	const [events, records, steps, checkIns, referrals] = await Promise.all([
		db.selectFrom('case_event').selectAll().where('case_id', 'in', ids).orderBy('id').execute(),
		db.selectFrom('consultation_record').selectAll().where('case_id', 'in', ids).orderBy('id').execute(),
		db.selectFrom('next_step').selectAll().where('case_id', 'in', ids).orderBy('id').execute(),
		db.selectFrom('check_in').selectAll().where('case_id', 'in', ids).orderBy('id').execute(),
		db
			.selectFrom('referral as r')
			.innerJoin('cp_service as s', 's.id', 'r.service_id')
			.innerJoin('cp_organization as org', 'org.id', 's.organization_id')
			.selectAll('r')
			.select(['s.name as service_name', 'org.name as organization_name'])
			.where('r.case_id', 'in', ids)
			.orderBy('r.id')
			.execute()
	]);
	const referralIds = referrals.map((r) => Number(r.id));
	const changes = await rowsForIds(referralIds, (inIds) =>
		db
			.selectFrom('referral_status_change')
			.selectAll()
			.where('referral_id', 'in', inIds)
			.orderBy('id')
			.execute()
	);
	return {
		case_file: cases.map((c) => present(c)),
		case_event: events.map((e) => present(e)),
		consultation_record: records.map((r) => present(r)),
		next_step: steps.map((r) => present(r)),
		check_in: checkIns.map((r) => present(r)),
		referral: referrals.map((r) => present(r)),
		referral_status_change: changes.map((r) => present(r))
	};
}
