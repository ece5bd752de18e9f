import { services } from '$lib/server/runtime';
import { requireOfficeByKey } from '$lib/server/http/gate';
import { dismissReport, moderateProfile } from '$lib/server/visibility/moderation';
import { moderateRequest } from '$lib/server/visibility/requests';
import {
	profileIdSchema,
	reasonSchema,
	reportIdSchema,
	requestModerationSchema
} from '$lib/server/visibility/schema';
import { visibilityDesk } from '$lib/server/visibility/staff-queries';
import type { Actions, PageServerLoad } from './$types';
import { officeForm, type VisibilityCommand } from './forms.server';

export const load: PageServerLoad = async (event) => {
	const { office, scope } = await requireOfficeByKey(event);
	return {
		office: { id: office.id, key: office.key, name: office.name },
		...(await visibilityDesk(services().db, scope, office.id)),
		done: event.url.searchParams.has('gespeichert')
	};
};

/** Approving and showing again need only the profile; rejecting and hiding say why. */
const profileMove = (action: 'approve' | 'reject' | 'hide' | 'unhide') =>
	officeForm(
		action === 'reject' || action === 'hide' ? reasonSchema : profileIdSchema,
		moderateProfile,
		(officeId, d: { profile: number; reason?: string }) => {
			return { officeId, profileId: d.profile, action, reason: d.reason ?? null };
		}
	);

const requestMove = (action: 'approve' | 'reject') =>
	officeForm(
		requestModerationSchema,
		moderateRequest,
		(officeId, d) => ({ officeId, requestId: d.request, action, reason: d.reason }),
		'#gesuche'
	);

/** A report someone else dismissed meanwhile is as dismissed as the person wanted it. */
const dismiss: VisibilityCommand<{ officeId: number; reportId: number }> = async (...args) => {
	const result = await dismissReport(...args);
	return result.ok || result.reason !== 'not_found' ? { ok: true } : result;
};

export const actions: Actions = {
	approve: profileMove('approve'),
	reject: profileMove('reject'),
	hide: profileMove('hide'),
	unhide: profileMove('unhide'),
	dismiss: officeForm(reportIdSchema, dismiss, (officeId, d) => ({ officeId, reportId: d.report })),
	approveRequest: requestMove('approve'),
	rejectRequest: requestMove('reject')
};
