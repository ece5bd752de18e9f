import type { Tx } from '../db/transaction';
import { enqueueMail } from '../notifications/outbox';
import { hashToken, randomToken } from '../platform/tokens';
import type { Services } from '../runtime';
import { eventIcs, eventPageUrl } from './ics';
import { type EventMailKind, eventMail } from './mails';
import type { EventRecord, RegistrationRecord } from './records';
import { LINK_VALID_AFTER_END_MS } from './rules';

/**
 * The outbox rows of registration changes, written in the command's transaction. Every mail
 * gets its own link token (stored as SHA-256, valid until 30 days after the event), so a job
 * can send a working link long after the first mail without anyone keeping a token in clear.
 */
export function absoluteLink(publicBaseUrl: string, locale: 'de' | 'en', path: string): string {
	return publicBaseUrl.replace(/\/$/, '') + (locale === 'en' ? `/en${path}` : path);
}

/** A new link to the registration page; earlier links keep working. */
export async function issueLink(
	trx: Tx,
	services: Pick<Services, 'config'>,
	r: RegistrationRecord,
	e: EventRecord,
	now: Date
): Promise<string> {
	const token = randomToken();
	await trx
		.insertInto('event_registration_token')
		.values({
			registration_id: r.id,
			token_hash: hashToken(token),
			created_at: now.getTime(),
			expires_at: e.end + LINK_VALID_AFTER_END_MS
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
	const link = WITHOUT_LINK.includes(kind) ? '' : await issueLink(trx, services, r, e, now);
	const confirmed = r.status === 'confirmed';
	const onlineUrl = confirmed && e.format !== 'onsite' ? e.onlineUrl : null;
	// Only confirmed registrants have the event in their calendar; others get the text alone.
	const method = kind === 'changed' && !confirmed ? undefined : CALENDAR[kind];
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
				until: kind === 'pending' ? r.holdExpiresAt : kind === 'offer' ? r.offerExpiresAt : null,
				reason: extra.reason ?? e.cancelReason,
				materialsUrl: e.materialsUrl,
				eventPage: eventPageUrl(base, e.id, r.locale)
			}),
			officeId: e.officeId,
			subject: { kind: 'event_registration', id: r.id },
			dedupeKey: extra.dedupe ? `event-${kind}-${r.id}` : undefined,
			// Issue 12: a hold's confirmation or a waiting-list offer is worthless after its deadline.
			validUntil: kind === 'pending' ? r.holdExpiresAt : kind === 'offer' ? r.offerExpiresAt : null,
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
