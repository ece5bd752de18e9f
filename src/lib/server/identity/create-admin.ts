import { recordAudit, systemActor } from '../audit/index';
import { transact } from '../db/transaction';
import type { Services } from '../runtime';
import { issueInvite } from './invitations';
import { insertStaffUser } from './staff-user-insert';

/**
 * For the CLI (`npm run kl -- create-admin`): the first network admin of a fresh installation,
 * or a way back in when no admin can sign in. Creates the account, or promotes (and
 * re-enables) an existing one, and returns a one-time invitation path to print. Opening it
 * sets a new password; TOTP enrolment follows at the first login. No mail is sent: the
 * operator hands the link over (SMTP may not be configured yet).
 */
export async function createAdmin(
	services: Services,
	input: { email: string; name: string }
): Promise<{ userId: number; invitePath: string }> {
	const { db, clock } = services;
	const now = clock.now();
	const t = now.getTime();
	const email = input.email.trim().toLowerCase();
	const name = input.name.trim();
	if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) {
		throw new Error(`createAdmin: not an e-mail address: ${input.email}`);
	}
	if (name.length === 0 || name.length > 200)
		throw new Error('createAdmin: a name (1–200 characters) is required');
	return transact(db, async (trx) => {
		const existing = await trx
			.selectFrom('staff_user')
			.select(['id', 'is_network_admin', 'disabled_at'])
			.where('email', '=', email)
			.executeTakeFirst();
		let userId: number;
		if (existing) {
			userId = existing.id;
			await trx
				.updateTable('staff_user')
				.set({ is_network_admin: 1, disabled_at: null, updated_at: t })
				.where('id', '=', userId)
				.execute();
		} else {
			userId = await insertStaffUser(trx, { email, name, isNetworkAdmin: true }, t);
		}
		const { path } = await issueInvite(trx, userId, now);
		await recordAudit(
			trx,
			systemActor,
			{
				action: existing ? 'staff.promoted' : 'staff.invited',
				subject: { kind: 'staff_user', id: userId },
				data: {
					via: 'cli',
					admin: true,
					wasAdmin: existing ? existing.is_network_admin === 1 : false,
					reenabled: existing ? existing.disabled_at !== null : false
				}
			},
			{ now }
		);
		return { userId, invitePath: path };
	});
}
