import { type AuditActor, type AuditEntry, recordAudit } from '../audit/index';
import type { Db, Tx } from '../db/transaction';
import type { Config } from '../platform/config';
import type { SessionPolicy } from './sessions';

/** What a command knows about the request that caused it (for audit rows), nothing HTTP-shaped. */
export interface RequestContext {
	requestId?: string | null;
}

export function sessionPolicy(
	config: Pick<Config, 'sessionIdleMinutes' | 'sessionAbsoluteHours'>
): SessionPolicy {
	return { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours };
}

export function staffActor(user: { id: number; email: string }): AuditActor {
	return { kind: 'staff', id: user.id, label: user.email };
}

/** A staff user acting on their own account (login steps, password, second factor): actor and subject are both they. */
export function recordOwnAudit(
	trx: Tx | Db,
	user: { id: number; email: string },
	change: Pick<AuditEntry, 'action' | 'data'>,
	context: { now: Date; requestId?: string | null }
): Promise<void> {
	return recordAudit(
		trx,
		staffActor(user),
		{ ...change, subject: { kind: 'staff_user', id: user.id } },
		context
	);
}

export const anonymousActor: AuditActor = { kind: 'anonymous', id: null, label: 'anonymous' };

/** A network admin acting in the admin UI, as the gate proved them. */
export interface AdminActor {
	id: number;
	email: string;
	name: string;
	isNetworkAdmin: boolean;
}
