import { MINUTE, HOUR } from '../../time/durations';
import type { Db } from '../db/transaction';
import { hashToken, randomToken } from '../platform/tokens';
import type { Actor, Membership } from './principal';

export interface SessionPolicy {
	idleMinutes: number;
	absoluteHours: number;
}

/** A half-finished login (password only) lives 10 minutes at most. */
const PENDING_LIFETIME = 10 * MINUTE;
/** Writing last_seen on every request would turn every page view into a write. */
const TOUCH_EVERY = MINUTE;

export interface NewSession {
	token: string;
	expiresAt: number;
}

export async function createSession(
	db: Db,
	input: {
		subjectKind: 'staff' | 'creative';
		subjectId: number;
		stage: 'password' | 'full';
		clientAddress: string;
		userAgent: string;
	},
	policy: SessionPolicy,
	now: Date
): Promise<NewSession> {
	const token = randomToken(32);
	const t = now.getTime();
	const expiresAt = input.stage === 'password' ? t + PENDING_LIFETIME : t + policy.absoluteHours * HOUR;
	await db
		.insertInto('session')
		.values({
			id_hash: hashToken(token),
			subject_kind: input.subjectKind,
			subject_id: input.subjectId,
			stage: input.stage,
			created_at: t,
			last_seen_at: t,
			expires_at: expiresAt,
			client_address: input.clientAddress.slice(0, 64),
			user_agent: input.userAgent.slice(0, 200)
		})
		.execute();
	return { token, expiresAt };
}

/**
 * Resolves a cookie token to an actor. Expired (idle or absolute) sessions and sessions of
 * disabled users are deleted on sight and resolve to anonymous.
 */
export async function resolveSession(
	db: Db,
	token: string | undefined,
	policy: SessionPolicy,
	now: Date
): Promise<Actor> {
	if (!token || token.length > 100) return { kind: 'anonymous' };
	const idHash = hashToken(token);
	const row = await db.selectFrom('session').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
	if (!row) return { kind: 'anonymous' };
	const t = now.getTime();
	const idleLimit = row.stage === 'password' ? PENDING_LIFETIME : policy.idleMinutes * MINUTE;
	if (row.expires_at <= t || row.last_seen_at + idleLimit <= t) {
		await db.deleteFrom('session').where('id_hash', '=', idHash).execute();
		return { kind: 'anonymous' };
	}
	if (row.subject_kind === 'creative') return resolveCreative(db, row, t);
	const user = await db
		.selectFrom('staff_user')
		.select(['id', 'name', 'email', 'is_network_admin', 'disabled_at', 'totp_enabled_at'])
		.where('id', '=', row.subject_id)
		.executeTakeFirst();
	if (!user || user.disabled_at !== null) {
		await db.deleteFrom('session').where('id_hash', '=', idHash).execute();
		return { kind: 'anonymous' };
	}
	if (t - row.last_seen_at >= TOUCH_EVERY) {
		await db.updateTable('session').set({ last_seen_at: t }).where('id_hash', '=', idHash).execute();
	}
	if (row.stage === 'password') {
		return {
			kind: 'staff-pending',
			id: user.id,
			name: user.name,
			email: user.email,
			totpEnrolled: user.totp_enabled_at !== null,
			sessionHash: idHash
		};
	}
	return {
		kind: 'staff',
		id: user.id,
		name: user.name,
		email: user.email,
		isNetworkAdmin: user.is_network_admin === 1,
		memberships: await membershipsOf(db, user.id),
		sessionHash: idHash
	};
}

/** A creative's session: only full sessions of a creative that still exists (not erased). */
async function resolveCreative(
	db: Db,
	row: { id_hash: string; subject_id: number; stage: 'password' | 'full'; last_seen_at: number },
	t: number
): Promise<Actor> {
	const creative = await db
		.selectFrom('creative')
		.select(['id', 'email', 'deleted_at'])
		.where('id', '=', row.subject_id)
		.executeTakeFirst();
	if (!creative || creative.deleted_at !== null || row.stage !== 'full') {
		await db.deleteFrom('session').where('id_hash', '=', row.id_hash).execute();
		return { kind: 'anonymous' };
	}
	if (t - row.last_seen_at >= TOUCH_EVERY) {
		await db.updateTable('session').set({ last_seen_at: t }).where('id_hash', '=', row.id_hash).execute();
	}
	return { kind: 'creative', id: Number(creative.id), email: creative.email, sessionHash: row.id_hash };
}

export async function membershipsOf(db: Db, userId: number): Promise<Membership[]> {
	const rows = await db
		.selectFrom('staff_membership as m')
		.innerJoin('office as o', 'o.id', 'm.office_id')
		.select(['m.office_id', 'm.role', 'o.key', 'o.name'])
		.where('m.user_id', '=', userId)
		.orderBy('o.name')
		.execute();
	return rows.map((r) => ({ officeId: r.office_id, officeKey: r.key, officeName: r.name, role: r.role }));
}

/** After the second factor: the half session becomes a full one with a fresh token (no fixation). */
export async function upgradeSession(
	db: Db,
	pendingHash: string,
	policy: SessionPolicy,
	now: Date
): Promise<NewSession | null> {
	const row = await db
		.selectFrom('session')
		.selectAll()
		.where('id_hash', '=', pendingHash)
		.executeTakeFirst();
	if (!row) return null;
	await db.deleteFrom('session').where('id_hash', '=', pendingHash).execute();
	return createSession(
		db,
		{
			subjectKind: row.subject_kind,
			subjectId: row.subject_id,
			stage: 'full',
			clientAddress: row.client_address,
			userAgent: row.user_agent
		},
		policy,
		now
	);
}

export async function endSession(db: Db, idHash: string): Promise<void> {
	await db.deleteFrom('session').where('id_hash', '=', idHash).execute();
}

/** Deleting the sessions of one staff user or creative; the two callers below narrow it or not. */
function subjectSessions(db: Db, subjectKind: 'staff' | 'creative', subjectId: number) {
	return db.deleteFrom('session').where('subject_kind', '=', subjectKind).where('subject_id', '=', subjectId);
}

export async function endAllSessionsOf(
	db: Db,
	subjectKind: 'staff' | 'creative',
	subjectId: number
): Promise<void> {
	await subjectSessions(db, subjectKind, subjectId).execute();
}

/** The subject can no longer sign in: its sessions end and its link tokens go. */
export async function endSignInsOf(
	db: Db,
	subjectKind: 'staff' | 'creative',
	subjectId: number
): Promise<void> {
	await endAllSessionsOf(db, subjectKind, subjectId);
	await db
		.deleteFrom('auth_token')
		.where('subject_kind', '=', subjectKind)
		.where('subject_id', '=', subjectId)
		.execute();
}

/** Every session of a subject except one (after a password change: "sign out everywhere else"). */
export async function endOtherSessionsOf(
	db: Db,
	subjectKind: 'staff' | 'creative',
	subjectId: number,
	keepHash: string
): Promise<void> {
	await subjectSessions(db, subjectKind, subjectId).where('id_hash', '!=', keepHash).execute();
}

export async function purgeExpiredSessions(db: Db, now: Date): Promise<number> {
	const res = await db.deleteFrom('session').where('expires_at', '<=', now.getTime()).executeTakeFirst();
	return Number(res.numDeletedRows);
}
