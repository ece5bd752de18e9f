import { settingsSchema } from '$lib/server/cases/case-schemas';
import { getCaseSettings, saveCaseSettings } from '$lib/server/cases/settings';
import { officeSettingsPage } from '../../office-settings-page.server';
import type { Actions, PageServerLoad } from './$types';

/** The office's accompaniment rhythm (issue 4, item 3): office leads and network admins. */
const page = officeSettingsPage('begleitungen/einstellungen', {
	read: getCaseSettings,
	schema: settingsSchema,
	save: saveCaseSettings
});

export const load: PageServerLoad = page.load;
export const actions: Actions = { default: page.save };
