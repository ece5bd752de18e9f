import { parseForm, withRuleErrors } from '$lib/server/http/form';
import { requireNetworkAdmin } from '$lib/server/http/gate';
import { notFound } from '$lib/server/http/route-answers';
import { resendInvite } from '$lib/server/identity/invitations';
import * as admin from '$lib/server/identity/staff-admin';
import { assignableOffices, staffAccountPage } from '$lib/server/identity/staff-queries';
import { checkbox } from '$lib/server/platform/form-fields';
import { services } from '$lib/server/runtime';
import { adminFailure, idParam, staffRuleErrors, staffSchema, staffValues } from '../staff-form.server';
import type { Actions, PageServerLoad } from './$types';
import { accountButton, backToAccount, NOTICES } from './account.server';

export const load: PageServerLoad = async (event) => {
	const { staff } = await requireNetworkAdmin(event);
	const page = (await staffAccountPage(services().db, idParam(event.params.id))) ?? notFound();
	const hint = event.url.searchParams.get('hinweis');
	return {
		...page,
		values: staffValues(page.user),
		isSelf: page.user.id === staff.id,
		notice: NOTICES.find((n) => n === hint) ?? null
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { staff } = await requireNetworkAdmin(event);
		const { locale, requestId } = event.locals;
		const id = idParam(event.params.id);
		const offices = await assignableOffices(services().db);
		const parsed = await parseForm(event.request, staffSchema(offices.map((o) => o.id)), locale);
		if (!parsed.ok) {
			// A used address or taking one's own admin rights is reported with the other errors (issue 16).
			const email = String(parsed.input.email ?? '');
			const isNetworkAdmin = checkbox().safeParse(parsed.input.is_network_admin).data === true;
			const conflicts = await admin.staffUpdateConflicts(services().db, staff, id, { email, isNetworkAdmin });
			return withRuleErrors(parsed.failure, staffRuleErrors(locale, conflicts));
		}
		const r = await admin.updateStaff(services(), staff, id, parsed.data, { requestId });
		if (!r.ok) return adminFailure(locale, parsed.values, r.reason, 'admin.error.selfDemote');
		backToAccount(event, id, 'gespeichert');
	},
	disable: accountButton(admin.disableStaff, 'deaktiviert', 'admin.error.selfDisable'),
	enable: accountButton(admin.enableStaff, 'aktiviert', 'admin.error.selfDisable'),
	resetTotp: accountButton(admin.resetStaffTotp, 'zurueckgesetzt', 'admin.error.selfTotp'),
	resendInvite: accountButton(
		(s, a, userId, ctx, locale) => resendInvite(s, a, { userId, locale }, ctx),
		'erneut-eingeladen'
	)
};
