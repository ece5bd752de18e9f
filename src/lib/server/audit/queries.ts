import { sql } from 'kysely';
import { z } from 'zod';
import { berlinDayEnd, berlinDayStart, isIsoDay } from '../../format/datetime';
import type { Db } from '../db/transaction';

/**
 * Reads of the audit log for network admins. The log is append-only (a trigger refuses
 * DELETE); these functions only read. Dates in filters are Berlin calendar days.
 */
export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilter {
	/** Exact action, e.g. 'mail.requeued'. */
	action?: string | null;
	/** Part of the actor label (an e-mail for staff), case-insensitive. */
	actor?: string | null;
	officeId?: number | null;
	/** YYYY-MM-DD, inclusive, in Europe/Berlin. */
	from?: string | null;
	/** YYYY-MM-DD, inclusive, in Europe/Berlin. */
	to?: string | null;
	page: number;
	pageSize: number;
}

export interface AuditEntryView {
	id: number;
	at: number;
	actorKind: string;
	actorId: number | null;
	actorLabel: string;
	/** The staff member's name now (null for creatives, the system and anonymous callers). */
	actorName: string | null;
	action: string;
	subjectKind: string;
	subjectId: string | null;
	officeId: number | null;
	officeName: string | null;
	requestId: string | null;
	/** The stored JSON, compact. */
	data: string;
}

export interface AuditPage {
	items: AuditEntryView[];
	total: number;
	page: number;
	pageSize: number;
}

const day = z.string().trim().refine(isIsoDay).optional().catch(undefined);

const searchSchema = z.object({
	action: z.string().trim().max(100).optional().catch(undefined),
	actor: z.string().trim().max(254).optional().catch(undefined),
	office: z.coerce.number().int().min(1).optional().catch(undefined),
	from: day,
	to: day,
	page: z.coerce.number().int().min(1).max(100_000).catch(1)
});

/** The query string of the log page as a filter; unusable values are ignored, not errors. */
export function auditFilterFromSearch(params: URLSearchParams, pageSize = AUDIT_PAGE_SIZE): AuditFilter {
	const get = (k: string) => params.get(k) || undefined;
	const p = searchSchema.parse({
		action: get('action'),
		actor: get('actor'),
		office: get('office'),
		from: get('from'),
		to: get('to'),
		page: params.get('page') ?? 1
	});
	return {
		action: p.action || null,
		actor: p.actor || null,
		officeId: p.office ?? null,
		from: p.from ?? null,
		to: p.to ?? null,
		page: p.page,
		pageSize
	};
}

const likeContains = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listAudit(db: Db, filter: AuditFilter): Promise<AuditPage> {
	let q = db.selectFrom('audit_event as a').leftJoin('office as o', 'o.id', 'a.office_id');
	if (filter.action) q = q.where('a.action', '=', filter.action);
	if (filter.actor)
		q = q.where(sql<boolean>`lower(a.actor_label) like ${likeContains(filter.actor)} escape '\\'`);
	if (filter.officeId != null) q = q.where('a.office_id', '=', filter.officeId);
	if (filter.from && isIsoDay(filter.from)) q = q.where('a.at', '>=', berlinDayStart(filter.from));
	if (filter.to && isIsoDay(filter.to)) q = q.where('a.at', '<', berlinDayEnd(filter.to));
	const pageSize = Math.max(1, filter.pageSize);
	const page = Math.max(1, filter.page);
	const [count, rows] = await Promise.all([
		q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
		q
			.leftJoin('staff_user as su', (j) =>
				j.onRef('su.id', '=', 'a.actor_id').on('a.actor_kind', '=', 'staff')
			)
			.select([
				'su.name as actor_name',
				'a.id',
				'a.at',
				'a.actor_kind',
				'a.actor_id',
				'a.actor_label',
				'a.action',
				'a.subject_kind',
				'a.subject_id',
				'a.office_id',
				'a.request_id',
				'a.data',
				'o.name as office_name'
			])
			.orderBy('a.at', 'desc')
			.orderBy('a.id', 'desc')
			.limit(pageSize)
			.offset((page - 1) * pageSize)
			.execute()
	]);
	return {
		items: rows.map((r) => ({
			id: Number(r.id),
			at: Number(r.at),
			actorKind: r.actor_kind,
			actorId: r.actor_id == null ? null : Number(r.actor_id),
			actorLabel: r.actor_label,
			actorName: r.actor_name ?? null,
			action: r.action,
			subjectKind: r.subject_kind,
			subjectId: r.subject_id,
			officeId: r.office_id == null ? null : Number(r.office_id),
			officeName: r.office_name ?? null,
			requestId: r.request_id,
			data: compactJson(r.data)
		})),
		total: Number(count.n),
		page,
		pageSize
	};
}

function compactJson(text: string): string {
	try {
		const value = JSON.parse(text) as unknown;
		if (value && typeof value === 'object' && Object.keys(value).length === 0) return '';
		return JSON.stringify(value);
	} catch {
		return text;
	}
}

export interface AuditFilterOptions {
	actions: string[];
	offices: { id: number; name: string }[];
}

/** The choices for the filter form: actions that occur in the log, and all offices. */
export async function auditFilterOptions(db: Db): Promise<AuditFilterOptions> {
	const [actions, offices] = await Promise.all([
		db.selectFrom('audit_event').select('action').distinct().orderBy('action').execute(),
		db.selectFrom('office').select(['id', 'name']).orderBy('name').execute()
	]);
	return {
		actions: actions.map((r) => r.action),
		offices: offices.map((o) => ({ id: Number(o.id), name: o.name }))
	};
}
