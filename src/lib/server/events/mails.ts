import type { Locale } from '../../i18n/locale';
import { formatDate } from '../../format/datetime';
import { instantParams, spanParams } from '../../format/when-params';
import { type MessageKey, type MessageParams, translate } from '../../i18n/messages';
import { type MailBlock, type RenderedMail, renderMail } from '../notifications/index';
import type { EventRecord } from './records';

/**
 * The registrants' mails (texts in catalogue/events.ts, events.mail.*). Each says what
 * happened, when and where, and what the reader can do next; every action is a link to the
 * registration page, whose buttons act (a GET changes nothing). Nothing here reads the database.
 */
export type EventMailKind =
	| 'pending'
	| 'waitlisted'
	| 'confirmed'
	| 'offer'
	| 'cancelledSelf'
	| 'leftWaitlist'
	| 'eventCancelled'
	| 'reconfirm'
	| 'reminder'
	| 'feedback'
	| 'thanks'
	| 'changed'
	| 'offerExpired'
	| 'waitlistConfirmed';

/** 'Montag, 15.06.2026, 10:00–12:00 Uhr'; across days both dates. */
export function describeEventWhen(locale: Locale, start: number, end: number): string {
	const sameDay = formatDate(start, locale) === formatDate(end, locale);
	return translate(locale, sameDay ? 'events.when' : 'events.whenDays', spanParams(locale, start, end));
}

export function describeInstant(locale: Locale, instant: number): string {
	return translate(locale, 'events.at', instantParams(locale, instant));
}

export function describeEventWhere(locale: Locale, e: EventRecord): string {
	const place = [e.venueName, e.venueAddress].filter(Boolean).join(', ');
	if (e.format === 'online') return translate(locale, 'events.where.online');
	if (e.format === 'hybrid') return translate(locale, 'events.where.hybrid', { place });
	return place;
}

export interface MailInput {
	name: string;
	/** The registration page (every action happens there). */
	link: string;
	/** Only for confirmed registrants. */
	onlineUrl?: string | null;
	/** Hold or offer deadline. */
	until?: number | null;
	reason?: string | null;
	materialsUrl?: string | null;
	eventPage: string;
}

function details(locale: Locale, e: EventRecord, onlineUrl: string | null | undefined): MailBlock {
	const t = (key: MessageKey, p: MessageParams = {}) => translate(locale, key, p);
	const lines = [
		`${t('events.mail.label.event')}: ${e.title}`,
		`${t('events.mail.label.when')}: ${describeEventWhen(locale, e.start, e.end)}`,
		`${t('events.mail.label.format')}: ${t(`events.format.${e.format}` as MessageKey)}`
	];
	const where = describeEventWhere(locale, e);
	if (where) lines.push(`${t('events.mail.label.where')}: ${where}`);
	if (e.accessibility) lines.push(`${t('events.mail.label.accessibility')}: ${e.accessibility}`);
	if (onlineUrl) lines.push(`${t('events.mail.label.online')}: ${onlineUrl}`);
	lines.push(`${t('events.mail.label.organizer')}: ${e.office?.name ?? t('events.network')}`);
	lines.push(`${t('events.mail.label.contact')}: ${e.contactName} <${e.contactEmail}>`);
	return { kind: 'p', text: lines.join('\n') };
}

/** What a mail's body is written with: its texts, the event's details and the registrant's links. */
interface MailParts {
	t: (key: MessageKey) => string;
	button: (key: MessageKey, href: string) => MailBlock;
	details: (onlineUrl: string | null | undefined) => MailBlock;
	input: MailInput;
}

/** A request the registrant confirms by the link before its deadline (double opt-in), or ignores. */
function confirmByLink(kind: 'pending' | 'waitlisted'): (m: MailParts) => MailBlock[] {
	return ({ t, button, details, input }) => [
		{ kind: 'p', text: t(`events.mail.${kind}.body`) },
		details(null),
		{ kind: 'p', text: t(`events.mail.${kind}.deadline`) },
		button(`events.mail.${kind}.button`, input.link),
		{ kind: 'small', text: t(`events.mail.${kind}.ignore`) }
	];
}

