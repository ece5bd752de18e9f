import { sql } from 'kysely';
import { z } from 'zod';
import type { OfficeScope } from '../access/scope';
import type { Db } from '../db/transaction';

/**
 * Reads of the outbox for Postausgang. Network admins see every mail; other staff see only the
 * mails of their offices (mails without an office, such as staff invitations, are admin-only).
 */

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'dead'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const OUTBOX_PAGE_SIZE = 25;

export interface OutboxFilter {
	status?: OutboxStatus | null;
	/** Part of the recipient address, case-insensitive. */
	to?: string | null;
	page: number;
	pageSize: number;
}

export interface OutboxListItem {
	id: number;
	createdAt: number;
	to: string;
	toName: string;
	subject: string;
	template: string;
	status: OutboxStatus;
	attempts: number;
	officeId: number | null;
}

export interface OutboxMail extends OutboxListItem {
	locale: string;
	textBody: string;
	htmlBody: string;
	nextAttemptAt: number;
	sentAt: number | null;
	lastError: string | null;
}

export interface Page<T> {
	items: T[];
	total: number;
	page: number;
	pageSize: number;
}

/** The query string of the list as a filter; anything unusable falls back to "no filter". */
const searchSchema = z.object({
	status: z.enum(OUTBOX_STATUSES).optional().catch(undefined),
	to: z.string().trim().max(254).optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(100_000).catch(1)
});

export function outboxFilterFromSearch(params: URLSearchParams, pageSize = OUTBOX_PAGE_SIZE): OutboxFilter {
	const parsed = searchSchema.parse({
		status: params.get('status') || undefined,
		to: params.get('to') ?? undefined,
		page: params.get('page') ?? 1
	});
	return { status: parsed.status ?? null, to: parsed.to || null, page: parsed.page, pageSize };
}

/** `%` and `_` typed by a user are literal characters, not wildcards. */
export function likeContains(text: string): string {
	return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function scoped(db: Db, scope: OfficeScope) {
	let q = db.selectFrom('outbox');
	if (!scope.all) {
		if (scope.officeIds.length === 0) q = q.where(sql<boolean>`1 = 0`);
		else q = q.where('office_id', 'in', [...scope.officeIds]);
	}
	return q;
}

type Row = {
	id: number;
	created_at: number;
	to_address: string;
	to_name: string;
	subject: string;
	template: string;
	status: OutboxStatus;
	attempts: number;
	office_id: number | null;
};

function toListItem(r: Row): OutboxListItem {
	return {
		id: Number(r.id),
		createdAt: Number(r.created_at),
		to: r.to_address,
		toName: r.to_name,
		subject: r.subject,
		template: r.template,
		status: r.status,
		attempts: Number(r.attempts),
		officeId: r.office_id == null ? null : Number(r.office_id)
	};
}

export async function listOutbox(
	db: Db,
	scope: OfficeScope,
	filter: OutboxFilter
): Promise<Page<OutboxListItem>> {
	let q = scoped(db, scope);
	if (filter.status) q = q.where('status', '=', filter.status);
	if (filter.to) q = q.where(sql<boolean>`lower(to_address) like ${likeContains(filter.to)} escape '\\'`);
	const pageSize = Math.max(1, filter.pageSize);
	const page = Math.max(1, filter.page);
	const [count, rows] = await Promise.all([
		q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
		q
			.select([
				'id',
				'created_at',
				'to_address',
				'to_name',
				'subject',
				'template',
				'status',
				'attempts',
				'office_id'
			])
			.orderBy('created_at', 'desc')
			.orderBy('id', 'desc')
			.limit(pageSize)
			.offset((page - 1) * pageSize)
			.execute()
	]);
	return { items: rows.map(toListItem), total: Number(count.n), page, pageSize };
}

/** A route parameter as a mail id; anything but a plain positive number gives 0 (never found). */
export function parseMailId(raw: string): number {
	return /^[1-9][0-9]{0,14}$/.test(raw) ? Number(raw) : 0;
}

/** One mail, or null when it does not exist or lies outside the caller's offices. */
export async function getOutboxMail(db: Db, scope: OfficeScope, id: number): Promise<OutboxMail | null> {
	if (!Number.isSafeInteger(id) || id < 1) return null;
	const r = await scoped(db, scope).selectAll().where('id', '=', id).executeTakeFirst();
	if (!r) return null;
	return {
		...toListItem(r),
		locale: r.locale,
		textBody: r.text_body,
		htmlBody: r.html_body,
		nextAttemptAt: Number(r.next_attempt_at),
		sentAt: r.sent_at == null ? null : Number(r.sent_at),
		lastError: r.last_error
	};
}
