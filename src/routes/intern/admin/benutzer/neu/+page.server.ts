import { redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locale';
import { parseForm, withRuleErrors } from '$lib/server/http/form';
import { requireNetworkAdmin } from '$lib/server/http/gate';
import { inviteStaff } from '$lib/server/identity/invitations';
import { assignableOffices, staffEmailTaken } from '$lib/server/identity/staff-queries';
import { services } from '$lib/server/runtime';
import { adminFailure, staffRuleErrors, staffSchema } from '../staff-form.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await requireNetworkAdmin(event);
	return { offices: await assignableOffices(services().db) };
};

export const actions: Actions = {
	default: async (event) => {
		const { staff } = await requireNetworkAdmin(event);
		const { locale, requestId } = event.locals;
		const offices = await assignableOffices(services().db);
		const parsed = await parseForm(event.request, staffSchema(offices.map((o) => o.id)), locale);
		if (!parsed.ok) {
			// A taken address is reported with the other errors, not in a second round.
			const taken = await staffEmailTaken(services().db, String(parsed.input.email ?? ''));
			return withRuleErrors(parsed.failure, staffRuleErrors(locale, { taken }));
		}
		const r = await inviteStaff(services(), staff, { ...parsed.data, locale }, { requestId });
		if (!r.ok) return adminFailure(locale, parsed.values, r.reason);
		redirect(303, localizePath(locale, `/intern/admin/benutzer/${r.userId}?hinweis=eingeladen`));
	}
};