/** A mail to a confirmed registrant: the event with its online link, how to cancel, the manage link. */
function toConfirmed(kind: 'confirmed' | 'reminder' | 'changed'): (m: MailParts) => MailBlock[] {
	return ({ t, button, details, input }) => [
		{ kind: 'p', text: t(`events.mail.${kind}.body`) },
		details(input.onlineUrl),
		{ kind: 'p', text: t('events.mail.confirmed.cancelHint') },
		button('events.mail.manage.button', input.link)
	];
}

/** The body after the greeting, by kind; only confirmed registrants see the online link. */
const bodies: Record<EventMailKind, (m: MailParts) => MailBlock[]> = {
	pending: confirmByLink('pending'),
	// Issue 16: joining the waiting list is confirmed by this link (double opt-in).
	waitlisted: confirmByLink('waitlisted'),
	waitlistConfirmed: ({ t, button, details, input }) => [
		{ kind: 'p', text: t('events.mail.waitlistConfirmed.body') },
		details(null),
		button('events.mail.manage.button', input.link)
	],
	confirmed: (m) => [
		...toConfirmed('confirmed')(m),
		{ kind: 'small', text: m.t('events.mail.ics.attached') }
	],
	offer: ({ t, button, details, input }) => [
		{ kind: 'p', text: t('events.mail.offer.body') },
		details(null),
		{ kind: 'p', text: t('events.mail.offer.deadline') },
		button('events.mail.offer.button', input.link)
	],
	cancelledSelf: ({ t, details }) => [
		{ kind: 'p', text: t('events.mail.cancelledSelf.body') },
		details(null)
	],
	leftWaitlist: ({ t, details }) => [{ kind: 'p', text: t('events.mail.leftWaitlist.body') }, details(null)],
	eventCancelled: ({ t, button, details, input }) => [
		{ kind: 'p', text: t('events.mail.eventCancelled.body') },
		{ kind: 'p', text: t('events.mail.eventCancelled.reason') },
		details(null),
		{ kind: 'p', text: t('events.mail.eventCancelled.sorry') },
		button('events.mail.eventCancelled.button', input.eventPage)
	],
	reconfirm: ({ t, button, details, input }) => [
		{ kind: 'p', text: t('events.mail.reconfirm.body') },
		details(null),
		button('events.mail.reconfirm.button', input.link),
		{ kind: 'small', text: t('events.mail.reconfirm.why') }
	],
	reminder: toConfirmed('reminder'),
	feedback: ({ t, button, input }) => [
		{ kind: 'p', text: t('events.mail.feedback.body') },
		button('events.mail.feedback.button', input.link),
		{ kind: 'small', text: t('events.mail.feedback.anonymous') }
	],
	changed: toConfirmed('changed'),
	offerExpired: ({ t, details }) => [{ kind: 'p', text: t('events.mail.offerExpired.body') }, details(null)],
	thanks: ({ t, button, input }) => [
		{ kind: 'p', text: t('events.mail.thanks.body') },
		input.materialsUrl
			? button('events.mail.thanks.materials', input.materialsUrl)
			: { kind: 'p', text: t('events.mail.thanks.noMaterials') }
	]
};

export function eventMail(
	locale: Locale,
	kind: EventMailKind,
	e: EventRecord,
	input: MailInput
): RenderedMail {
	const params: MessageParams = {
		name: input.name,
		title: e.title,
		when: describeEventWhen(locale, e.start, e.end),
		until: input.until ? describeInstant(locale, input.until) : '',
		reason: input.reason ?? ''
	};
	const t = (key: MessageKey) => translate(locale, key, params);
	const blocks: MailBlock[] = [
		{ kind: 'p', text: t('events.mail.greeting') },
		...bodies[kind]({
			t,
			button: (key, href) => ({ kind: 'button', text: t(key), href }),
			details: (onlineUrl) => details(locale, e, onlineUrl),
			input
		})
	];
	return renderMail(
		locale,
		t(`events.mail.${kind}.subject` as MessageKey),
		blocks,
		translate(locale, 'mail.footer')
	);
}
