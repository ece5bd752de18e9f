import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locale';
import { translate } from '$lib/i18n/messages';
import { parseForm } from '$lib/server/http/form';
import { requireOffice, requireStaff } from '$lib/server/http/gate';
import { getOfficeByKey } from '$lib/server/reference/queries';
import { services } from '$lib/server/runtime';
import { dismissReport, moderateProfile, moderationOverview } from '$lib/server/visibility/moderation';
import { moderateRequest, officeRequests } from '$lib/server/visibility/requests';
import {
	profileIdSchema,
	reasonSchema,
	reportIdSchema,
	requestModerationSchema
} from '$lib/server/visibility/schema';
import type { Actions, PageServerLoad } from './$types';

async function officeFor(event: RequestEvent<{ key: string }>) {
	requireStaff(event);
	const office = await getOfficeByKey(services().db, event.params.key);
	if (!office) error(404, { message: 'not found' });
	return office;
}

export const load: PageServerLoad = async (event) => {
	const office = await officeFor(event);
	const { scope } = await requireOffice(event, office.id, 'consultant');
	const { db } = services();
	return {
		office: { id: office.id, key: office.key, name: office.name },
		overview: await moderationOverview(db, scope, office.id),
		requests: await officeRequests(db, scope, office.id),
		done: event.url.searchParams.has('gespeichert')
	};
};

type Move = 'approve' | 'reject' | 'hide' | 'unhide';

function profileAction(action: Move) {
	return async (event: RequestEvent<{ key: string }>) => {
		const office = await officeFor(event);
		const { staff, scope } = await requireOffice(event, office.id, 'consultant');
		const { locale, requestId } = event.locals;
		const needsReason = action === 'reject' || action === 'hide';
		const parsed = await parseForm(event.request, needsReason ? reasonSchema : profileIdSchema, locale);
		if (!parsed.ok) return parsed.failure;
		const d = parsed.data as { profile: number; reason?: string };
		const r = await moderateProfile(
			services(),
			staff,
			scope,
			{ officeId: office.id, profileId: d.profile, action, reason: d.reason ?? null },
			{ requestId }
		);
		if (!r.ok) {
			if (r.reason === 'not_found') error(404, { message: 'not found' });
			return fail(409, { values: {}, errors: {}, message: translate(locale, 'visibility.error.state') });
		}
		redirect(303, localizePath(locale, `/intern/buero/${office.key}/sichtbarkeit?gespeichert=1`));
	};
}

function requestAction(action: 'approve' | 'reject') {
	return async (event: RequestEvent<{ key: string }>) => {
		const office = await officeFor(event);
		const { staff, scope } = await requireOffice(event, office.id, 'consultant');
		const { locale, requestId } = event.locals;
		const parsed = await parseForm(event.request, requestModerationSchema, locale);
		if (!parsed.ok) return parsed.failure;
		const r = await moderateRequest(
			services(),
			staff,
			scope,
			{ officeId: office.id, requestId: parsed.data.request, action, reason: parsed.data.reason },
			{ requestId }
		);
		if (!r.ok) {
			if (r.reason === 'not_found') error(404, { message: 'not found' });
			return fail(409, { values: {}, errors: {}, message: translate(locale, 'visibility.error.state') });
		}
		redirect(303, localizePath(locale, `/intern/buero/${office.key}/sichtbarkeit?gespeichert=1#gesuche`));
	};
}

export const actions: Actions = {
	approve: profileAction('approve'),
	reject: profileAction('reject'),
	hide: profileAction('hide'),
	unhide: profileAction('unhide'),
	dismiss: async (event) => {
		const office = await officeFor(event);
		const { staff, scope } = await requireOffice(event, office.id, 'consultant');
		const { locale, requestId } = event.locals;
		const parsed = await parseForm(event.request, reportIdSchema, locale);
		if (!parsed.ok) return parsed.failure;
		const r = await dismissReport(
			services(),
			staff,
			scope,
			{ officeId: office.id, reportId: parsed.data.report },
			{ requestId }
		);
		if (!r.ok && r.reason === 'not_found') error(404, { message: 'not found' });
		redirect(303, localizePath(locale, `/intern/buero/${office.key}/sichtbarkeit?gespeichert=1`));
	},
	approveRequest: requestAction('approve'),
	rejectRequest: requestAction('reject')
};
