import type { Db, Tx } from '../db/transaction';

/** A new staff account; what is left out starts empty (no password, no TOTP, enabled, German). */
export interface NewStaffUser {
	email: string;
	name: string;
	isNetworkAdmin: boolean;
	locale?: string;
	passwordHash?: string | null;
	/** Already sealed (`secrets.seal`). */
	totpSecret?: string | null;
	totpEnabledAt?: number | null;
	disabledAt?: number | null;
}

/**
 * The one insert of a staff_user row: the invitation, the CLI's first admin, the demo data and
 * the test fixtures each create accounts, and every column is set here so a new column is added
 * in one place.
 */
export async function insertStaffUser(db: Db | Tx, user: NewStaffUser, t: number): Promise<number> {
	const { id } = await db
		.insertInto('staff_user')
		.values({
			email: user.email,
			name: user.name,
			password_hash: user.passwordHash ?? null,
			is_network_admin: user.isNetworkAdmin ? 1 : 0,
			totp_secret: user.totpSecret ?? null,
			totp_enabled_at: user.totpEnabledAt ?? null,
			totp_last_step: null,
			locale: user.locale ?? 'de',
			disabled_at: user.disabledAt ?? null,
			created_at: t,
			updated_at: t
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}
