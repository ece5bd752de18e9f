import type { Locale } from '../../i18n/locale';
import type { Tx } from '../db/transaction';
import { type MessageKey, translate } from '../../i18n/messages';
import { enqueueMail, type MailBlock, renderMail } from '../notifications/index';
import { cancelReasonOf } from '../reference/index';
import { hashToken, randomToken } from '../platform/tokens';
import type { Services } from '../runtime';
import { eventIcs, eventPageUrl } from './ics';
import { describeEventWhen, type EventMailKind, eventMail } from './mails';
import type { EventRecord, RegistrationRecord } from './records';
import { LINK_VALID_AFTER_END_MS, waitlistConfirmExpiry } from './rules';

/**
 * The outbox rows of registration changes, written in the command's transaction. Every mail
 * gets its own link token (stored as SHA-256, valid until 30 days after the event), so a job
 * can send a working link long after the first mail without anyone keeping a token in clear.
 */
export function absoluteLink(publicBaseUrl: string, locale: Locale, path: string): string {
	return publicBaseUrl.replace(/\/$/, '') + (locale === 'en' ? `/en${path}` : path);
}

/**
 * A new link to the registration page; earlier links keep working. A 'waitlist_confirm' link
 * (issue 16) can only confirm a waiting-list join and stops working when the join lapses (24 h).
 */
export async function issueLink(
	trx: Tx,
	services: Pick<Services, 'config'>,
	r: RegistrationRecord,
	e: EventRecord,
	now: Date,
	purpose: 'manage' | 'waitlist_confirm' = 'manage'
): Promise<string> {
	const token = randomToken();
	await trx
		.insertInto('event_registration_token')
		.values({
			registration_id: r.id,
			token_hash: hashToken(token),
			purpose,
			created_at: now.getTime(),
			expires_at:
				purpose === 'waitlist_confirm'
					? waitlistConfirmExpiry(r.waitlistedAt ?? now.getTime(), e.start)
					: e.end + LINK_VALID_AFTER_END_MS
		})
		.execute();
	return absoluteLink(services.config.publicBaseUrl, r.locale, `/veranstaltungen/anmeldung/${token}`);
}

const CALENDAR: Partial<Record<EventMailKind, 'REQUEST' | 'CANCEL'>> = {
	confirmed: 'REQUEST',
	changed: 'REQUEST',
	cancelledSelf: 'CANCEL',
	eventCancelled: 'CANCEL'
};

/** Mails that carry no action need no link; all others get a fresh one. */
const WITHOUT_LINK: readonly EventMailKind[] = [
	'cancelledSelf',
	'leftWaitlist',
	'eventCancelled',
	'thanks',
	'offerExpired'
];

export async function mailRegistrant(
	trx: Tx,
	services: Pick<Services, 'config'>,
	kind: EventMailKind,
	e: EventRecord,
	r: RegistrationRecord,
	now: Date,
	extra: { reason?: string | null; dedupe?: boolean } = {}
): Promise<void> {
	const base = services.config.publicBaseUrl;
	const link = WITHOUT_LINK.includes(kind)
		? ''
		: await issueLink(trx, services, r, e, now, kind === 'waitlisted' ? 'waitlist_confirm' : 'manage');
	const confirmed = r.status === 'confirmed';
	const onlineUrl = confirmed && e.format !== 'onsite' ? e.onlineUrl : null;
	// Only confirmed registrants have the event in their calendar; others get the text alone.
	const method = kind === 'changed' && !confirmed ? undefined : CALENDAR[kind];
	// The deadline the mail names is also the one after which it is not worth delivering.
	const until =
		kind === 'pending'
			? r.holdExpiresAt
			: kind === 'offer'
				? r.offerExpiresAt
				: kind === 'waitlisted'
					? waitlistConfirmExpiry(r.waitlistedAt ?? now.getTime(), e.start)
					: null;
	await enqueueMail(
		trx,
		{
			to: r.email,
			toName: r.name,
			locale: r.locale,
			template: `event.${kind}`,
			mail: eventMail(r.locale, kind, e, {
				name: r.name,
				link,
				onlineUrl,
				until,
				reason: extra.reason ?? e.cancelReason,
				materialsUrl: e.materialsUrl,
				eventPage: eventPageUrl(base, e.id, r.locale)
			}),
			officeId: e.officeId,
			subject: { kind: 'event_registration', id: r.id },
			dedupeKey: extra.dedupe ? `event-${kind}-${r.id}` : undefined,
			// Issue 12: a hold's confirmation or a waiting-list offer is worthless after its deadline;
			// so is the request to confirm a waiting-list join after it lapsed (issue 16).
			validUntil: until,
			ics: method
				? eventIcs(e, method, {
						publicBaseUrl: base,
						now: now.getTime(),
						onlineUrl: method === 'REQUEST' ? onlineUrl : null,
						attendee: { name: r.name, email: r.email },
						// A registrant's own cancellation must outrank the REQUEST they got.
						extraSequence: kind === 'cancelledSelf' ? 1 : 0
					})
				: null
		},
		now
	);
}

/**
 * Issue 16: the organiser (the event's contact address) learns that a confirmed person
 * deregistered, with the reason from the list if one was given. The mail names the person and
 * nothing else of theirs: no address, no answers, no free text.
 */
export async function mailOfficeDeregistered(
	trx: Tx,
	e: EventRecord,
	r: RegistrationRecord,
	now: Date
): Promise<void> {
	const locale = 'de';
	const params = { title: e.title, name: r.name };
	const reason = cancelReasonOf(r.cancelReasonKey);
	const blocks: MailBlock[] = [
		{ kind: 'p', text: translate(locale, 'events.mail.office.deregistered.body', params) },
		{
			kind: 'p',
			text: `${translate(locale, 'events.mail.label.when')}: ${describeEventWhen(locale, e.start, e.end)}`
		}
	];
	if (reason)
		blocks.push({
			kind: 'p',
			text: translate(locale, 'events.mail.office.deregistered.reason', {
				reason: translate(locale, `cancel.reason.${reason}` as MessageKey)
			})
		});
	await enqueueMail(
		trx,
		{
			to: e.contactEmail,
			toName: e.contactName,
			locale,
			template: 'event.office.deregistered',
			mail: renderMail(
				locale,
				translate(locale, 'events.mail.office.deregistered.subject', params),
				blocks,
				translate(locale, 'mail.footer')
			),
			officeId: e.officeId,
			subject: { kind: 'event_registration', id: r.id }
		},
		now
	);
}
