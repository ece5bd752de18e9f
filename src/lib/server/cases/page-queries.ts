import type { Locale } from '../../i18n/locale';
import { berlinDate } from '../../time/berlin';
import type { OfficeScope } from '../access/scope';
import type { Db } from '../db/transaction';
import type { RequestContext } from '../identity/index';
import { referralsForCase, suggestContactPoints } from '../referrals/index';
import { listTopics } from '../reference/index';
import { type CaseActor, seesWholeOffice } from './case-actor';
import { CLOSE_REASONS, OUTCOMES, STEP_ROWS } from './case-schemas';
import { caseView } from './case-view';
import { caseChoices } from './choice-queries';
import { caseFor, mergeCandidates, officeConsultants } from './load';
import { nextTalk, recordableTalks } from './talk-rules';
import { caseTimeline } from './timeline';

type Named = { key: string; name: string };

/** A reference key by its name in the page's language (a key no longer listed shows as itself). */
function namer(list: readonly Named[]) {
	const names = new Map(list.map((e) => [e.key, e.name]));
	return (key: string) => names.get(key) ?? key;
}

const keyAndName = (list: readonly Named[]) => list.map((x) => ({ key: x.key, name: x.name }));

/**
 * The staff case page (issue 4) in one read: the case with its records (reading notes is
 * audited, see caseView), steps, bookings, timeline and referrals, what the forms offer, and
 * which booked talks can be documented now or come next (talk-rules). Null when the case is
 * missing, of another office or not the actor's (a consultant's colleague's case).
 * Check-ins and messages are read by their own domains beside this one.
 */
export async function casePage(
	db: Db,
	actor: CaseActor,
	scope: OfficeScope,
	officeId: number,
	caseId: number,
	now: Date,
	locale: Locale,
	ctx: RequestContext = {}
) {
	const view = await caseView(db, actor, scope, officeId, caseId, now, ctx);
	if (!view) return null;
	const c = view.case;
	const lead = seesWholeOffice(actor);
	const [timeline, referrals, consultants, choices, others] = await Promise.all([
		caseTimeline(db, c.id, { creativeEmail: c.creativeEmail, officeId: c.officeId }),
		referralsForCase(db, c.id, locale),
		officeConsultants(db, c.officeId),
		caseChoices(db, locale),
		lead ? mergeCandidates(db, officeId, c.id) : Promise.resolve([])
	]);
	const topic = namer(choices.topics);
	const optional = (list: readonly Named[], key: string | null) => (key == null ? null : namer(list)(key));
	return {
		isLead: lead,
		case: {
			...c,
			submarketName: optional(choices.submarkets, c.submarket),
			stageName: optional(choices.stages, c.stage),
			topicNames: c.topics.map(topic)
		},
		records: view.records.map((r) => ({ ...r, topicNames: r.topics.map(topic) })),
		steps: view.steps,
		bookings: view.bookings,
		recordable: recordableTalks(view.bookings, now.getTime()),
		upcoming: nextTalk(view.bookings, now.getTime()),
		today: berlinDate(now),
		timeline,
		referrals,
		// Hand-over goes to someone else.
		consultants: consultants.filter((m) => m.id !== c.consultantId),
		mergeCandidates: others,
		closeReasons: CLOSE_REASONS,
		reference: {
			topics: keyAndName(choices.topics),
			submarkets: keyAndName(choices.submarkets),
			stages: keyAndName(choices.stages),
			laender: choices.laender.map((l) => l.iso)
		}
	};
}

/**
 * The record form of one case (issue 4, item 2): what it offers (active topics, outcomes, step
 * rows) and the contact points to suggest for the case's Land, topics and sub-market (the first
 * twelve). Notes are offered only with a notes consent. Null when the case is not the actor's.
 */
export async function recordPage(
	db: Db,
	actor: CaseActor,
	scope: OfficeScope,
	officeId: number,
	caseId: number,
	now: Date,
	locale: Locale
) {
	const c = await caseFor(db, actor, scope, caseId, officeId);
	if (!c) return null;
	const [topics, suggestions] = await Promise.all([
		listTopics(db, locale, { activeOnly: true }),
		suggestContactPoints(db, { landIso: c.landIso, topics: c.topics, submarket: c.submarket, locale })
	]);
	return {
		case: {
			id: c.id,
			name: c.name,
			status: c.status,
			topics: c.topics,
			notesAllowed: c.notesConsentVersion != null
		},
		today: berlinDate(now),
		topics,
		outcomes: OUTCOMES,
		stepRows: STEP_ROWS,
		suggestions: suggestions.slice(0, 12)
	};
}

/**
 * The form to open a case for someone who called or wrote without booking (issue 4, item 1):
 * the active reference entries to choose from and, for leads, whom to make responsible (a
 * consultant opens the case for themselves).
 */
export async function openCasePage(db: Db, actor: CaseActor, officeId: number, locale: Locale) {
	const [choices, consultants] = await Promise.all([
		caseChoices(db, locale, { activeOnly: true }),
		seesWholeOffice(actor) ? officeConsultants(db, officeId) : Promise.resolve([])
	]);
	return { ...choices, consultants };
}
