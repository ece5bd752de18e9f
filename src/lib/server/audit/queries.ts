import { sql } from 'kysely';
import { z } from 'zod';
import { allKeys } from '../../i18n/messages';
import { berlinDayEnd, berlinDayStart, isIsoDay } from '../../time/berlin';
import type { Db } from '../db/transaction';

/**
 * Reads of the audit log for network admins. The log is append-only (a trigger refuses
 * DELETE); these functions only read. Dates in filters are Berlin calendar days.
 *
 * Issue 14: the log grows by millions of rows, so it is paged by keyset, newest first: `before`
 * shows the entries older than a cursor (the next page), `after` those newer than one (the
 * previous page). A cursor is "<at>.<id>" of an entry; entries appended while someone pages
 * never shift a page (no offsets), and nothing counts the whole log.
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
	/** Keyset cursors; at most one is used (`before` wins). */
	before?: AuditCursor | null;
	after?: AuditCursor | null;
	pageSize: number;
}

export interface AuditCursor {
	at: number;
	id: number;
}

export function formatCursor(c: AuditCursor): string {
	return `${c.at}.${c.id}`;
}

export function parseCursor(v: string | null | undefined): AuditCursor | null {
	const m = /^(\d{1,15})\.(\d{1,15})$/.exec(v ?? '');
	return m ? { at: Number(m[1]), id: Number(m[2]) } : null;
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
	/** Cursor for the older entries (null: this page reaches the oldest). */
	older: string | null;
	/** Cursor for the newer entries (null: this page starts with the newest). */
	newer: string | null;
	pageSize: number;
}

const day = z.string().trim().refine(isIsoDay).optional().catch(undefined);

const searchSchema = z.object({
	action: z.string().trim().max(100).optional().catch(undefined),
	actor: z.string().trim().max(254).optional().catch(undefined),
	office: z.coerce.number().int().min(1).optional().catch(undefined),
	from: day,
	to: day
});

/** The query string of the log page as a filter; unusable values are ignored, not errors. */
export function auditFilterFromSearch(params: URLSearchParams, pageSize = AUDIT_PAGE_SIZE): AuditFilter {
	const get = (k: string) => params.get(k) || undefined;
	const p = searchSchema.parse({
		action: get('action'),
		actor: get('actor'),
		office: get('office'),
		from: get('from'),
		to: get('to')
	});
	const before = parseCursor(params.get('vor'));
	return {
		action: p.action || null,
		actor: p.actor || null,
		officeId: p.office ?? null,
		from: p.from ?? null,
		to: p.to ?? null,
		before,
		after: before ? null : parseCursor(params.get('nach')),
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
	const before = filter.before ?? null;
	const after = before ? null : (filter.after ?? null);
	if (before)
		q = q.where((eb) =>
			eb.or([eb('a.at', '<', before.at), eb.and([eb('a.at', '=', before.at), eb('a.id', '<', before.id)])])
		);
	if (after)
		q = q.where((eb) =>
			eb.or([eb('a.at', '>', after.at), eb.and([eb('a.at', '=', after.at), eb('a.id', '>', after.id)])])
		);
	const order = after ? 'asc' : 'desc';
	const fetched = await q
		.leftJoin('staff_user as su', (j) => j.onRef('su.id', '=', 'a.actor_id').on('a.actor_kind', '=', 'staff'))
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
		.orderBy('a.at', order)
		.orderBy('a.id', order)
		// One more than shown tells whether there is a further page in that direction.
		.limit(pageSize + 1)
		.execute();
	const more = fetched.length > pageSize;
	const rows = fetched.slice(0, pageSize);
	if (after) rows.reverse();
	const cursorOf = (r: (typeof rows)[number]) => formatCursor({ at: Number(r.at), id: Number(r.id) });
	const first = rows[0];
	const last = rows.at(-1);
	// Coming from a cursor, there is always something on its other side; an empty page links
	// back across its own cursor.
	let older: string | null = null;
	let newer: string | null = null;
	if (last && first) {
		older = after || more ? cursorOf(last) : null;
		newer = before || (after && more) ? cursorOf(first) : null;
	} else {
		older = after ? formatCursor(after) : null;
		newer = before ? formatCursor(before) : null;
	}
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
		older,
		newer,
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

const SENTENCE_PREFIX = 'audit.action.';

/**
 * Every action the code writes: each has its sentence in the catalogue (audit-sentences.ts; a
 * test finds every action in the code), so the list is fixed, not a DISTINCT over the log.
 */
export const AUDIT_ACTIONS: readonly string[] = allKeys('de')
	.filter((k) => k.startsWith(SENTENCE_PREFIX))
	.map((k) => k.slice(SENTENCE_PREFIX.length))
	.sort();

/** The choices for the filter form: every audit action, and all offices. */
export async function auditFilterOptions(db: Db): Promise<AuditFilterOptions> {
	const offices = await db.selectFrom('office').select(['id', 'name']).orderBy('name').execute();
	return {
		actions: [...AUDIT_ACTIONS],
		offices: offices.map((o) => ({ id: Number(o.id), name: o.name }))
	};
}
