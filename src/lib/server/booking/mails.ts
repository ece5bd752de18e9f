import type { Locale } from '../../i18n/locale';
import { formatTime } from '../../format/datetime';
import { instantParams, spanParams } from '../../format/when-params';
import { type MessageKey, type MessageParams, translate } from '../../i18n/messages';
import { type MailBlock, type RenderedMail, renderMail } from '../notifications/index';
import { isPlaceholderVideoUrl } from './video-link';

/**
 * The booking mails (texts in catalogue/booking.ts, booking.mail.*). Dates and times are
 * Europe/Berlin; links are absolute. Each mail says what happened, when and where, and what
 * the reader can do next. Nothing here reads the database.
 */
export interface MailBooking {
	id: number;
	name: string;
	format: 'office' | 'phone' | 'video' | 'sprechtag';
	start: number;
	end: number;
	officeName: string;
	officePhone: string;
	officeEmail: string;
	officeAddress: string;
	consultantName: string;
	phone: string | null;
	videoUrl: string | null;
	sprechtag: { town: string; venue: string; address: string } | null;
	/** Changes by the creative are possible until this instant. */
	changeDeadline: number;
}

/** 'Montag, 30.03.2026, 10:00–11:00 Uhr' / 'Monday, 30/03/2026, 10:00–11:00 (German time)'. */
export function describeWhen(locale: Locale, start: number, end: number): string {
	return translate(locale, 'booking.when', spanParams(locale, start, end));
}

/** 'Montag, 30.03.2026, 10:00 Uhr'. */
export function describeInstant(locale: Locale, instant: number): string {
	return translate(locale, 'booking.at', instantParams(locale, instant));
}

/** Where the consultation happens, in one line. */
export function describeWhere(locale: Locale, b: MailBooking): string {
	switch (b.format) {
		case 'office':
			return translate(locale, 'booking.where.office', { office: b.officeName, address: b.officeAddress });
		case 'phone':
			return translate(locale, 'booking.where.phone', { phone: b.phone ?? '' });
		case 'video':
			if (!b.videoUrl) return translate(locale, 'booking.where.videoLater');
			return isPlaceholderVideoUrl(b.videoUrl)
				? translate(locale, 'video.where.placeholder', { url: b.videoUrl })
				: translate(locale, 'booking.where.video', { url: b.videoUrl });
		case 'sprechtag':
			return translate(locale, 'booking.where.sprechtag', {
				venue: b.sprechtag?.venue ?? '',
				address: b.sprechtag?.address ?? '',
				town: b.sprechtag?.town ?? ''
			});
	}
}

function mail(locale: Locale, subject: string, blocks: MailBlock[]): RenderedMail {
	return renderMail(locale, subject, blocks, translate(locale, 'mail.footer'));
}

function tr(locale: Locale, base: MessageParams) {
	return (key: MessageKey, extra: MessageParams = {}) => translate(locale, key, { ...base, ...extra });
}

function details(locale: Locale, b: MailBooking): MailBlock {
	const t = tr(locale, {});
	return {
		kind: 'p',
		text: [
			`${t('booking.mail.label.when')}: ${describeWhen(locale, b.start, b.end)}`,
			`${t('booking.mail.label.format')}: ${t(`booking.format.${b.format}` as MessageKey)}`,
			`${t('booking.mail.label.where')}: ${describeWhere(locale, b)}`,
			`${t('booking.mail.label.office')}: ${b.officeName}`,
			`${t('booking.mail.label.consultant')}: ${b.consultantName}`
		].join('\n')
	};
}

function params(locale: Locale, b: MailBooking): MessageParams {
	return {
		name: b.name,
		office: b.officeName,
		when: describeWhen(locale, b.start, b.end),
		phone: b.officePhone || b.officeEmail,
		deadline: describeInstant(locale, b.changeDeadline)
	};
}

export function holdMail(
	locale: Locale,
	b: MailBooking,
	input: { link: string; holdUntil: number }
): RenderedMail {
	const t = tr(locale, { ...params(locale, b), until: formatTime(input.holdUntil, locale) });
	return mail(locale, t('booking.mail.hold.subject'), [
		{ kind: 'p', text: t('booking.mail.greeting') },
		{ kind: 'p', text: t('booking.mail.hold.body') },
		details(locale, b),
		{ kind: 'p', text: t('booking.mail.hold.deadline') },
		{ kind: 'button', text: t('booking.mail.hold.button'), href: input.link },
		{ kind: 'small', text: t('booking.mail.hold.ignore') }
	]);
}

export function confirmedMail(
	locale: Locale,
	b: MailBooking,
	input: { manageLink: string; icsLink: string }
): RenderedMail {
	const t = tr(locale, params(locale, b));
	return mail(locale, t('booking.mail.confirmed.subject'), [
		{ kind: 'p', text: t('booking.mail.greeting') },
		{ kind: 'p', text: t('booking.mail.confirmed.body') },
		details(locale, b),
		{ kind: 'button', text: t('booking.mail.manage.button'), href: input.manageLink },
		{ kind: 'p', text: t('booking.mail.manage.deadline') },
		{ kind: 'button', text: t('booking.mail.ics.button'), href: input.icsLink },
		{ kind: 'small', text: t('booking.mail.ics.attached') }
	]);
}

