import type { Db } from '../db/transaction';
import type { CaseRequest } from './case-actor';
import { auditCase } from './commands-shared';
import { type CaseView, caseView } from './case-view';
import type { CaseRecord } from './load';
import { caseTimeline } from './timeline';

/**
 * The case file as one JSON document, for staff answering a person's access request by phone or
 * handing a case to another body with the person's consent. Same gate as the case page; the
 * export itself is audited (`case.exported`), and reading its notes is audited like the page.
 */
export async function exportCase(
	db: Db,
	...[actor, scope, officeId, caseId, now, ctx = {}]: CaseRequest
): Promise<Record<string, unknown> | null> {
	const view = await caseView(db, actor, scope, officeId, caseId, now, ctx);
	if (!view) return null;
	const c = view.case;
	const sections = await loadExportSections(db, c);
	await auditCase(db, actor, c.id, c.officeId, 'case.exported', undefined, now, ctx);
	return caseExportDocument(view, sections, now);
}

type ExportSections = Awaited<ReturnType<typeof loadExportSections>>;

async function loadExportSections(db: Db, c: CaseRecord) {
	const [checkIns, referrals, timeline] = await Promise.all([
		db
			.selectFrom('check_in')
			.select(['due_at', 'sent_at', 'answered_at', 'changed', 'questions', 'wants_follow_up', 'steps_done'])
			.where('case_id', '=', c.id)
			.orderBy('sent_at')
			.execute(),
		db
			.selectFrom('referral as r')
			.innerJoin('cp_service as s', 's.id', 'r.service_id')
			.innerJoin('cp_organization as o', 'o.id', 's.organization_id')
			.select([
				'r.id',
				'r.status',
				'r.created_at',
				'r.updated_at',
				's.name as service',
				'o.name as organization'
			])
			.where('r.case_id', '=', c.id)
			.orderBy('r.id')
			.execute(),
		caseTimeline(db, c.id, { creativeEmail: c.creativeEmail, officeId: c.officeId })
	]);
	return { checkIns, referrals, timeline };
}

const iso = (v: number | null) => (v == null ? null : new Date(Number(v)).toISOString());

function caseExportDocument(
	view: CaseView,
	{ checkIns, referrals, timeline }: ExportSections,
	now: Date
): Record<string, unknown> {
	return {
		format: 'kreativlotse.case-export.v1',
		exportedAt: now.toISOString(),
		case: exportedCase(view.case),
		records: view.records.map((r) => ({ ...r, heldAt: iso(r.heldAt) })),
		steps: view.steps.map((s) => ({ ...s, doneAt: iso(s.doneAt) })),
		bookings: view.bookings.map((b) => ({ ...b, start: iso(b.start) })),
		checkIns: checkIns.map((k) => ({
			dueAt: iso(k.due_at),
			sentAt: iso(k.sent_at),
			answeredAt: iso(k.answered_at),
			changed: k.changed,
			questions: k.questions,
			wantsFollowUp: Number(k.wants_follow_up) === 1,
			stepsDone: JSON.parse(k.steps_done) as number[]
		})),
		referrals: referrals.map((r) => ({
			id: Number(r.id),
			organization: r.organization,
			service: r.service,
			status: r.status,
			createdAt: iso(r.created_at),
			updatedAt: iso(r.updated_at)
		})),
		timeline: timeline.map((e) => ({ ...e, at: iso(e.at) }))
	};
}

/** An erased person's address is a placeholder, not data: it is left out. */
function exportedCase(c: CaseRecord): Record<string, unknown> {
	return {
		id: c.id,
		office: c.officeName,
		consultant: c.consultantName,
		name: c.name,
		email: c.creativeErased ? null : c.creativeEmail,
		status: c.status,
		landIso: c.landIso,
		submarket: c.submarket,
		stage: c.stage,
		topics: c.topics,
		goals: c.goals,
		notesConsentVersion: c.notesConsentVersion,
		openedAt: iso(c.openedAt),
		lastContactAt: iso(c.lastContactAt),
		nextContactDueAt: iso(c.nextContactDueAt),
		closedAt: iso(c.closedAt),
		closeReason: c.closeReason,
		closeOutcome: c.closeOutcome,
		feedback: c.feedbackAt
			? { rating: c.feedbackRating, comment: c.feedbackComment, at: iso(c.feedbackAt) }
			: null
	};
}
