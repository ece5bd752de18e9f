import { error, fail, redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locale';
import { fieldErrors, formObject, formValues } from '$lib/server/http/form';
import { messageSettingSchema } from '$lib/server/messages/schema';
import { messageSetting, saveMessageSetting } from '$lib/server/messages/settings';
import { services } from '$lib/server/runtime';
import { calendarAccess } from '../../../kalender/access.server';
import type { Actions, PageServerLoad } from './$types';

/** The office's answer time, holidays and reminder lead time (issue 18): leads and network admins edit. */
export const load: PageServerLoad = async (event) => {
	const { office, viewer } = await calendarAccess(event);
	return {
		office: { key: office.key, name: office.name },
		mayEdit: viewer.role !== 'consultant',
		settings: await messageSetting(services().db, office.id),
		saved: event.url.searchParams.has('gespeichert')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { office, viewer } = await calendarAccess(event);
		const { locale, requestId } = event.locals;
		const form = await event.request.formData().catch(() => new FormData());
		const parsed = messageSettingSchema.safeParse(formObject(form));
		if (!parsed.success)
			return fail(400, { values: formValues(form), errors: fieldErrors(parsed.error, locale) });
		const r = await saveMessageSetting(services(), viewer, office.id, parsed.data, { requestId });
		if (!r.ok) error(403, { message: 'forbidden' });
		redirect(
			303,
			localizePath(locale, `/intern/buero/${office.key}/begleitungen/einstellungen/nachrichten?gespeichert=1`)
		);
	}
};
