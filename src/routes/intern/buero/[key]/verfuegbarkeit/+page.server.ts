import {
	addAbsence,
	addOverride,
	addRule,
	removeAbsence,
	removeOverride,
	removeRule
} from '$lib/server/booking/availability';
import {
	absenceSchema,
	idSchema,
	overrideSchema,
	ruleSchema,
	settingsSchema
} from '$lib/server/booking/availability-schema';
import { updateBookingSettings } from '$lib/server/booking/settings';
import { setOfficeFeedDetails } from '$lib/server/calendar-feed/commands';
import { notFound, readForm, seeOther } from '$lib/server/http/route-answers';
import { services } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';
import { availabilityAccess, availabilityPage } from './access.server';
import { byId, planForm, planPath, ruleOverlapErrors } from './plan-form.server';

export const load: PageServerLoad = async (event) => availabilityPage(event, await availabilityAccess(event));

export const actions: Actions = {
	addRule: planForm(ruleSchema, addRule, {
		person: 'form',
		overlapOn: 'ruleStart',
		invalid: ruleOverlapErrors
	}),
	removeRule: planForm(idSchema, byId(removeRule), { person: 'page' }),
	addOverride: planForm(overrideSchema, addOverride, { person: 'form' }),
	removeOverride: planForm(idSchema, byId(removeOverride), { person: 'page' }),
	addAbsence: planForm(absenceSchema, addAbsence, { field: 'absenceConsultant' }),
	removeAbsence: planForm(idSchema, byId(removeAbsence)),
	saveSettings: planForm(settingsSchema, updateBookingSettings),
	saveFeedDetails: async (event) => {
		const { office, actor, lead } = await availabilityAccess(event);
		if (!lead) notFound();
		const on = (await readForm(event.request)).get('feedDetails') === 'on';
		const staff = { kind: 'staff' as const, id: actor.id, label: actor.email };
		await setOfficeFeedDetails(services(), staff, office.id, on, { requestId: event.locals.requestId });
		seeOther(event, planPath(office.key));
	}
};
