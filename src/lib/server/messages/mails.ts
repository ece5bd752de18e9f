import type { Locale } from '../../i18n/locale';
import { type MessageKey, translate } from '../../i18n/messages';
import { type MailBlock, type RenderedMail, renderMail } from '../notifications/index';

/**
 * The mails of issue 18. None of them carries a message's text or a file: the conversation is
 * read where it is protected (portal or case page), so a mailbox never holds it.
 */
function mail(locale: Locale, subject: string, blocks: MailBlock[]): RenderedMail {
	return renderMail(locale, subject, blocks, translate(locale, 'mail.footer'));
}

/** To the responsible consultant (or the office): "Neue Nachricht in einer Begleitung". */
export function staffNoticeMail(locale: Locale, input: { greeting: string; link: string }): RenderedMail {
	const t = (key: MessageKey) => translate(locale, key, { name: input.greeting });
	return mail(locale, t('messages.mail.staff.subject'), [
		{ kind: 'p', text: t('messages.mail.staff.greeting') },
		{ kind: 'p', text: t('messages.mail.staff.body') },
		{ kind: 'button', text: t('messages.mail.staff.button'), href: input.link },
		{ kind: 'small', text: t('messages.mail.privacy') }
	]);
}

/** To the creative: an answer from the office waits in the portal. */
export function creativeNoticeMail(
	locale: Locale,
	input: { name: string; office: string; link: string }
): RenderedMail {
	const t = (key: MessageKey) => translate(locale, key, { name: input.name, office: input.office });
	return mail(locale, t('messages.mail.creative.subject'), [
		{ kind: 'p', text: t('messages.mail.creative.greeting') },
		{ kind: 'p', text: t('messages.mail.creative.body') },
		{ kind: 'button', text: t('messages.mail.creative.button'), href: input.link },
		{ kind: 'small', text: t('messages.mail.privacy') }
	]);
}

/** A reminder of the creative's own next step; the link opens the step in the portal. */
export function stepReminderMail(
	locale: Locale,
	input: {
		name: string;
		step: string;
		kind: 'before' | 'due';
		days: number;
		link: string;
		settingsLink: string;
	}
): RenderedMail {
	const p = { name: input.name, step: input.step, days: input.days };
	const t = (key: MessageKey) => translate(locale, key, p);
	const blocks: MailBlock[] = [
		{ kind: 'p', text: t('messages.mail.reminder.greeting') },
		{
			kind: 'p',
			text:
				input.kind === 'due' ? t('messages.mail.reminder.bodyDue') : t('messages.mail.reminder.bodyBefore')
		},
		{ kind: 'p', text: input.step },
		{ kind: 'button', text: t('messages.mail.reminder.button'), href: input.link },
		{ kind: 'small', text: t('messages.mail.reminder.off') },
		{ kind: 'button', text: t('messages.mail.reminder.settings'), href: input.settingsLink }
	];
	return mail(
		locale,
		input.kind === 'due' ? t('messages.mail.reminder.subjectDue') : t('messages.mail.reminder.subjectBefore'),
		blocks
	);
}
