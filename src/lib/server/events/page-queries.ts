import type { Locale } from '../../i18n/locale';
import type { Db, Tx } from '../db/transaction';
import { listSubmarkets, listTopics } from '../reference/index';
import { eventJsonLd, jsonLdScript } from './json-ld';
import { renderMarkdown } from './markdown';
import { eventHeadline } from './records';
import { publicEvent } from './queries';
import { linkAllows, registrationByToken } from './register';
import {
	RECONFIRM_BEFORE_MS,
	type RegistrantAction,
	registrantActionAllowed,
	registrationWindow,
	waitlistConfirmExpiry
} from './rules';

/**
 * Issue 17: what the two public event pages show, one read each, so the routes stay glue:
 * the event page (facts, sanitised description, schema.org JSON-LD, the registration window)
 * and the registrant's page behind a mail link (what the link may still do).
 */

/** The public event page, or null for an unknown or draft event. Reference keys become names. */
export async function publicEventPage(
	db: Db | Tx,
	id: number,
	at: { locale: Locale; now: Date; publicBaseUrl: string }
) {
	const found = await publicEvent(db, id, at.now);
	if (!found) return null;
	const { event: e, counts } = found;
	const [submarkets, topics] = await Promise.all([
		listSubmarkets(db, at.locale, { activeOnly: true }),
		listTopics(db, at.locale, { activeOnly: false })
	]);
	const names = new Map(submarkets.map((s) => [s.key, s.name]));
	const topicNames = new Map(topics.map((s) => [s.key, s.name]));
	return {
		event: {
			...eventHeadline(e),
			status: e.status,
			cancelReason: e.cancelReason,
			venueName: e.venueName,
			venueAddress: e.venueAddress,
			accessibility: e.accessibility,
			officeName: e.office?.name ?? null,
			officeKey: e.office?.key ?? null,
			contactName: e.contactName,
			contactEmail: e.contactEmail,
			submarkets: e.submarkets.map((k) => names.get(k) ?? k),
			topics: e.topics.map((k) => topicNames.get(k) ?? k),
			capacity: e.capacity,
			registrationOpensAt: e.registrationOpensAt,
			questions: e.questions
		},
		descriptionHtml: renderMarkdown(e.description),
		jsonLd: jsonLdScript(
			eventJsonLd(e, { publicBaseUrl: at.publicBaseUrl, locale: at.locale, remaining: counts.remaining })
		),
		counts,
		window: registrationWindow(e, at.now.getTime()),
		submarkets: submarkets.map((s) => ({ key: s.key, name: s.name }))
	};
}

const REGISTRANT_ACTIONS = {
	confirm: 'confirm',
	confirmWaitlist: 'confirm_waitlist',
	cancel: 'cancel',
	accept: 'accept',
	decline: 'decline',
	reconfirm: 'reconfirm',
	feedback: 'feedback'
} as const satisfies Record<string, RegistrantAction>;

/**
 * The page a registration mail links to: the registration and its event, and which buttons
 * this link may show now (a waiting-list confirmation link offers only that one). A link that
 * is unknown or expired answers its reason.
 */
export async function registrantPage(db: Db | Tx, token: string, now: Date) {
	const found = await registrationByToken(db, token, now);
	if (!found.ok) return found;
	const { registration: r, event: e } = found;
	const t = now.getTime();
	const can = (a: RegistrantAction) => linkAllows(found.purpose, a) && registrantActionAllowed(r, e, a, t);
	return {
		ok: true as const,
		view: {
			eventId: e.id,
			title: e.title,
			type: e.type,
			format: e.format,
			start: e.start,
			end: e.end,
			eventStatus: e.status,
			place: [e.venueName, e.venueAddress].filter(Boolean).join(', '),
			officeName: e.office?.name ?? null,
			name: r.name,
			status: r.status,
			holdExpiresAt: r.holdExpiresAt,
			offerExpiresAt: r.offerExpiresAt,
			waitlistConfirmUntil: waitlistConfirmExpiry(r.waitlistedAt ?? r.createdAt, e.start),
			waitlistConfirmed: r.waitlistConfirmedAt !== null,
			reconfirmedAt: r.reconfirmedAt,
			feedbackAt: r.feedbackAt,
			// "Kommen Sie noch?" from 3 days before the start (when the mail asks it).
			askReconfirm: t >= e.start - RECONFIRM_BEFORE_MS,
			// The online link only for confirmed registrants.
			onlineUrl:
				r.status === 'confirmed' && e.format !== 'onsite' && e.status === 'published' ? e.onlineUrl : null,
			can: Object.fromEntries(
				Object.entries(REGISTRANT_ACTIONS).map(([name, action]) => [name, can(action)])
			) as Record<keyof typeof REGISTRANT_ACTIONS, boolean>
		}
	};
}
