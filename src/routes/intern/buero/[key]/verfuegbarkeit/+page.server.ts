import { error, redirect } from '@sveltejs/kit';
import {
	addAbsence,
	addOverride,
	addRule,
	listAbsences,
	listOverrides,
	listRules,
	removeAbsence,
	removeOverride,
	removeRule,
	ruleWouldOverlap
} from '$lib/server/booking/availability';
import {
	absenceSchema,
	idSchema,
	overrideSchema,
	ruleSchema,
	settingsSchema
} from '$lib/server/booking/availability-schema';
import { getBookingSettings, updateBookingSettings } from '$lib/server/booking/settings';
import { officeFeedDetails, setOfficeFeedDetails } from '$lib/server/calendar-feed/commands';
import { officeConsultants } from '$lib/server/booking/slots';
import { localizePath } from '$lib/i18n/locale';
import { translate } from '$lib/i18n/messages';
import { parseForm, validFields, withRuleErrors } from '$lib/server/http/form';
import { services } from '$lib/server/runtime';
import { berlinDate } from '$lib/time/berlin';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { availabilityAccess, refusal } from './access.server';

export const load: PageServerLoad = async (event) => {
	const { office, scope, actor, lead } = await availabilityAccess(event);
	const { db, clock } = services();
	const now = clock.now();
	const members = await officeConsultants(db, office.id);
	// A consultant sees only themselves; a lead picks anyone of the office (default: themselves).
	const people = lead ? members : members.filter((m) => m.id === actor.id);
	const wanted = Number(event.url.searchParams.get('person'));
	const person =
		people.find((p) => p.id === wanted) ?? people.find((p) => p.id === actor.id) ?? people[0] ?? null;
	return {
		office,
		lead,
		selfId: actor.id,
		people: people.map((p) => ({ id: p.id, name: p.name })),
		person: person ? { id: person.id, name: person.name } : null,
		rules: person ? await listRules(db, scope, office.id, person.id) : [],
		overrides: person ? await listOverrides(db, scope, office.id, person.id, berlinDate(now)) : [],
		absences: await listAbsences(db, scope, office.id, now, lead ? undefined : actor.id),
		settings: await getBookingSettings(db, office.id),
		feedDetails: await officeFeedDetails(db, office.id),
		saved: event.url.searchParams.has('gespeichert')
	};
};

function done(event: RequestEvent, key: string, personId?: number): never {
	const person = personId ? `person=${personId}&` : '';
	redirect(
		303,
		localizePath(event.locals.locale, `/intern/buero/${key}/verfuegbarkeit?${person}gespeichert=1`)
	);
}

export const actions: Actions = {
	addRule: async (event) => {
		const { office, actor } = await availabilityAccess(event);
		const { locale, requestId } = event.locals;
		const parsed = await parseForm(event.request, ruleSchema, locale);
		if (!parsed.ok) {
			// An overlap with another window of the person is reported with the other errors (issue 16).
			const v = validFields(ruleSchema.in.shape, parsed.input);
			const overlap = await ruleWouldOverlap(services().db, actor, office.id, {
				consultantId: v.consultantId,
				weekday: v.ruleWeekday,
				startTime: v.ruleStart,
				endTime: v.ruleEnd,
				validFrom: v.ruleFrom,
				validTo: v.ruleTo
			});
			const errors: Record<string, string> = overlap
				? { ruleStart: translate(locale, 'availability.error.overlap') }
				: {};
			return withRuleErrors(parsed.failure, errors);
		}
		const result = await addRule(services(), actor, office.id, parsed.data, { requestId });
		if (!result.ok)
			return refusal(result, parsed.values, locale, result.reason === 'overlap' ? 'ruleStart' : undefined);
		done(event, office.key, parsed.data.consultantId);
	},
	removeRule: async (event) => {
		const { office, actor } = await availabilityAccess(event);
		const { locale, requestId } = event.locals;
		const parsed = await parseForm(event.request, idSchema, locale);
		if (!parsed.ok) return parsed.failure;
		const result = await removeRule(services(), actor, office.id, parsed.data.id, { requestId });
		if (!result.ok) return refusal(result, {}, locale);
		done(event, office.key, Number(event.url.searchParams.get('person')) || undefined);
	},
	addOverride: async (event) => {
		const { office, actor } = await availabilityAccess(event);
		const { locale, requestId } = event.locals;
		const parsed = await parseForm(event.request, overrideSchema, locale);
		if (!parsed.ok) return parsed.failure;
		const result = await addOverride(services(), actor, office.id, parsed.data, { requestId });
		if (!result.ok) return refusal(result, parsed.values, locale);
		done(event, office.key, parsed.data.consultantId);
	},
	removeOverride: async (event) => {
		const { office, actor } = await availabilityAccess(event);
		const { locale, requestId } = event.locals;
		const parsed = await parseForm(event.request, idSchema, locale);
		if (!parsed.ok) return parsed.failure;
		const result = await removeOverride(services(), actor, office.id, parsed.data.id, { requestId });
		if (!result.ok) return refusal(result, {}, locale);
		done(event, office.key, Number(event.url.searchParams.get('person')) || undefined);
	},
	addAbsence: async (event) => {
		const { office, actor } = await availabilityAccess(event);
		const { locale, requestId } = event.locals;
		const parsed = await parseForm(event.request, absenceSchema, locale);
		if (!parsed.ok) return parsed.failure;
		const result = await addAbsence(services(), actor, office.id, parsed.data, { requestId });
		if (!result.ok) return refusal(result, parsed.values, locale, 'absenceConsultant');
		done(event, office.key);
	},
	removeAbsence: async (event) => {
		const { office, actor } = await availabilityAccess(event);
		const { locale, requestId } = event.locals;
		const parsed = await parseForm(event.request, idSchema, locale);
		if (!parsed.ok) return parsed.failure;
		const result = await removeAbsence(services(), actor, office.id, parsed.data.id, { requestId });
		if (!result.ok) return refusal(result, {}, locale);
		done(event, office.key);
	},
	saveSettings: async (event) => {
		const { office, actor } = await availabilityAccess(event);
		const { locale, requestId } = event.locals;
		const parsed = await parseForm(event.request, settingsSchema, locale);
		if (!parsed.ok) return parsed.failure;
		const result = await updateBookingSettings(services(), actor, office.id, parsed.data, { requestId });
		if (!result.ok) return refusal(result, parsed.values, locale);
		done(event, office.key);
	},
	saveFeedDetails: async (event) => {
		const { office, actor, lead } = await availabilityAccess(event);
		if (!lead) error(404, { message: 'not found' });
		const form = await event.request.formData().catch(() => new FormData());
		await setOfficeFeedDetails(
			services(),
			{ kind: 'staff', id: actor.id, label: actor.email },
			office.id,
			form.get('feedDetails') === 'on',
			{ requestId: event.locals.requestId }
		);
		done(event, office.key);
	}
};
