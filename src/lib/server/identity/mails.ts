import { type Locale, localizePath } from '../../i18n/locale';
import { type MessageKey, translate } from '../../i18n/messages';
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

export function passwordResetMail(locale: Locale, input: { name: string; link: string }): RenderedMail {
	const t = (key: MessageKey) => translate(locale, key, { name: input.name });
	return mail(locale, 'identity.mail.reset.subject', [
		{ kind: 'p', text: t('identity.mail.greeting') },
		{ kind: 'p', text: t('identity.mail.reset.body') },
		{ kind: 'button', text: t('identity.mail.reset.button'), href: input.link },
		{ kind: 'small', text: t('identity.mail.reset.ignore') }
	]);
}

export function inviteMail(
	locale: Locale,
	input: { name: string; link: string; invitedBy: string }
): RenderedMail {
	const t = (key: MessageKey) => translate(locale, key, { name: input.name, invitedBy: input.invitedBy });
	return mail(locale, 'identity.mail.invite.subject', [
		{ kind: 'p', text: t('identity.mail.greeting') },
		{ kind: 'p', text: t('identity.mail.invite.body') },
		{ kind: 'button', text: t('identity.mail.invite.button'), href: input.link },
		{ kind: 'small', text: t('identity.mail.invite.validity') }
	]);
}

export function passwordChangedMail(
	locale: Locale,
	input: { name: string; resetLink: string }
): RenderedMail {
	const t = (key: MessageKey) => translate(locale, key, { name: input.name });
	return mail(locale, 'identity.mail.changed.subject', [
		{ kind: 'p', text: t('identity.mail.greeting') },
		{ kind: 'p', text: t('identity.mail.changed.body') },
		{ kind: 'small', text: t('identity.mail.changed.notYou') },
		{ kind: 'button', text: t('identity.mail.changed.button'), href: input.resetLink }
	]);
}
