import { error, redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locale';
import { caseView } from '$lib/server/cases/case-view';
import {
	closeCase,
	handOverCase,
	reopenCase,
	setCaseFacts,
	setCaseGoals,
	setCaseStatus
} from '$lib/server/cases/case-commands';
import {
	closeSchema,
	factsSchema,
	goalsSchema,
	CLOSE_REASONS,
	handoverSchema,
	mergeSchema,
	seenSchema,
	statusSchema,
	stepDoneSchema,
	stepSchema
} from '$lib/server/cases/case-schemas';
import { mergeCandidates, officeConsultants } from '$lib/server/cases/load';
import { mergeCases } from '$lib/server/cases/merge';
import { recordNotesConsentWithdrawal } from '$lib/server/cases/notes-consent-withdrawal';
import { z } from 'zod';
import { addNextStep, setStepDoneByStaff } from '$lib/server/cases/steps';
import { caseTimeline } from '$lib/server/cases/timeline';
import { messageStateOfCases } from '$lib/server/messages/queries';
import { checkInsForCase } from '$lib/server/checkins/queries';
import { queueFeedbackMail } from '$lib/server/checkins/feedback';
import { markCheckInSeen } from '$lib/server/checkins/seen';
import { referralsForCase } from '$lib/server/referrals/queries';
import { listLaender, listStages, listSubmarkets, listTopics } from '$lib/server/reference/queries';
import { services } from '$lib/server/runtime';
import { berlinDate } from '$lib/time/berlin';
import { calendarAccess } from '../../kalender/access.server';
import { caseAction, caseOutcome, parseCaseForm } from '../case-actions.server';
import type { Actions, PageServerLoad } from './$types';

const NOTICES = [
	'recorded',
	'status',
	'handover',
	'closed',
	'reopened',
	'step',
	'seen',
	'merged',
	'followUp',
	'opened',
	'goals',
	'facts',
	'consentWithdrawn'
] as const;

const withdrawalSchema = z.object({
	confirm: z.literal('ja', { message: 'consents.staff.confirmRequired' })
});

/** One case: facts, actions, plan, records (reading notes is audited), answers, timeline. */
export const load: PageServerLoad = async (event) => {
	const { office, scope, viewer } = await calendarAccess(event);
	const { db, clock } = services();
	const now = clock.now();
	const view = await caseView(db, viewer, scope, office.id, Number(event.params.id), now, {
		requestId: event.locals.requestId
	});
	if (!view) error(404, { message: 'not found' });
	const c = view.case;
	const { locale } = event.locals;
	const [timeline, checkIns, referrals, consultants, topics, submarkets, stages, others, messageState] =
		await Promise.all([
			caseTimeline(db, c.id, { creativeEmail: c.creativeEmail, officeId: c.officeId }),
			checkInsForCase(db, scope, c.id),
			referralsForCase(db, c.id, locale),
			officeConsultants(db, c.officeId),
			listTopics(db, locale),
			listSubmarkets(db, locale),
			listStages(db, locale),
			viewer.role === 'consultant' ? Promise.resolve([]) : mergeCandidates(db, office.id, c.id),
			messageStateOfCases(db, [{ id: c.id, officeId: c.officeId }], now)
		]);
	const name = (list: { key: string; name: string }[], key: string | null) =>
		key == null ? null : (list.find((e) => e.key === key)?.name ?? key);
	const notice = event.url.searchParams.get('ok');
	return {
		office: { key: office.key, name: office.name },
		isLead: viewer.role !== 'consultant',
		case: {
			...c,
			submarketName: name(submarkets, c.submarket),
			stageName: name(stages, c.stage),
			topicNames: c.topics.map((k) => name(topics, k) ?? k)
		},
		records: view.records.map((r) => ({ ...r, topicNames: r.topics.map((k) => name(topics, k) ?? k) })),
		steps: view.steps,
		bookings: view.bookings,
		// Appointments that have started and are not documented yet (the server's clock decides).
		recordable: view.bookings.filter(
			(b) => !b.recorded && ['confirmed', 'attended'].includes(b.status) && b.start <= now.getTime()
		),
		// Issue 16: the next booked talk not yet held; "Gespräch dokumentieren" explains it can wait.
		upcoming:
			view.bookings
				.filter((b) => b.status === 'confirmed' && b.start > now.getTime())
				.sort((a, b) => a.start - b.start)[0] ?? null,
		today: berlinDate(now),
		timeline,
		checkIns: checkIns ?? [],
		referrals,
		consultants: consultants.filter((m) => m.id !== c.consultantId),
		mergeCandidates: others,
		closeReasons: CLOSE_REASONS,
		reference: {
			topics: topics.map((x) => ({ key: x.key, name: x.name })),
			submarkets: submarkets.map((x) => ({ key: x.key, name: x.name })),
			stages: stages.map((x) => ({ key: x.key, name: x.name })),
			laender: (await listLaender(db)).map((l) => l.iso)
		},
		notice: NOTICES.find((n) => n === notice) ?? null,
		messages: messageState.get(c.id) ?? { unread: 0, overdue: 0 }
	};
};

export const actions: Actions = {
	/** Issue 13: a withdrawal given by phone or letter; deletes the person's notes at once. */
	notesConsentWithdrawn: async (event) => {
		const { viewer, scope, id, ctx } = await caseAction(event);
		const parsed = await parseCaseForm(event.request, withdrawalSchema, 'withdrawal', event.locals.locale);
		if (!parsed.ok) return parsed.failure;
		const r = await recordNotesConsentWithdrawal(services(), viewer, scope, id, ctx);
		return caseOutcome(
			event,
			'withdrawal',
			parsed.form,
			r.ok ? { ok: true, caseId: id } : r,
			'consentWithdrawn'
		);
	},
	status: async (event) => {
		const { viewer, scope, id, ctx } = await caseAction(event);
		const parsed = await parseCaseForm(event.request, statusSchema, 'status', event.locals.locale);
		if (!parsed.ok) return parsed.failure;
		const r = await setCaseStatus(services(), viewer, scope, { caseId: id, status: parsed.data.status }, ctx);
		return caseOutcome(event, 'status', parsed.form, r, 'status');
	},
	handover: async (event) => {
		const { viewer, scope, id, ctx } = await caseAction(event);
		const parsed = await parseCaseForm(event.request, handoverSchema, 'handover', event.locals.locale);
		if (!parsed.ok) return parsed.failure;
		const r = await handOverCase(services(), viewer, scope, { caseId: id, ...parsed.data }, ctx);
		// After a hand-over a consultant no longer sees the case: back to the dashboard.
		if (r.ok && viewer.role === 'consultant')
			redirect(
				303,
				localizePath(event.locals.locale, `/intern/buero/${event.params.key}/begleitungen?ok=handover`)
			);
		return caseOutcome(event, 'handover', parsed.form, r, 'handover');
	},
	close: async (event) => {
		const { viewer, scope, id, ctx } = await caseAction(event);
		const parsed = await parseCaseForm(event.request, closeSchema, 'close', event.locals.locale);
		if (!parsed.ok) return parsed.failure;
		const s = services();
		const r = await closeCase(
			s,
			viewer,
			scope,
			{ caseId: id, ...parsed.data },
			ctx,
			async (trx, caseId, now, wanted) => {
				if (wanted) await queueFeedbackMail(trx, s, caseId, now);
			}
		);
		return caseOutcome(event, 'close', parsed.form, r, 'closed');
	},
	reopen: async (event) => {
		const { viewer, scope, id, ctx } = await caseAction(event);
		const r = await reopenCase(services(), viewer, scope, { caseId: id }, ctx);
		return caseOutcome(event, 'reopen', new FormData(), r, 'reopened');
	},
	facts: async (event) => {
		const { viewer, scope, id, ctx } = await caseAction(event);
		const { db } = services();
		const { locale } = event.locals;
		const [topics, submarkets, stages, laender] = await Promise.all([
			listTopics(db, locale),
			listSubmarkets(db, locale),
			listStages(db, locale),
			listLaender(db)
		]);
		const schema = factsSchema({
			topics: topics.map((x) => x.key),
			submarkets: submarkets.map((x) => x.key),
			stages: stages.map((x) => x.key),
			laender: laender.map((l) => l.iso)
		});
		const parsed = await parseCaseForm(event.request, schema, 'facts', locale, ['topics']);
		if (!parsed.ok) return parsed.failure;
		const r = await setCaseFacts(services(), viewer, scope, { caseId: id, ...parsed.data }, ctx);
		return caseOutcome(event, 'facts', parsed.form, r, 'facts');
	},
	goals: async (event) => {
		const { viewer, scope, id, ctx } = await caseAction(event);
		const parsed = await parseCaseForm(event.request, goalsSchema, 'goals', event.locals.locale);
		if (!parsed.ok) return parsed.failure;
		const r = await setCaseGoals(services(), viewer, scope, { caseId: id, goals: parsed.data.goals }, ctx);
		return caseOutcome(event, 'goals', parsed.form, r, 'goals');
	},
	step: async (event) => {
		const { viewer, scope, id, ctx } = await caseAction(event);
		const parsed = await parseCaseForm(event.request, stepSchema, 'step', event.locals.locale);
		if (!parsed.ok) return parsed.failure;
		const { text, owner, dueOn, shared } = parsed.data;
		const r = await addNextStep(
			services(),
			viewer,
			scope,
			{ caseId: id, step: { text, owner, dueOn }, shared },
			ctx
		);
		return caseOutcome(event, 'step', parsed.form, r, 'step');
	},
	stepDone: async (event) => {
		const { viewer, scope, id, ctx } = await caseAction(event);
		const parsed = await parseCaseForm(event.request, stepDoneSchema, 'stepDone', event.locals.locale);
		if (!parsed.ok) return parsed.failure;
		const r = await setStepDoneByStaff(services(), viewer, scope, { caseId: id, ...parsed.data }, ctx);
		return caseOutcome(event, 'stepDone', parsed.form, r, 'step');
	},
	seen: async (event) => {
		const { viewer, scope, id, ctx } = await caseAction(event);
		const parsed = await parseCaseForm(event.request, seenSchema, 'seen', event.locals.locale);
		if (!parsed.ok) return parsed.failure;
		const r = await markCheckInSeen(services(), viewer, scope, parsed.data.checkInId, ctx);
		if (!r.ok && r.reason === 'not_found') error(404, { message: 'not found' });
		return caseOutcome(event, 'seen', parsed.form, { ok: true, caseId: id }, 'seen');
	},
	merge: async (event) => {
		const { viewer, scope, id, ctx } = await caseAction(event);
		const parsed = await parseCaseForm(event.request, mergeSchema, 'merge', event.locals.locale);
		if (!parsed.ok) return parsed.failure;
		// This case is the duplicate: it goes into the chosen one.
		const r = await mergeCases(
			services(),
			viewer,
			scope,
			{ sourceCaseId: id, targetCaseId: parsed.data.targetCaseId },
			ctx
		);
		return caseOutcome(event, 'merge', parsed.form, r, 'merged');
	}
};
