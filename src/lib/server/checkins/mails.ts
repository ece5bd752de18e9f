import type { Locale } from '../../i18n/locale';
import { type MessageKey, type MessageParams, translate } from '../../i18n/messages';
import { type MailBlock, type RenderedMail, renderMail } from '../notifications/index';

/**
 * The mails of check-ins and closure feedback. Text lives in the catalogue (checkins.mail.*),
 * links are absolute. The consultant's notice never carries what the creative wrote.
 */
function mail(locale: Locale, subject: string, blocks: MailBlock[]): RenderedMail {
	return renderMail(locale, subject, blocks, translate(locale, 'mail.footer'));
}

export function checkInMail(
	locale: Locale,
	input: { name: string; office: string; link: string }
): RenderedMail {
	const t = (key: MessageKey, params: MessageParams = input) => translate(locale, key, params);
	return mail(locale, t('checkins.mail.checkIn.subject'), [
		{ kind: 'p', text: t('checkins.mail.checkIn.greeting') },
		{ kind: 'p', text: t('checkins.mail.checkIn.body') },
		{ kind: 'button', text: t('checkins.mail.checkIn.button'), href: input.link },
		{ kind: 'small', text: t('checkins.mail.checkIn.noLogin') },
		{ kind: 'small', text: t('checkins.mail.checkIn.ignore') }
	]);
}

export function answerNoticeMail(
	locale: Locale,
	input: { name: string; consultant: string; wantsFollowUp: boolean; link: string }
): RenderedMail {
	const t = (key: MessageKey) => translate(locale, key, { name: input.name, consultant: input.consultant });
	const blocks: MailBlock[] = [
		{ kind: 'p', text: t('checkins.mail.answered.greeting') },
		{ kind: 'p', text: t('checkins.mail.answered.body') }
	];
	if (input.wantsFollowUp) blocks.push({ kind: 'p', text: t('checkins.mail.answered.followUp') });
	blocks.push(
		{ kind: 'button', text: t('checkins.mail.answered.button'), href: input.link },
		{ kind: 'small', text: t('checkins.mail.answered.privacy') }
	);
	return mail(locale, t('checkins.mail.answered.subject'), blocks);
}

export function feedbackMail(
	locale: Locale,
	input: { name: string; office: string; link: string }
): RenderedMail {
	const t = (key: MessageKey) => translate(locale, key, { name: input.name, office: input.office });
	return mail(locale, t('checkins.mail.feedback.subject'), [
		{ kind: 'p', text: t('checkins.mail.feedback.greeting') },
		{ kind: 'p', text: t('checkins.mail.feedback.body') },
		{ kind: 'button', text: t('checkins.mail.feedback.button'), href: input.link },
		{ kind: 'small', text: t('checkins.mail.feedback.validity') }
	]);
}
