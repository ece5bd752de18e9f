import type { Locale } from '../../i18n/locale';
import { type OfficeScope, scopeIncludes } from '../access/scope';
import type { CaseStatus, CloseReason } from '../db/schema';
import type { Db, Tx } from '../db/transaction';
import type { CaseActor } from './case-actor';

/** One case file with what every command and page needs to decide and show. */
export interface CaseRecord {
	id: number;
	officeId: number;
	officeKey: string;
	officeName: string;
	creativeId: number;
	creativeEmail: string;
	creativeLocale: Locale;
	creativeErased: boolean;
	consultantId: number;
	consultantName: string;
	consultantEmail: string;
	name: string;
	status: CaseStatus;
	landIso: string | null;
	submarket: string | null;
	stage: string | null;
	topics: string[];
	goals: string | null;
	notesConsentVersion: number | null;
	notesConsentAt: number | null;
	notesConsentWithdrawnAt: number | null;
	openedAt: number;
	lastContactAt: number | null;
	nextContactDueAt: number | null;
	closedAt: number | null;
	closeReason: CloseReason | null;
	closeOutcome: string | null;
	feedbackRating: number | null;
	feedbackComment: string | null;
	feedbackAt: number | null;
}

const num = (v: unknown) => (v == null ? null : Number(v));

export async function loadCase(db: Db | Tx, caseId: number): Promise<CaseRecord | null> {
	if (!Number.isSafeInteger(caseId) || caseId <= 0) return null;
	const r = await db
		.selectFrom('case_file as c')
		.innerJoin('office as o', 'o.id', 'c.office_id')
		.innerJoin('creative as cr', 'cr.id', 'c.creative_id')
		.innerJoin('staff_user as u', 'u.id', 'c.consultant_id')
		.selectAll('c')
		.select([
			'o.key as office_key',
			'o.name as office_name',
			'cr.email as creative_email',
			'cr.locale as creative_locale',
			'cr.deleted_at as creative_deleted_at',
			'u.name as consultant_name',
			'u.email as consultant_email'
		])
		.where('c.id', '=', caseId)
		.executeTakeFirst();
	if (!r) return null;
	return {
		id: Number(r.id),
		officeId: Number(r.office_id),
		officeKey: r.office_key,
		officeName: r.office_name,
		creativeId: Number(r.creative_id),
		creativeEmail: r.creative_email,
		creativeLocale: r.creative_locale === 'en' ? 'en' : 'de',
		creativeErased: r.creative_deleted_at != null,
		consultantId: Number(r.consultant_id),
		consultantName: r.consultant_name,
		consultantEmail: r.consultant_email,
		name: r.name,
		status: r.status,
		landIso: r.land_iso,
		submarket: r.submarket,
		stage: r.stage,
		topics: JSON.parse(r.topics) as string[],
		goals: r.goals,
		notesConsentVersion: num(r.notes_consent_version),
		notesConsentAt: num(r.notes_consent_at),
		notesConsentWithdrawnAt: num(r.notes_consent_withdrawn_at),
		openedAt: Number(r.opened_at),
		lastContactAt: num(r.last_contact_at),
		nextContactDueAt: num(r.next_contact_due_at),
		closedAt: num(r.closed_at),
		closeReason: r.close_reason,
		closeOutcome: r.close_outcome,
		feedbackRating: num(r.feedback_rating),
		feedbackComment: r.feedback_comment,
		feedbackAt: num(r.feedback_at)
	};
}

/**
 * The office must be in the gate's scope; a consultant acts only on the cases they are
 * responsible for (like the calendar: another consultant's case answers "not found").
 */
export function mayActOnCase(
	actor: CaseActor,
	scope: OfficeScope,
	c: Pick<CaseRecord, 'officeId' | 'consultantId'>
): boolean {
	return scopeIncludes(scope, c.officeId) && (actor.role !== 'consultant' || c.consultantId === actor.id);
}

/** Load and check in one step: null when missing or not visible to this actor. */
export async function caseFor(
	db: Db | Tx,
	actor: CaseActor,
	scope: OfficeScope,
	caseId: number,
	officeId?: number
): Promise<CaseRecord | null> {
	const c = await loadCase(db, caseId);
	if (!c || !mayActOnCase(actor, scope, c)) return null;
	if (officeId !== undefined && c.officeId !== officeId) return null;
	return c;
}

/** Active members of an office, for hand-over and the lead's consultant filter. */
export async function officeConsultants(
	db: Db | Tx,
	officeId: number
): Promise<{ id: number; name: string }[]> {
	const rows = await db
		.selectFrom('staff_membership as m')
		.innerJoin('staff_user as u', 'u.id', 'm.user_id')
		.select(['u.id', 'u.name'])
		.where('m.office_id', '=', officeId)
		.where('u.disabled_at', 'is', null)
		.orderBy('u.name')
		.execute();
	return rows.map((r) => ({ id: Number(r.id), name: r.name }));
}

/** Open and paused cases of an office a duplicate could be merged into (leads only call this). */
export async function mergeCandidates(
	db: Db | Tx,
	officeId: number,
	exceptCaseId: number
): Promise<{ id: number; name: string }[]> {
	const rows = await db
		.selectFrom('case_file')
		.select(['id', 'name'])
		.where('office_id', '=', officeId)
		.where('status', '!=', 'closed')
		.where('id', '!=', exceptCaseId)
		.orderBy('name')
		.orderBy('id')
		.limit(2000)
		.execute();
	return rows.map((r) => ({ id: Number(r.id), name: r.name }));
}
