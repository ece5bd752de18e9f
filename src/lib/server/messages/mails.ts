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

/**
 * The two notices of a new message share one layout: greeting, what happened, the button to the
 * conversation, the privacy note. `side` is who receives it and picks the texts.
 */
function noticeMail(
	locale: Locale,
	side: 'staff' | 'creative',
	params: Record<string, string>,
	link: string
): RenderedMail {
	const t = (key: MessageKey) => translate(locale, key, params);
	return mail(locale, t(`messages.mail.${side}.subject`), [
		{ kind: 'p', text: t(`messages.mail.${side}.greeting`) },
		{ kind: 'p', text: t(`messages.mail.${side}.body`) },
		{ kind: 'button', text: t(`messages.mail.${side}.button`), href: link },
		{ kind: 'small', text: t('messages.mail.privacy') }
	]);
}

/** To the responsible consultant (or the office): "Neue Nachricht in einer Begleitung". */
export function staffNoticeMail(locale: Locale, input: { greeting: string; link: string }): RenderedMail {
	return noticeMail(locale, 'staff', { name: input.greeting }, input.link);
}

/** To the creative: an answer from the office waits in the portal. */
export function creativeNoticeMail(
	locale: Locale,
	input: { name: string; office: string; link: string }
): RenderedMail {
	return noticeMail(locale, 'creative', { name: input.name, office: input.office }, input.link);
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
