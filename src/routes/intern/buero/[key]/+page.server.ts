import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locale';
import { parseForm } from '$lib/server/http/form';
import { requireOffice, requireStaff } from '$lib/server/http/gate';
import { staffAuditActor, updateOfficeContact } from '$lib/server/reference/commands';
import { getOfficeByKey, officeTeam } from '$lib/server/reference/queries';
import { officeContactSchema } from '$lib/server/reference/schema';
import { services } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

/** Signed in first (anonymous → login), then the office by key (unknown → 404), then the gate. */
async function officeFor(event: RequestEvent<{ key: string }>) {
	requireStaff(event);
	const office = await getOfficeByKey(services().db, event.params.key);
	if (!office) error(404, { message: 'not found' });
	return office;
}

export const load: PageServerLoad = async (event) => {
	const office = await officeFor(event);
	const { role, scope } = await requireOffice(event, office.id, 'consultant');
	return {
		office,
		team: await officeTeam(services().db, scope, office.id),
		canEdit: role === 'office_lead' || role === 'network_admin',
		isNetworkAdmin: role === 'network_admin',
		saved: event.url.searchParams.has('gespeichert')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const office = await officeFor(event);
		const { staff } = await requireOffice(event, office.id, 'office_lead');
		const { locale, requestId } = event.locals;
		const parsed = await parseForm(event.request, officeContactSchema, locale);
		if (!parsed.ok) return parsed.failure;
		const result = await updateOfficeContact(services(), staffAuditActor(staff), office.id, parsed.data, {
			requestId
		});
		// The only failure left after validation: the office vanished meanwhile.
		if (!result.ok) error(404, { message: 'not found' });
		redirect(303, localizePath(locale, `/intern/buero/${office.key}?gespeichert=1`));
	}
};
