import type { Db, Tx } from '../db/transaction';

/** Who did it. The label is kept so the log stays readable after a user is deleted. */
export interface AuditActor {
	kind: 'staff' | 'creative' | 'system' | 'anonymous';
	id: number | null;
	label: string;
}

export const systemActor: AuditActor = { kind: 'system', id: null, label: 'system' };

export interface AuditEntry {
	action: string;
	subject: { kind: string; id?: string | number | null };
	officeId?: number | null;
	/** Small, typed facts. Never the content of a note, never a password or token. */
	data?: Record<string, string | number | boolean | null | string[] | number[]>;
}

/**
 * Append one audit row. Takes a transaction (or, for reads and denials that change nothing,
 * the database) so a change and its audit row commit or fail together.
 */
export async function recordAudit(
	trx: Tx | Db,
	actor: AuditActor,
	entry: AuditEntry,
	context: { now: Date; requestId?: string | null }
): Promise<void> {
	await trx
		.insertInto('audit_event')
		.values({
			at: context.now.getTime(),
			actor_kind: actor.kind,
			actor_id: actor.id,
			actor_label: actor.label,
			action: entry.action,
			subject_kind: entry.subject.kind,
			subject_id: entry.subject.id == null ? null : String(entry.subject.id),
			office_id: entry.officeId ?? null,
			request_id: context.requestId ?? null,
			data: JSON.stringify(entry.data ?? {})
		})
		.execute();
}

/**
 * A change to an office as a whole (its settings, its word lists): the office is both the
 * subject and the scope of the row, so an office lead's audit view shows it.
 */
export function recordOfficeAudit(
	trx: Tx | Db,
	actor: AuditActor,
	officeId: number,
	change: Pick<AuditEntry, 'action' | 'data'>,
	context: { now: Date; requestId?: string | null }
): Promise<void> {
	return recordAudit(trx, actor, { ...change, subject: { kind: 'office', id: officeId }, officeId }, context);
}
