import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { localizePath } from '$lib/i18n/locale';
import { translate } from '$lib/i18n/messages';
import { parseForm } from '$lib/server/http/form';
import { requireOffice, requireStaff } from '$lib/server/http/gate';
import { getOfficeByKey, listSubmarkets } from '$lib/server/reference/queries';
import { services } from '$lib/server/runtime';
import {
	candidatesFor,
	introductionsForRequest,
	proposeIntroduction,
	staffIntroductionAction
} from '$lib/server/visibility/introductions';
import { eraseDecisionMaker } from '$lib/server/visibility/privacy';
import { moderateRequest, staffRequest } from '$lib/server/visibility/requests';
import { introductionIdSchema, outcomeSchema, proposeSchema } from '$lib/server/visibility/schema';
import type { Actions, PageServerLoad } from './$types';

type Ev = RequestEvent<{ key: string; id: string }>;

async function context(event: Ev, minRole: 'consultant' | 'office_lead' = 'consultant') {
	requireStaff(event);
	const office = await getOfficeByKey(services().db, event.params.key);
	if (!office) error(404, { message: 'not found' });
	const access = await requireOffice(event, office.id, minRole);
	const requestId = /^\d{1,9}$/.test(event.params.id) ? Number(event.params.id) : 0;
	const request = await staffRequest(services().db, access.scope, office.id, requestId);
	if (!request) error(404, { message: 'not found' });
	return { office, request, ...access };
}

const back = (event: Ev, key: string, id: number, anchor = '') =>
	redirect(
		303,
		localizePath(event.locals.locale, `/intern/buero/${key}/sichtbarkeit/gesuch/${id}?gespeichert=1${anchor}`)
	);

export const load: PageServerLoad = async (event) => {
	const { office, request, scope, role } = await context(event);
	const { db } = services();
	const q = event.url.searchParams;
	const filters = {
		q: (q.get('q') ?? '').trim().slice(0, 100) || null,
		submarket: (q.get('teilmarkt') ?? '').slice(0, 40) || null
	};
	const searched = q.has('q') || q.has('teilmarkt');
	const submarkets = await listSubmarkets(db, event.locals.locale, { activeOnly: true });
	return {
		office: { id: office.id, key: office.key, name: office.name },
		request,
		canErase: role === 'office_lead' || role === 'network_admin',
		filters,
		candidates: searched ? await candidatesFor(db, scope, office.id, request.id, filters) : null,
		introductions: await introductionsForRequest(db, scope, office.id, request.id),
		submarkets: submarkets.map((s) => ({ key: s.key, name: s.name })),
		done: q.has('gespeichert')
	};
};

function introAction(action: 'forward' | 'decline_interest' | 'withdraw') {
	return async (event: Ev) => {
		const { office, request, staff, scope } = await context(event);
		const { locale, requestId } = event.locals;
		const parsed = await parseForm(event.request, introductionIdSchema, locale);
		if (!parsed.ok) return parsed.failure;
		const r = await staffIntroductionAction(
			services(),
			staff,
			scope,
			{ officeId: office.id, introductionId: parsed.data.introduction, action },
			{ requestId }
		);
		if (!r.ok)
			return fail(409, { values: {}, errors: {}, message: translate(locale, 'visibility.error.state') });
		back(event, office.key, request.id, '#vorstellungen');
	};
}

export const actions: Actions = {
	propose: async (event) => {
		const { office, request, staff, scope } = await context(event);
		const { locale, requestId } = event.locals;
		const parsed = await parseForm(event.request, proposeSchema, locale);
		if (!parsed.ok) return parsed.failure;
		const d = parsed.data;
		const r = await proposeIntroduction(
			services(),
			staff,
			scope,
			{
				officeId: office.id,
				requestId: request.id,
				creativeId: d.creative,
				profileId: d.profile,
				caseId: d.case,
				message: d.message
			},
			{ requestId }
		);
		if (!r.ok)
			return fail(409, { values: {}, errors: {}, message: translate(locale, 'visibility.error.state') });
		back(event, office.key, request.id, '#vorstellungen');
	},
	forward: introAction('forward'),
	declineInterest: introAction('decline_interest'),
	withdraw: introAction('withdraw'),
	outcome: async (event) => {
		const { office, request, staff, scope } = await context(event);
		const { locale, requestId } = event.locals;
		const parsed = await parseForm(event.request, outcomeSchema, locale);
		if (!parsed.ok) return parsed.failure;
		const r = await staffIntroductionAction(
			services(),
			staff,
			scope,
			{
				officeId: office.id,
				introductionId: parsed.data.introduction,
				action: 'outcome',
				outcome: parsed.data.outcome
			},
			{ requestId }
		);
		if (!r.ok)
			return fail(409, { values: {}, errors: {}, message: translate(locale, 'visibility.error.state') });
		back(event, office.key, request.id, '#vorstellungen');
	},
	close: async (event) => {
		const { office, request, staff, scope } = await context(event);
		const { locale, requestId } = event.locals;
		const r = await moderateRequest(
			services(),
			staff,
			scope,
			{ officeId: office.id, requestId: request.id, action: 'close', reason: null },
			{ requestId }
		);
		if (!r.ok)
			return fail(409, { values: {}, errors: {}, message: translate(locale, 'visibility.error.state') });
		back(event, office.key, request.id);
	},
	erase: async (event) => {
		const { office, request, staff, scope } = await context(event, 'office_lead');
		const { locale, requestId } = event.locals;
		const parsed = await parseForm(event.request, z.object({ confirm: z.literal('on') }), locale);
		if (!parsed.ok) return parsed.failure;
		await eraseDecisionMaker(
			services(),
			staff,
			scope,
			{ officeId: office.id, decisionMakerId: request.decisionMaker.id },
			{ requestId }
		);
		redirect(303, localizePath(locale, `/intern/buero/${office.key}/sichtbarkeit?gespeichert=1`));
	}
};
