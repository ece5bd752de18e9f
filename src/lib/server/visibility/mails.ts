import type { Locale } from '../../i18n/locale';
import { type MessageKey, type MessageParams, translate } from '../../i18n/messages';
import { type MailBlock, type RenderedMail, renderMail } from '../notifications/index';

/**
 * The visibility domain's mails (German and English from the catalogue, visibility.mail.*).
 * Only these mails ever carry a creative's or a decision maker's address to the other side,
 * and only after the creative accepted (introductions) or the sender consented (contact relay).
 */
type Block = [MailBlock['kind'], MessageKey | { raw: string }, MessageParams?, string?];

/** Every visibility mail opens with the greeting by name, then its own blocks. */
function build(locale: Locale, subject: MessageKey, params: MessageParams, blocks: Block[]): RenderedMail {
	const greeted: Block[] = [['p', 'visibility.mail.greeting'], ...blocks];
	return renderMail(
		locale,
		translate(locale, subject, params),
		greeted.map(([kind, text, p, href]) => ({
			kind,
			text: typeof text === 'object' ? text.raw : translate(locale, text, p ?? params),
			...(href ? { href } : {})
		})),
		translate(locale, 'mail.footer')
	);
}

/** Who a mail about a request greets (name) and which request it is about (title). */
type AboutRequest = { name: string; title: string };

/** A personal message someone added, under its label; nothing when there is none. */
function quoted(label: MessageKey, message: string | null): Block[] {
	return message
		? [
				['p', label],
				['p', { raw: message }]
			]
		: [];
}

export function profileModeratedMail(
	locale: Locale,
	input: { outcome: 'approved' | 'rejected' | 'hidden'; name: string; reason: string | null; link: string }
): RenderedMail {
	const p = { name: input.name, reason: input.reason ?? '' };
	const blocks: Block[] = [['p', `visibility.mail.profile.${input.outcome}.body` as MessageKey, p]];
	if (input.reason) blocks.push(['p', 'visibility.mail.reason', p]);
	blocks.push(['button', 'visibility.mail.profile.button', p, input.link]);
	return build(locale, `visibility.mail.profile.${input.outcome}.subject` as MessageKey, p, blocks);
}

export function contactRelayMail(
	locale: Locale,
	input: { profileName: string; senderName: string; senderEmail: string; message: string }
): RenderedMail {
	const p = { name: input.profileName, sender: input.senderName, email: input.senderEmail };
	return build(locale, 'visibility.mail.contact.subject', p, [
		['p', 'visibility.mail.contact.body', p],
		['p', { raw: input.message }],
		['p', 'visibility.mail.contact.replyTo', p],
		['small', 'visibility.mail.contact.note', p]
	]);
}

export function openReminderMail(
	locale: Locale,
	input: { name: string; until: string; link: string }
): RenderedMail {
	const p = { name: input.name, until: input.until };
	return build(locale, 'visibility.mail.open.subject', p, [
		['p', 'visibility.mail.open.body', p],
		['button', 'visibility.mail.open.button', p, input.link]
	]);
}

export function requestConfirmMail(locale: Locale, input: AboutRequest & { link: string }): RenderedMail {
	const p = { name: input.name, title: input.title };
	return build(locale, 'visibility.mail.request.confirm.subject', p, [
		['p', 'visibility.mail.request.confirm.body', p],
		['button', 'visibility.mail.request.confirm.button', p, input.link],
		['small', 'visibility.mail.request.confirm.validity', p]
	]);
}

export function requestModeratedMail(
	locale: Locale,
	input: AboutRequest & { outcome: 'approved' | 'rejected'; reason: string | null }
): RenderedMail {
	const p = { name: input.name, title: input.title, reason: input.reason ?? '' };
	const blocks: Block[] = [['p', `visibility.mail.request.${input.outcome}.body` as MessageKey, p]];
	if (input.reason) blocks.push(['p', 'visibility.mail.reason', p]);
	return build(locale, `visibility.mail.request.${input.outcome}.subject` as MessageKey, p, blocks);
}

export function proposalMail(
	locale: Locale,
	input: AboutRequest & {
		orgType: string;
		region: string;
		description: string;
		consultantMessage: string | null;
		link: string;
	}
): RenderedMail {
	const p = { name: input.name, title: input.title, orgType: input.orgType, region: input.region };
	const blocks: Block[] = [
		['p', 'visibility.mail.proposal.body', p],
		['p', { raw: input.description }]
	];
	blocks.push(...quoted('visibility.mail.proposal.consultantSays', input.consultantMessage));
	blocks.push(['p', 'visibility.mail.proposal.consent', p]);
	blocks.push(['button', 'visibility.mail.proposal.button', p, input.link]);
	blocks.push(['small', 'visibility.mail.proposal.validity', p]);
	return build(locale, 'visibility.mail.proposal.subject', p, blocks);
}

/** To the decision maker, after the creative accepted: the creative's contact data. */
export function introductionToDecisionMakerMail(
	locale: Locale,
	input: AboutRequest & {
		creativeName: string;
		creativeEmail: string;
		profileLink: string | null;
		message: string | null;
	}
): RenderedMail {
	const p = {
		name: input.name,
		title: input.title,
		creative: input.creativeName,
		email: input.creativeEmail
	};
	const blocks: Block[] = [
		['p', 'visibility.mail.intro.dm.body', p],
		['p', 'visibility.mail.intro.dm.contact', p]
	];
	blocks.push(...quoted('visibility.mail.intro.message', input.message));
	if (input.profileLink) blocks.push(['button', 'visibility.mail.intro.dm.profile', p, input.profileLink]);
	blocks.push(['small', 'visibility.mail.intro.note', p]);
	return build(locale, 'visibility.mail.intro.dm.subject', p, blocks);
}

/** To the creative, after they accepted: the decision maker's contact data. */
export function introductionToCreativeMail(
	locale: Locale,
	input: AboutRequest & { organisation: string; contactName: string; email: string; phone: string | null }
): RenderedMail {
	const p = {
		name: input.name,
		title: input.title,
		organisation: input.organisation,
		contact: input.contactName,
		email: input.email,
		phone: input.phone ?? ''
	};
	const blocks: Block[] = [
		['p', 'visibility.mail.intro.creative.body', p],
		['p', 'visibility.mail.intro.creative.contact', p]
	];
	if (input.phone) blocks.push(['p', 'visibility.mail.intro.creative.phone', p]);
	blocks.push(['small', 'visibility.mail.intro.note', p]);
	return build(locale, 'visibility.mail.intro.creative.subject', p, blocks);
}
