import { messageSettingSchema } from '$lib/server/messages/schema';
import { messageSetting, saveMessageSetting } from '$lib/server/messages/settings';
import { officeSettingsPage } from '../../../office-settings-page.server';
import type { Actions, PageServerLoad } from './$types';

/** The office's answer time, holidays and reminder lead time (issue 18): leads and network admins edit. */
const page = officeSettingsPage('begleitungen/einstellungen/nachrichten', {
	read: messageSetting,
	schema: messageSettingSchema,
	save: saveMessageSetting
});

export const load: PageServerLoad = page.load;
export const actions: Actions = { default: page.save };
