import { type Locale, localizePath } from '../../i18n/locale';
import { type MessageKey, type MessageParams, translate } from '../../i18n/messages';
import type { Tx } from '../db/transaction';
import { enqueueMail, type MailBlock, type RenderedMail, renderMail } from '../notifications/index';

/**
 * The identity mails. Text lives in the catalogue (identity.mail.*), links are absolute:
 * the public base URL plus the localized path, so an English reader lands on English pages.
 */
export function absoluteLink(publicBaseUrl: string, locale: Locale, path: string): string {
	return publicBaseUrl.replace(/\/$/, '') + localizePath(locale, path);
}

function mail(locale: Locale, subject: MessageKey, blocks: MailBlock[]): RenderedMail {
	return renderMail(locale, translate(locale, subject), blocks, translate(locale, 'mail.footer'));
}

/** The three account mails: each a greeting, its body, a button to its link and a closing note. */
type AccountMail = 'reset' | 'invite' | 'changed';

/** Each mail's closing note; the change notice puts it above the button ("not you? reset"). */
const NOTE: Record<AccountMail, { key: MessageKey; first: boolean }> = {
	reset: { key: 'identity.mail.reset.ignore', first: false },
	invite: { key: 'identity.mail.invite.validity', first: false },
	changed: { key: 'identity.mail.changed.notYou', first: true }
};

function accountMail(locale: Locale, kind: AccountMail, params: MessageParams, link: string): RenderedMail {
	const t = (key: MessageKey) => translate(locale, key, params);
	const button: MailBlock = { kind: 'button', text: t(`identity.mail.${kind}.button`), href: link };
	const note: MailBlock = { kind: 'small', text: t(NOTE[kind].key) };
	return mail(locale, `identity.mail.${kind}.subject`, [
		{ kind: 'p', text: t('identity.mail.greeting') },
		{ kind: 'p', text: t(`identity.mail.${kind}.body`) },
		...(NOTE[kind].first ? [note, button] : [button, note])
	]);
}

/** The outbox template of each account mail. */
const TEMPLATE: Record<AccountMail, string> = {
	reset: 'identity.password_reset',
	invite: 'identity.invite',
	changed: 'identity.password_changed'
};

/**
 * Queues an account mail to a staff user, filed under the user: greeted by name, `path` behind
 * its button (absolute, in the mail's language). `params`: the mail's further placeholders.
 */
export async function enqueueAccountMail(
	trx: Tx,
	to: { id: number; email: string; name: string },
	mail: { kind: AccountMail; locale: Locale; path: string; publicBaseUrl: string; params?: MessageParams },
	now: Date
): Promise<void> {
	const { kind, locale } = mail;
	const link = absoluteLink(mail.publicBaseUrl, locale, mail.path);
	const rendered = accountMail(locale, kind, { name: to.name, ...mail.params }, link);
	const subject = { kind: 'staff_user', id: to.id };
	await enqueueMail(
		trx,
		{ to: to.email, toName: to.name, locale, template: TEMPLATE[kind], mail: rendered, subject },
		now
	);
}