export function cancelledMail(
	locale: Locale,
	b: MailBooking,
	input: { by: 'creative' | 'staff'; reason: string | null; rebookLink: string }
): RenderedMail {
	const t = tr(locale, { ...params(locale, b), reason: input.reason ?? '' });
	const blocks: MailBlock[] = [
		{ kind: 'p', text: t('booking.mail.greeting') },
		{
			kind: 'p',
			text: t(input.by === 'staff' ? 'booking.mail.cancelled.byStaff' : 'booking.mail.cancelled.byYou')
		}
	];
	if (input.reason) blocks.push({ kind: 'p', text: t('booking.mail.reason') });
	blocks.push(
		details(locale, b),
		{ kind: 'button', text: t('booking.mail.cancelled.rebook'), href: input.rebookLink },
		{ kind: 'small', text: t('booking.mail.cancelled.calendar') }
	);
	return mail(locale, t('booking.mail.cancelled.subject'), blocks);
}

export function movedMail(
	locale: Locale,
	b: MailBooking,
	input: {
		previousStart: number;
		by: 'creative' | 'staff';
		reason: string | null;
		manageLink: string;
		icsLink: string;
	}
): RenderedMail {
	const t = tr(locale, {
		...params(locale, b),
		previous: describeInstant(locale, input.previousStart),
		reason: input.reason ?? ''
	});
	const blocks: MailBlock[] = [
		{ kind: 'p', text: t('booking.mail.greeting') },
		{ kind: 'p', text: t(input.by === 'staff' ? 'booking.mail.moved.byStaff' : 'booking.mail.moved.byYou') }
	];
	if (input.reason) blocks.push({ kind: 'p', text: t('booking.mail.reason') });
	blocks.push(
		details(locale, b),
		{ kind: 'button', text: t('booking.mail.manage.button'), href: input.manageLink },
		{ kind: 'p', text: t('booking.mail.manage.deadline') },
		{ kind: 'button', text: t('booking.mail.ics.button'), href: input.icsLink },
		{ kind: 'small', text: t('booking.mail.moved.linkNote') }
	);
	return mail(locale, t('booking.mail.moved.subject'), blocks);
}

export function reminderMail(locale: Locale, b: MailBooking, input: { requestLink: string }): RenderedMail {
	const t = tr(locale, params(locale, b));
	return mail(locale, t('booking.mail.reminder.subject'), [
		{ kind: 'p', text: t('booking.mail.greeting') },
		{ kind: 'p', text: t('booking.mail.reminder.body') },
		details(locale, b),
		{ kind: 'p', text: t('booking.mail.reminder.change') },
		{ kind: 'button', text: t('booking.mail.reminder.button'), href: input.requestLink }
	]);
}

/** A fresh link for an open booking: the manage page (confirmed) or the confirm page (held). */
export function linkMail(
	locale: Locale,
	b: MailBooking,
	input: { kind: 'manage' | 'confirm'; link: string }
): RenderedMail {
	const t = tr(locale, params(locale, b));
	const isManage = input.kind === 'manage';
	return mail(locale, t(isManage ? 'booking.mail.link.subject' : 'booking.mail.hold.subject'), [
		{ kind: 'p', text: t('booking.mail.greeting') },
		{ kind: 'p', text: t(isManage ? 'booking.mail.link.body' : 'booking.mail.link.bodyHeld') },
		details(locale, b),
		{
			kind: 'button',
			text: t(isManage ? 'booking.mail.manage.button' : 'booking.mail.hold.button'),
			href: input.link
		},
		{ kind: 'small', text: t('booking.mail.link.older') }
	]);
}

type ConsultantEvent = 'booked' | 'bookedByStaff' | 'cancelled' | 'moved';

/** Mails to the consultant: who, when, what happened. No content of the concern (it is read in the app). */
export const consultantMail = {
	render(
		locale: Locale,
		event: ConsultantEvent,
		b: MailBooking,
		input: { link: string; previousStart?: number; reason?: string | null; by?: 'creative' | 'staff' }
	): RenderedMail {
		const t = tr(locale, {
			...params(locale, b),
			previous: input.previousStart ? describeInstant(locale, input.previousStart) : '',
			reason: input.reason ?? ''
		});
		const body: Record<ConsultantEvent, MessageKey> = {
			booked: 'booking.mail.consultant.booked',
			bookedByStaff: 'booking.mail.consultant.bookedByStaff',
			cancelled:
				input.by === 'staff'
					? 'booking.mail.consultant.cancelledByStaff'
					: 'booking.mail.consultant.cancelled',
			moved: input.by === 'staff' ? 'booking.mail.consultant.movedByStaff' : 'booking.mail.consultant.moved'
		};
		const subject: Record<ConsultantEvent, MessageKey> = {
			booked: 'booking.mail.consultant.booked.subject',
			bookedByStaff: 'booking.mail.consultant.booked.subject',
			cancelled: 'booking.mail.consultant.cancelled.subject',
			moved: 'booking.mail.consultant.moved.subject'
		};
		const blocks: MailBlock[] = [
			{ kind: 'p', text: t('booking.mail.consultant.greeting', { name: b.consultantName }) },
			{ kind: 'p', text: t(body[event]) }
		];
		if (input.reason) blocks.push({ kind: 'p', text: t('booking.mail.reason') });
		blocks.push(details(locale, b), {
			kind: 'button',
			text: t('booking.mail.consultant.button'),
			href: input.link
		});
		return mail(locale, t(subject[event]), blocks);
	}
};

/** SUMMARY, LOCATION and DESCRIPTION of the calendar entry. */
export function calendarEntryTexts(
	locale: Locale,
	b: MailBooking
): { summary: string; location: string; description: string } {
	const t = tr(locale, params(locale, b));
	return {
		summary: t('booking.ics.summary'),
		location: describeWhere(locale, b),
		description: [
			t(`booking.format.${b.format}` as MessageKey),
			`${t('booking.mail.label.consultant')}: ${b.consultantName}`,
			t('booking.ics.contact')
		].join('\n')
	};
}
