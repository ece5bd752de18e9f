import { error, redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locale';
import { settingsSchema } from '$lib/server/cases/case-schemas';
import { getCaseSettings, saveCaseSettings } from '$lib/server/cases/settings';
import { services } from '$lib/server/runtime';
import { calendarAccess } from '../../kalender/access.server';
import { parseCaseForm } from '../case-actions.server';
import type { Actions, PageServerLoad } from './$types';

/** The office's accompaniment rhythm (issue 4, item 3): office leads and network admins. */
export const load: PageServerLoad = async (event) => {
	const { office, viewer } = await calendarAccess(event);
	return {
		office: { key: office.key, name: office.name },
		mayEdit: viewer.role !== 'consultant',
		settings: await getCaseSettings(services().db, office.id),
		saved: event.url.searchParams.has('gespeichert')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { office, viewer } = await calendarAccess(event);
		const parsed = await parseCaseForm(event.request, settingsSchema, 'settings', event.locals.locale);
		if (!parsed.ok) return parsed.failure;
		const r = await saveCaseSettings(services(), viewer, office.id, parsed.data, {
			requestId: event.locals.requestId
		});
		if (!r.ok) error(403, { message: 'forbidden' });
		redirect(
			303,
			localizePath(
				event.locals.locale,
				`/intern/buero/${office.key}/begleitungen/einstellungen?gespeichert=1`
			)
		);
	}
};
