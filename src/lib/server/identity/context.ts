import type { AuditActor } from '../audit/index';
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

export const anonymousActor: AuditActor = { kind: 'anonymous', id: null, label: 'anonymous' };

/** A network admin acting in the admin UI, as the gate proved them. */
export interface AdminActor {
	id: number;
	email: string;
	name: string;
	isNetworkAdmin: boolean;
}
