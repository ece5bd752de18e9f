import { z } from 'zod';
import type { IntroductionOutcome } from '$lib/server/db/schema';
import { formAction } from '$lib/server/http/form-action';
import { services } from '$lib/server/runtime';
import { proposeIntroduction, staffIntroductionAction } from '$lib/server/visibility/introductions';
import { eraseDecisionMaker } from '$lib/server/visibility/privacy';
import { moderateRequest } from '$lib/server/visibility/requests';
import { introductionIdSchema, outcomeSchema, proposeSchema } from '$lib/server/visibility/schema';
import { requestDesk } from '$lib/server/visibility/staff-queries';
import { stateFailure, visibilityPath } from '../../forms.server';
import type { Actions, PageServerLoad } from './$types';
import { candidateSearch, type RequestPageEvent, requestAccess, requestForm } from './request.server';

export const load: PageServerLoad = async (event) => {
	const { office, request, scope, role } = await requestAccess(event);
	const { filters, search } = candidateSearch(event.url.searchParams);
	return {
		office: { id: office.id, key: office.key, name: office.name },
		request,
		// Erasure is for the office's lead (and network admins), as its gate below says.
		canErase: role !== 'consultant',
		filters,
		...(await requestDesk(services().db, scope, office.id, request.id, event.locals.locale, search)),
		done: event.url.searchParams.has('gespeichert')
	};
};

type Introduction = z.ZodType<{ introduction: number; outcome?: IntroductionOutcome }>;

/** A move on one introduction; only the outcome's form names an outcome. */
const move = (action: 'forward' | 'decline_interest' | 'withdraw' | 'outcome', schema: Introduction) =>
	requestForm(schema, staffIntroductionAction, ({ officeId }, d) => {
		return { officeId, introductionId: d.introduction, action, outcome: d.outcome };
	});

/** Closing takes no fields (the button is the form) and no reason (the decision maker is not told). */
const closing = { action: 'close', reason: null } as const;

export const actions: Actions = {
	propose: requestForm(proposeSchema, proposeIntroduction, (ids, d) => {
		return { ...ids, creativeId: d.creative, profileId: d.profile, caseId: d.case, message: d.message };
	}),
	forward: move('forward', introductionIdSchema),
	declineInterest: move('decline_interest', introductionIdSchema),
	withdraw: move('withdraw', introductionIdSchema),
	outcome: move('outcome', outcomeSchema),
	close: requestForm(z.object({}), moderateRequest, (ids) => ({ ...ids, ...closing }), ''),
	// Erasure is the lead's, cannot be refused once the gate let them in, and leaves the request behind.
	erase: formAction({
		access: (event: RequestPageEvent) => requestAccess(event, 'office_lead'),
		schema: z.object({ confirm: z.literal('on') }),
		run: async ({ access: { staff, scope, office, request }, event }) => {
			const input = { officeId: office.id, decisionMakerId: request.decisionMaker.id };
			await eraseDecisionMaker(services(), staff, scope, input, { requestId: event.locals.requestId });
			return { ok: true as const };
		},
		refuse: stateFailure,
		done: ({ access }) => visibilityPath(access.office.key)
	})
};
