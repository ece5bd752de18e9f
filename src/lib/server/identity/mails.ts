import { type Locale, localizePath } from '../../i18n/locale';
import { type MessageKey, type MessageParams, translate } from '../../i18n/messages';
import { type MailBlock, type RenderedMail, renderMail } from '../notifications/index';

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

export function passwordResetMail(locale: Locale, input: { name: string; link: string }): RenderedMail {
	return accountMail(locale, 'reset', { name: input.name }, input.link);
}

export function inviteMail(
	locale: Locale,
	input: { name: string; link: string; invitedBy: string }
): RenderedMail {
	return accountMail(locale, 'invite', { name: input.name, invitedBy: input.invitedBy }, input.link);
}

export function passwordChangedMail(
	locale: Locale,
	input: { name: string; resetLink: string }
): RenderedMail {
	return accountMail(locale, 'changed', { name: input.name }, input.resetLink);
}
