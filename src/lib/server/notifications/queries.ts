import { sql } from 'kysely';
import { z } from 'zod';
import type { OfficeScope } from '../access/scope';
import { recordAudit } from '../audit/index';
import type { Db } from '../db/transaction';
import {
	CASE_BOUND_SUBJECTS,
	type MailViewerRoles,
	officesByRole,
	RECIPIENT_ONLY_TEMPLATES
} from './mail-access-rules';
import { maskCalendar, maskTokens } from './mask-tokens';

/**
 * Reads of the outbox for Postausgang, always through the mail access rules
 * (mail-access-rules.ts) inside the caller's office scope; bodies leave here with every link
 * token masked.
 */

/** The staff member reading Postausgang: the gate's scope plus who they are and their roles. */
export interface MailViewer extends MailViewerRoles {
	scope: OfficeScope;
	staffId: number;
	email: string;
}

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'dead', 'obsolete'] as const;
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
	/** The calendar file, unfolded and masked; null for most mails. */
	ics: string | null;
	textBody: string;
	htmlBody: string;
	nextAttemptAt: number;
	sentAt: number | null;
	lastError: string | null;
}

export interface Page<T> {
	items: T[];
	/**
	 * Issue 14: not a count of the whole outbox — the matches up to the end of this page plus
	 * one, so "next page" shows exactly when there is one and no query counts 200,000 mails.
	 */
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

/** The table of each case-bound subject, and whether its consultant is that of its case. */
const SUBJECT_ROWS = {
	booking: { table: 'booking', viaCase: false },
	case: { table: 'case_file', viaCase: false },
	check_in: { table: 'check_in', viaCase: true },
	referral: { table: 'referral', viaCase: true }
} as const satisfies Record<(typeof CASE_BOUND_SUBJECTS)[number], { table: string; viaCase: boolean }>;

function scoped(db: Db, viewer: MailViewer) {
	const { scope } = viewer;
	const roles = officesByRole(viewer);
	const inScope = (ids: number[]) => (scope.all ? ids : ids.filter((id) => scope.officeIds.includes(id)));
	const leadOffices = inScope(roles.lead);
	const consultantOffices = inScope(roles.consultant);
	const me = viewer.staffId;
	return db.selectFrom('outbox').where((eb) => {
		const subjectIs = (kind: string) => eb('outbox.subject_kind', '=', kind);
		// A case-bound mail is mine when its subject's row is: a booking or case by its consultant,
		// a check-in or referral by the consultant of its case.
		const mine = eb.or(
			CASE_BOUND_SUBJECTS.map((kind) => {
				const { table, viaCase } = SUBJECT_ROWS[kind];
				const owner = viaCase
					? eb
							.selectFrom('case_file as c')
							.select('c.consultant_id')
							.whereRef('c.id', '=', sql.ref('s.case_id'))
					: sql.ref('s.consultant_id');
				// Kysely cannot type a table chosen at run time; each of these has the columns used.
				const rows = eb
					.selectFrom(`${table} as s` as 'booking as s')
					.select('s.id')
					.whereRef(sql`cast(s.id as text)`, '=', 'outbox.subject_id')
					.where(owner, '=', me);
				return eb.and([subjectIs(kind), eb.exists(rows)]);
			})
		);
		const byOffice =
			viewer.isNetworkAdmin && scope.all
				? eb.lit(true)
				: eb.or([
						leadOffices.length > 0 ? eb('outbox.office_id', 'in', leadOffices) : eb.lit(false),
						consultantOffices.length > 0
							? eb.and([
									eb('outbox.office_id', 'in', consultantOffices),
									eb.or([
										eb('outbox.subject_kind', 'is', null),
										eb('outbox.subject_kind', 'not in', [...CASE_BOUND_SUBJECTS]),
										mine
									])
								])
							: eb.lit(false)
					]);
		return eb.or([
			eb('outbox.to_address', '=', viewer.email),
			eb.and([eb('outbox.template', 'not in', [...RECIPIENT_ONLY_TEMPLATES]), byOffice])
		]);
	});
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
	viewer: MailViewer,
	filter: OutboxFilter
): Promise<Page<OutboxListItem>> {
	let q = scoped(db, viewer);
	if (filter.status) q = q.where('status', '=', filter.status);
	if (filter.to) q = q.where(sql<boolean>`lower(to_address) like ${likeContains(filter.to)} escape '\\'`);
	const pageSize = Math.max(1, filter.pageSize);
	const page = Math.max(1, filter.page);
	const [count, rows] = await Promise.all([
		db
			.selectFrom(
				q
					.select(sql<number>`1`.as('one'))
					.limit(page * pageSize + 1)
					.as('m')
			)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow(),
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

/** One mail (links masked), or null when it does not exist or the viewer may not read it. */
export async function getOutboxMail(db: Db, viewer: MailViewer, id: number): Promise<OutboxMail | null> {
	if (!Number.isSafeInteger(id) || id < 1) return null;
	const r = await scoped(db, viewer).selectAll().where('id', '=', id).executeTakeFirst();
	if (!r) return null;
	return {
		...toListItem(r),
		locale: r.locale,
		textBody: maskTokens(r.text_body),
		htmlBody: maskTokens(r.html_body),
		ics: maskCalendar(r.ics),
		nextAttemptAt: Number(r.next_attempt_at),
		sentAt: r.sent_at == null ? null : Number(r.sent_at),
		lastError: r.last_error
	};
}

/**
 * Opening one mail in Postausgang: the read is audited (who, which mail, its template — never
 * its content); a mail the viewer may not read answers null, and the caller denies with 404.
 */
export async function openOutboxMail(
	db: Db,
	viewer: MailViewer,
	id: number,
	context: { now: Date; requestId?: string | null }
): Promise<OutboxMail | null> {
	const mail = await getOutboxMail(db, viewer, id);
	if (!mail) return null;
	await recordAudit(
		db,
		{ kind: 'staff', id: viewer.staffId, label: viewer.email },
		{
			action: 'mail.viewed',
			subject: { kind: 'outbox', id: mail.id },
			officeId: mail.officeId,
			data: { template: mail.template }
		},
		context
	);
	return mail;
}

/**
 * End-to-end tooling only (`/e2e/post`, KL_E2E=1 outside production): the newest mails to an
 * address as stored, links unmasked, so a browser journey can follow a link the way the
 * recipient would. Every staff view masks these links (issue 13); this read serves no person.
 */
export async function storedMailsTo(
	db: Db,
	address: string,
	limit = 20
): Promise<{ id: number; subject: string; text: string; status: string }[]> {
	const rows = await db
		.selectFrom('outbox')
		.select(['id', 'subject', 'text_body', 'status'])
		.where('to_address', '=', address.trim())
		.orderBy('id', 'desc')
		.limit(limit)
		.execute();
	return rows.map((r) => ({ id: Number(r.id), subject: r.subject, text: r.text_body, status: r.status }));
}
