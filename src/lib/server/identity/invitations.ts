import { recordAudit } from '../audit/index';
import { isUniqueViolation, type Tx, transact } from '../db/transaction';
import type { Services } from '../runtime';
import type { Locale } from '../../i18n/locale';
import { type AdminActor, type RequestContext, recordOwnAudit, staffActor } from './context';
import { inspectLinkToken, issueLinkToken, passwordFromLink, retireLinkTokens } from './link-tokens';
import { enqueueAccountMail } from './mails';
import { endAllSessionsOf } from './sessions';
import { type MembershipInput, staffEmailTaken } from './staff-queries';
import { insertStaffUser } from './staff-user-insert';
import { clearThrottle, keys } from './throttle';

export interface InviteInput {
	name: string;
	email: string;
	isNetworkAdmin: boolean;
	memberships: MembershipInput[];
}

export type InviteResult =
	| { ok: true; userId: number }
	| { ok: false; reason: 'forbidden' | 'email_taken' | 'unknown_office' | 'duplicate_office' };

/** Memberships must name existing offices, each once. */
export async function checkMemberships(
	trx: Tx,
	memberships: MembershipInput[]
): Promise<'ok' | 'unknown_office' | 'duplicate_office'> {
	const ids = memberships.map((m) => m.officeId);
	if (new Set(ids).size !== ids.length) return 'duplicate_office';
	if (ids.length === 0) return 'ok';
	const found = await trx.selectFrom('office').select('id').where('id', 'in', ids).execute();
	return found.length === ids.length ? 'ok' : 'unknown_office';
}

/** Issues a fresh invitation link (older ones stop working) and returns its path. */
export async function issueInvite(
	trx: Tx,
	userId: number,
	now: Date
): Promise<{ token: string; path: string }> {
	await retireLinkTokens(trx, 'invite', userId, now);
	const token = await issueLinkToken(trx, 'invite', userId, now);
	return { token, path: `/anmelden/einladung/${token}` };
}

async function mailInvite(
	trx: Tx,
	services: Services,
	user: { id: number; email: string; name: string },
	invitedBy: string,
	locale: Locale,
	now: Date
): Promise<void> {
	const { path } = await issueInvite(trx, user.id, now);
	const { publicBaseUrl } = services.config;
	await enqueueAccountMail(
		trx,
		user,
		{ kind: 'invite', locale, path, publicBaseUrl, params: { invitedBy } },
		now
	);
}

/**
 * A network admin invites a colleague: the account exists at once (without password and
 * without TOTP), the invitation mail goes to the outbox in the same transaction. The invitee
 * sets a password from the link, then must enrol an authenticator at the first login.
 */
export async function inviteStaff(
	services: Services,
	admin: AdminActor,
	input: InviteInput & { locale: Locale },
	ctx: RequestContext = {}
): Promise<InviteResult> {
	if (!admin.isNetworkAdmin) return { ok: false, reason: 'forbidden' };
	const { db, clock } = services;
	const now = clock.now();
	const t = now.getTime();
	const email = input.email.trim().toLowerCase();
	try {
		return await transact(db, async (trx) => {
			if (await staffEmailTaken(trx, email)) return { ok: false as const, reason: 'email_taken' as const };
			const check = await checkMemberships(trx, input.memberships);
			if (check !== 'ok') return { ok: false as const, reason: check };
			const id = await insertStaffUser(
				trx,
				{ email, name: input.name.trim(), isNetworkAdmin: input.isNetworkAdmin, locale: input.locale },
				t
			);
			if (input.memberships.length > 0) {
				await trx
					.insertInto('staff_membership')
					.values(input.memberships.map((m) => ({ user_id: id, office_id: m.officeId, role: m.role })))
					.execute();
			}
			await mailInvite(trx, services, { id, email, name: input.name.trim() }, admin.name, input.locale, now);
			await recordAudit(
				trx,
				staffActor(admin),
				{
					action: 'staff.invited',
					subject: { kind: 'staff_user', id },
					data: {
						admin: input.isNetworkAdmin,
						offices: input.memberships.map((m) => `${m.officeId}:${m.role}`)
					}
				},
				{ now, requestId: ctx.requestId }
			);
			return { ok: true as const, userId: id };
		});
	} catch (err) {
		// Two admins inviting the same address at the same moment: the unique index decides.
		if (isUniqueViolation(err)) return { ok: false, reason: 'email_taken' };
		throw err;
	}
}

export type ResendResult = { ok: true } | { ok: false; reason: 'forbidden' | 'not_found' | 'not_invited' };

/** Sends a new invitation link to someone who has not set a password yet. */
export async function resendInvite(
	services: Services,
	admin: AdminActor,
	input: { userId: number; locale: Locale },
	ctx: RequestContext = {}
): Promise<ResendResult> {
	if (!admin.isNetworkAdmin) return { ok: false, reason: 'forbidden' };
	const { db, clock } = services;
	const now = clock.now();
	return transact(db, async (trx) => {
		const user = await trx
			.selectFrom('staff_user')
			.select(['id', 'email', 'name', 'password_hash', 'disabled_at'])
			.where('id', '=', input.userId)
			.executeTakeFirst();
		if (!user) return { ok: false as const, reason: 'not_found' as const };
		if (user.password_hash !== null || user.disabled_at !== null)
			return { ok: false as const, reason: 'not_invited' as const };
		await mailInvite(trx, services, user, admin.name, input.locale, now);
		await recordAudit(
			trx,
			staffActor(admin),
			{ action: 'staff.invite_resent', subject: { kind: 'staff_user', id: user.id } },
			{ now, requestId: ctx.requestId }
		);
		return { ok: true as const };
	});
}

export type InviteCheck =
	| { ok: true; name: string; email: string }
	| { ok: false; reason: 'invalid' | 'expired' | 'used' };

/** For the page an invitation link opens. */
export async function inspectInvite(services: Services, token: string): Promise<InviteCheck> {
	const link = await inspectLinkToken(services.db, token, 'invite', services.clock.now());
	if (!link.ok) return link;
	const user = await services.db
		.selectFrom('staff_user')
		.select(['name', 'email', 'disabled_at'])
		.where('id', '=', link.subjectId)
		.executeTakeFirst();
	if (!user || user.disabled_at !== null) return { ok: false, reason: 'invalid' };
	return { ok: true, name: user.name, email: user.email };
}

export type AcceptResult =
	| { ok: true; email: string }
	| { ok: false; reason: 'invalid' | 'expired' | 'used' };

/** The invitee sets their password; the link is used up. TOTP enrolment follows at login. */
export async function acceptInvite(
	services: Services,
	input: { token: string; password: string },
	ctx: RequestContext = {}
): Promise<AcceptResult> {
	return passwordFromLink(services, 'invite', input, async (trx, userId, passwordHash, now) => {
		const user = await trx
			.selectFrom('staff_user')
			.select(['id', 'email', 'disabled_at'])
			.where('id', '=', userId)
			.executeTakeFirst();
		if (!user || user.disabled_at !== null) return { ok: false as const, reason: 'invalid' as const };
		await trx
			.updateTable('staff_user')
			.set({ password_hash: passwordHash, updated_at: now.getTime() })
			.where('id', '=', user.id)
			.execute();
		// An invitation re-issued to an existing account (create-admin) replaces its password.
		await endAllSessionsOf(trx, 'staff', user.id);
		await clearThrottle(trx, keys.loginAccount(user.email));
		await recordOwnAudit(trx, user, { action: 'auth.invite_accepted' }, { now, requestId: ctx.requestId });
		return { ok: true as const, email: user.email };
	});
}
