import type { Tx } from '../db/transaction';
import type { Locale } from '../../i18n/locale';
import { recordOwnAudit } from './context';
import { enqueueAccountMail } from './mails';
import { clearThrottle } from './throttle';

/**
 * What every password change does, whether from "Mein Konto" or a reset link: store the new
 * hash, lift the throttle that guarded the old one, tell the owner by mail (so a change they
 * did not make is noticed) and audit. Which sessions end is the caller's decision.
 */
export async function storeNewPassword(
	trx: Tx,
	input: {
		user: { id: number; email: string; name: string };
		passwordHash: string;
		locale: Locale;
		via: 'account' | 'reset';
		throttleKey: string;
		publicBaseUrl: string;
	},
	context: { now: Date; requestId?: string | null }
): Promise<void> {
	const { user, locale, now } = { ...input, now: context.now };
	await trx
		.updateTable('staff_user')
		.set({ password_hash: input.passwordHash, updated_at: now.getTime() })
		.where('id', '=', user.id)
		.execute();
	await clearThrottle(trx, input.throttleKey);
	await enqueueAccountMail(
		trx,
		user,
		{ kind: 'changed', locale, path: '/anmelden/passwort-vergessen', publicBaseUrl: input.publicBaseUrl },
		now
	);
	await recordOwnAudit(
		trx,
		user,
		{
			action: 'auth.password_changed',
			data: { via: input.via }
		},
		context
	);
}
