import type { Updateable } from 'kysely';
import { type AuditEntry, recordAudit } from '../audit/index';
import type { StaffUserTable } from '../db/schema';
import { type Db, isUniqueViolation, type Tx, transact } from '../db/transaction';
import type { Services } from '../runtime';
import { type AdminActor, type RequestContext, staffActor } from './context';
import { checkMemberships } from './invitations';
import { endAllSessionsOf } from './sessions';
import { type MembershipInput, staffEmailTaken } from './staff-queries';

/**
 * What network admins do to staff accounts. Every change writes its audit row in the same
 * transaction. An admin cannot disable, demote or reset themselves: the network never loses
 * its last admin by accident, and nobody locks themselves out mid-click.
 */
export type AdminResult =
	| { ok: true }
	| {
			ok: false;
			reason:
				| 'forbidden'
				| 'not_found'
				| 'self'
				| 'email_taken'
				| 'unknown_office'
				| 'duplicate_office'
				| 'unchanged';
	  };

function guard(admin: AdminActor, userId: number, selfAllowed: boolean): AdminResult | null {
	if (!admin.isNetworkAdmin) return { ok: false, reason: 'forbidden' };
	if (!selfAllowed && admin.id === userId) return { ok: false, reason: 'self' };
	return null;
}

async function findUser(trx: Tx, userId: number) {
	return trx
		.selectFrom('staff_user')
		.select(['id', 'email', 'name', 'is_network_admin', 'disabled_at', 'totp_enabled_at'])
		.where('id', '=', userId)
		.executeTakeFirst();
}

export interface StaffUpdate {
	name: string;
	email: string;
	isNetworkAdmin: boolean;
	memberships: MembershipInput[];
}

/** An admin may not take their own admin rights away (the network would lose its last admin). */
export function demotesSelf(admin: AdminActor, userId: number, isNetworkAdmin: boolean): boolean {
	return admin.id === userId && !isNetworkAdmin;
}

/**
 * The edit form's rules beyond its schema, for a form that failed it anyway (issue 16: every
 * error in one round): the address used by another account, an admin taking their own rights.
 * updateStaff asks both again in its transaction.
 */
export async function staffUpdateConflicts(
	db: Db | Tx,
	admin: AdminActor,
	userId: number,
	input: { email: string; isNetworkAdmin: boolean }
): Promise<{ taken: boolean; demoted: boolean }> {
	const taken = await staffEmailTaken(db, input.email, userId);
	return { taken, demoted: demotesSelf(admin, userId, input.isNetworkAdmin) };
}

/** Name, address, admin flag and office roles in one go (the edit form). */
export async function updateStaff(
	services: Services,
	admin: AdminActor,
	userId: number,
	input: StaffUpdate,
	ctx: RequestContext = {}
): Promise<AdminResult> {
	const denied = guard(admin, userId, true);
	if (denied) return denied;
	if (demotesSelf(admin, userId, input.isNetworkAdmin)) return { ok: false, reason: 'self' };
	const { db, clock } = services;
	const now = clock.now();
	const email = input.email.trim().toLowerCase();
	try {
		return await transact(db, async (trx) => {
			const user = await findUser(trx, userId);
			if (!user) return { ok: false as const, reason: 'not_found' as const };
			const check = await checkMemberships(trx, input.memberships);
			if (check !== 'ok') return { ok: false as const, reason: check };
			if (await staffEmailTaken(trx, email, userId))
				return { ok: false as const, reason: 'email_taken' as const };
			const before = await trx
				.selectFrom('staff_membership')
				.select(['office_id', 'role'])
				.where('user_id', '=', userId)
				.orderBy('office_id')
				.execute();
			await trx
				.updateTable('staff_user')
				.set({
					name: input.name.trim(),
					email,
					is_network_admin: input.isNetworkAdmin ? 1 : 0,
					updated_at: now.getTime()
				})
				.where('id', '=', userId)
				.execute();
			await trx.deleteFrom('staff_membership').where('user_id', '=', userId).execute();
			if (input.memberships.length > 0) {
				await trx
					.insertInto('staff_membership')
					.values(input.memberships.map((m) => ({ user_id: userId, office_id: m.officeId, role: m.role })))
					.execute();
			}
			const after = [...input.memberships].sort((a, b) => a.officeId - b.officeId);
			await recordAudit(
				trx,
				staffActor(admin),
				{
					action: 'staff.updated',
					subject: { kind: 'staff_user', id: userId },
					data: {
						nameChanged: input.name.trim() !== user.name,
						emailChanged: email !== user.email,
						adminBefore: user.is_network_admin === 1,
						admin: input.isNetworkAdmin,
						officesBefore: before.map((m) => `${m.office_id}:${m.role}`),
						offices: after.map((m) => `${m.officeId}:${m.role}`)
					}
				},
				{ now, requestId: ctx.requestId }
			);
			// Rights were taken away or the address changed: open sessions must not keep the old ones.
			// (Sessions re-read memberships on every request, so only these two need a fresh login.)
			if (email !== user.email) await endAllSessionsOf(trx, 'staff', userId);
			return { ok: true as const };
		});
	} catch (err) {
		if (isUniqueViolation(err)) return { ok: false, reason: 'email_taken' };
		throw err;
	}
}

