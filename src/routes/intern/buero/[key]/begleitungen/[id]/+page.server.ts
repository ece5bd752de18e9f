import { closeCaseWithFeedback } from '$lib/server/checkins/feedback';
import { checkInsForCase } from '$lib/server/checkins/queries';
import {
	handOverCase,
	reopenCase,
	setCaseFacts,
	setCaseGoals,
	setCaseStatus
} from '$lib/server/cases/case-commands';
import * as schemas from '$lib/server/cases/case-schemas';
import { casePage } from '$lib/server/cases/page-queries';
import { setStepDoneByStaff } from '$lib/server/cases/steps';
import { notFound } from '$lib/server/http/route-answers';
import { messageStateOfCases } from '$lib/server/messages/queries';
import { services } from '$lib/server/runtime';
import { z } from 'zod';
import { caseAction, caseForm, caseNotice, handedOver } from '../case-actions.server';
import type { Actions, PageServerLoad } from './$types';
import { addStep, markSeen, mergeInto, withdrawNotes } from './case-forms.server';

/** One case: facts, actions, plan, records (reading notes is audited), answers, timeline. */
export const load: PageServerLoad = async (event) => {
	const { office, scope, viewer, id, ctx } = await caseAction(event);
	const { db, clock } = services();
	const now = clock.now();
	const page =
		(await casePage(db, viewer, scope, office.id, id, now, event.locals.locale, ctx)) ?? notFound();
	const [checkIns, messages] = await Promise.all([
		checkInsForCase(db, scope, id),
		messageStateOfCases(db, [{ id, officeId: office.id }], now)
	]);
	return {
		office: { key: office.key, name: office.name },
		...page,
		checkIns: checkIns ?? [],
		notice: caseNotice(event.url),
		messages: messages.get(id) ?? { unread: 0, overdue: 0 }
	};
};

export const actions: Actions = {
	/** Issue 13: a withdrawal given by phone or letter; deletes the person's notes at once. */
	notesConsentWithdrawn: caseForm(
		'withdrawal',
		schemas.notesWithdrawalSchema,
		withdrawNotes,
		'consentWithdrawn'
	),
	status: caseForm('status', schemas.statusSchema, setCaseStatus, 'status'),
	handover: caseForm('handover', schemas.handoverSchema, handOverCase, 'handover', { done: handedOver }),
	close: caseForm('close', schemas.closeSchema, closeCaseWithFeedback, 'closed'),
	reopen: caseForm('reopen', z.object({}), reopenCase, 'reopened'),
	facts: caseForm('facts', schemas.factsSchema, setCaseFacts, 'facts', { multi: ['topics'] }),
	goals: caseForm('goals', schemas.goalsSchema, setCaseGoals, 'goals'),
	step: caseForm('step', schemas.stepSchema, addStep, 'step'),
	stepDone: caseForm('stepDone', schemas.stepDoneSchema, setStepDoneByStaff, 'step'),
	seen: caseForm('seen', schemas.seenSchema, markSeen, 'seen'),
	merge: caseForm('merge', schemas.mergeSchema, mergeInto, 'merged')
};
