import { error, type RequestEvent, redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locale';
import { parseForm, withRuleErrors } from '$lib/server/http/form';
import { requireNetworkAdmin } from '$lib/server/http/gate';
import { resendInvite } from '$lib/server/identity/invitations';
import {
	demotesSelf,
	disableStaff,
	enableStaff,
	resetStaffTotp,
	updateStaff
} from '$lib/server/identity/staff-admin';
import { assignableOffices, getStaff, staffEmailTaken } from '$lib/server/identity/staff-queries';
import { checkbox } from '$lib/server/platform/form-fields';
import { services } from '$lib/server/runtime';
import { adminFailure, idParam, staffRuleErrors, staffSchema, staffValues } from '../staff-form.server';
import type { Actions, PageServerLoad } from './$types';

const NOTICES = [
	'eingeladen',
	'gespeichert',
	'deaktiviert',
	'aktiviert',
	'zurueckgesetzt',
	'erneut-eingeladen'
] as const;

export const load: PageServerLoad = async (event) => {
	const { staff } = await requireNetworkAdmin(event);
	const user = await getStaff(services().db, idParam(event.params.id));
	if (!user) error(404, { message: 'not found' });
	const hint = event.url.searchParams.get('hinweis');
	const notice = NOTICES.find((n) => n === hint) ?? null;
	return {
		user,
		values: staffValues(user),
		offices: await assignableOffices(services().db),
		isSelf: user.id === staff.id,
		notice
	};
};

type Command = typeof disableStaff;

/** The small one-button actions: run, then back to the page with a notice (or the reason why not). */
async function simple(
	event: RequestEvent<{ id: string }>,
	command: Command,
	notice: (typeof NOTICES)[number]
) {
	const { staff } = await requireNetworkAdmin(event);
	const { locale, requestId } = event.locals;
	const id = idParam(event.params.id);
	const r = await command(services(), staff, id, { requestId });
	const selfKey = command === resetStaffTotp ? 'admin.error.selfTotp' : 'admin.error.selfDisable';
	if (!r.ok) return adminFailure(locale, {}, r.reason, selfKey);
	redirect(303, localizePath(locale, `/intern/admin/benutzer/${id}?hinweis=${notice}`));
}

export const actions: Actions = {
	save: async (event) => {
		const { staff } = await requireNetworkAdmin(event);
		const { locale, requestId } = event.locals;
		const id = idParam(event.params.id);
		const offices = await assignableOffices(services().db);
		const parsed = await parseForm(event.request, staffSchema(offices.map((o) => o.id)), locale);
		if (!parsed.ok) {
			// A used address or taking one's own admin rights is reported with the other errors (issue 16).
			const taken = await staffEmailTaken(services().db, String(parsed.input.email ?? ''), id);
			const demoted = demotesSelf(
				staff,
				id,
				checkbox().safeParse(parsed.input.is_network_admin).data === true
			);
			return withRuleErrors(parsed.failure, staffRuleErrors(locale, { taken, demoted }));
		}
		const r = await updateStaff(services(), staff, id, parsed.data, { requestId });
		if (!r.ok) return adminFailure(locale, parsed.values, r.reason, 'admin.error.selfDemote');
		redirect(303, localizePath(locale, `/intern/admin/benutzer/${id}?hinweis=gespeichert`));
	},
	disable: (event) => simple(event, disableStaff, 'deaktiviert'),
	enable: (event) => simple(event, enableStaff, 'aktiviert'),
	resetTotp: (event) => simple(event, resetStaffTotp, 'zurueckgesetzt'),
	resendInvite: async (event) => {
		const { staff } = await requireNetworkAdmin(event);
		const { locale, requestId } = event.locals;
		const id = idParam(event.params.id);
		const r = await resendInvite(services(), staff, { userId: id, locale }, { requestId });
		if (!r.ok) return adminFailure(locale, {}, r.reason);
		redirect(303, localizePath(locale, `/intern/admin/benutzer/${id}?hinweis=erneut-eingeladen`));
	}
};