type StaffRow = NonNullable<Awaited<ReturnType<typeof findUser>>>;

/**
 * The shape every account change shares: the guard (an admin never locks themselves out), one
 * transaction, the user loaded or `not_found`, the change itself, and its audit row. A change
 * answers 'unchanged' when there is nothing to do, or what to audit.
 */
async function changeAccount(
	services: Services,
	admin: AdminActor,
	userId: number,
	ctx: RequestContext,
	change: (trx: Tx, user: StaffRow, now: Date) => Promise<Pick<AuditEntry, 'action' | 'data'> | 'unchanged'>
): Promise<AdminResult> {
	const denied = guard(admin, userId, false);
	if (denied) return denied;
	const now = services.clock.now();
	return transact(services.db, async (trx) => {
		const user = await findUser(trx, userId);
		if (!user) return { ok: false as const, reason: 'not_found' as const };
		const audit = await change(trx, user, now);
		if (audit === 'unchanged') return { ok: false as const, reason: 'unchanged' as const };
		await recordAudit(
			trx,
			staffActor(admin),
			{ ...audit, subject: { kind: 'staff_user', id: userId } },
			{ now, requestId: ctx.requestId }
		);
		return { ok: true as const };
	});
}

/** The three account buttons (disable, enable, reset the authenticator) are called alike. */
type AccountChange = (
	services: Services,
	admin: AdminActor,
	userId: number,
	ctx?: RequestContext
) => Promise<AdminResult>;

/** The account row's own columns with the instant of the change. */
function setAccount(trx: Tx, userId: number, now: Date, set: Omit<Updateable<StaffUserTable>, 'updated_at'>) {
	return trx
		.updateTable('staff_user')
		.set({ ...set, updated_at: now.getTime() })
		.where('id', '=', userId)
		.execute();
}

/** Disables an account and ends all its sessions at once. */
export const disableStaff: AccountChange = (services, admin, userId, ctx = {}) =>
	changeAccount(services, admin, userId, ctx, async (trx, user, now) => {
		if (user.disabled_at !== null) return 'unchanged';
		await setAccount(trx, userId, now, { disabled_at: now.getTime() });
		await endAllSessionsOf(trx, 'staff', userId);
		return { action: 'staff.disabled' };
	});

export const enableStaff: AccountChange = (services, admin, userId, ctx = {}) =>
	changeAccount(services, admin, userId, ctx, async (trx, user, now) => {
		if (user.disabled_at === null) return 'unchanged';
		await setAccount(trx, userId, now, { disabled_at: null });
		return { action: 'staff.enabled' };
	});

/**
 * Clears the authenticator (lost phone): secret, enrolment and recovery codes go, all
 * sessions end, and the next login leads straight to a new enrolment.
 */
export const resetStaffTotp: AccountChange = (services, admin, userId, ctx = {}) =>
	changeAccount(services, admin, userId, ctx, async (trx, user, now) => {
		await setAccount(trx, userId, now, { totp_secret: null, totp_enabled_at: null, totp_last_step: null });
		await trx.deleteFrom('recovery_code').where('user_id', '=', userId).execute();
		await endAllSessionsOf(trx, 'staff', userId);
		return { action: 'staff.totp_reset', data: { wasEnrolled: user.totp_enabled_at !== null } };
	});
