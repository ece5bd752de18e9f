import type { Db, Tx } from '../db/transaction';
import { eventRegistrationsForTimeline } from '../events/index';
import { introductionsForTimeline } from '../visibility/index';

/**
 * Issue 4, item 7: one chronological view of a case — bookings, consultations, check-ins,
 * next steps, referrals and their status changes, mails sent, and the case's own events. Built
 * from the tables that hold each fact (no copy to keep in sync), newest first.
 */
export type TimelineEntry =
	| {
			at: number;
			kind: 'booking';
			bookingId: number;
			start: number;
			status: string;
			format: string;
			bookingKind: string;
	  }
	| { at: number; kind: 'record'; recordId: number; outcome: string; recordKind: string }
	| { at: number; kind: 'step_added'; stepId: number; text: string; owner: string }
	| { at: number; kind: 'step_completed'; stepId: number; text: string; by: string | null }
	| {
			at: number;
			kind: 'referral_status';
			referralId: number;
			service: string;
			organization: string;
			status: string;
			actorKind: string;
	  }
	| { at: number; kind: 'mail'; subject: string; template: string; status: string }
	| { at: number; kind: 'event_registration'; title: string; status: string }
	| { at: number; kind: 'case_event'; event: string; actorKind: string; data: Record<string, unknown> };

export async function caseTimeline(
	db: Db | Tx,
	caseId: number,
	extra: { creativeEmail: string; officeId: number; events?: TimelineEntry[] }
): Promise<TimelineEntry[]> {
	const facts = await loadTimelineFacts(db, caseId, extra);
	const entries: TimelineEntry[] = [...timelineEntriesOf(facts), ...(extra.events ?? [])];
	return entries.sort((a, b) => b.at - a.at);
}

type TimelineFacts = Awaited<ReturnType<typeof loadTimelineFacts>>;

async function loadTimelineFacts(
	db: Db | Tx,
	caseId: number,
	extra: { creativeEmail: string; officeId: number }
) {
	const erased = extra.creativeEmail.endsWith('@invalid');
	const [bookings, records, steps, changes, mails, events, registrations, introductions] = await Promise.all([
		db
			.selectFrom('booking')
			.select(['id', 'created_at', 'start_at', 'status', 'format', 'kind'])
			.where('case_id', '=', caseId)
			.execute(),
		db
			.selectFrom('consultation_record')
			.select(['id', 'held_at', 'outcome', 'kind'])
			.where('case_id', '=', caseId)
			.execute(),
		db
			.selectFrom('next_step')
			.select(['id', 'created_at', 'text', 'owner', 'done_at', 'done_by_kind'])
			.where('case_id', '=', caseId)
			.execute(),
		db
			.selectFrom('referral_status_change as h')
			.innerJoin('referral as r', 'r.id', 'h.referral_id')
			.innerJoin('cp_service as s', 's.id', 'r.service_id')
			.innerJoin('cp_organization as o', 'o.id', 's.organization_id')
			.select(['h.at', 'h.status', 'h.actor_kind', 'r.id', 's.name as service', 'o.name as organization'])
			.where('r.case_id', '=', caseId)
			.execute(),
		erased
			? Promise.resolve([])
			: db
					.selectFrom('outbox')
					.select(['created_at', 'subject', 'template', 'status'])
					.where('to_address', '=', extra.creativeEmail)
					.where((eb) => eb.or([eb('office_id', '=', extra.officeId), eb('office_id', 'is', null)]))
					.where('template', 'not like', 'portal.%')
					.execute(),
		db
			.selectFrom('case_event')
			.select(['at', 'kind', 'actor_kind', 'data'])
			.where('case_id', '=', caseId)
			.execute(),
		// Issue 5, item 7: the creative's event registrations (matched by the verified address).
		erased ? Promise.resolve([]) : eventRegistrationsForTimeline(db, extra.creativeEmail),
		// Issue 7: introductions to decision makers brokered for this person by this office.
		introductionsForTimeline(db, caseId)
	]);
	return { bookings, records, steps, changes, mails, events, registrations, introductions };
}

function timelineEntriesOf({
	bookings,
	records,
	steps,
	changes,
	mails,
	events,
	registrations,
	introductions
}: TimelineFacts): TimelineEntry[] {
	return [
		...bookings.map((b) => ({
			at: Number(b.created_at),
			kind: 'booking' as const,
			bookingId: Number(b.id),
			start: Number(b.start_at),
			status: b.status,
			format: b.format,
			bookingKind: b.kind
		})),
		...records.map((r) => ({
			at: Number(r.held_at),
			kind: 'record' as const,
			recordId: Number(r.id),
			outcome: r.outcome,
			recordKind: r.kind
		})),
		...steps.map((s) => ({
			at: Number(s.created_at),
			kind: 'step_added' as const,
			stepId: Number(s.id),
			text: s.text,
			owner: s.owner
		})),
		...steps
			.filter((s) => s.done_at != null)
			.map((s) => ({
				at: Number(s.done_at),
				kind: 'step_completed' as const,
				stepId: Number(s.id),
				text: s.text,
				by: s.done_by_kind
			})),
		...changes.map((h) => ({
			at: Number(h.at),
			kind: 'referral_status' as const,
			referralId: Number(h.id),
			service: h.service,
			organization: h.organization,
			status: h.status,
			actorKind: h.actor_kind
		})),
		...mails.map((m) => ({
			at: Number(m.created_at),
			kind: 'mail' as const,
			subject: m.subject,
			template: m.template,
			status: m.status
		})),
		// step_done events duplicate the steps' own completion entries.
		...events
			.filter((e) => e.kind !== 'step_done')
			.map((e) => ({
				at: Number(e.at),
				kind: 'case_event' as const,
				event: e.kind,
				actorKind: e.actor_kind,
				data: JSON.parse(e.data) as Record<string, unknown>
			})),
		...registrations.map((r) => ({
			at: r.at,
			kind: 'event_registration' as const,
			title: r.title,
			status: r.status
		})),
		...introductions
	];
}
