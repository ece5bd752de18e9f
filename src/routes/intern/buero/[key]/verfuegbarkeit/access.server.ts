import type { RequestEvent } from '@sveltejs/kit';
import {
	listAbsences,
	listOverrides,
	listRules,
	type AvailabilityResult
} from '$lib/server/booking/availability';
import { getBookingSettings } from '$lib/server/booking/settings';
import { officeConsultants } from '$lib/server/booking/slots';
import { officeFeedDetails } from '$lib/server/calendar-feed/commands';
import { berlinDate } from '$lib/time/berlin';
import { isLead, type OfficeActor } from '$lib/server/booking/settings';
import type { Locale } from '$lib/i18n/locale';
import { translate, type MessageKey } from '$lib/i18n/messages';
import { fieldFailure, type FormValues } from '$lib/server/http/form';
import { requireOfficeByKey } from '$lib/server/http/gate';
import { services } from '$lib/server/runtime';

/**
 * The availability and Sprechtag pages' gate: signed in (else login), the office by key
 * (unknown: 404), then any member of the office; the role decides what may be changed.
 */
export async function availabilityAccess(event: RequestEvent<{ key: string }>) {
	const { office, staff, scope, role } = await requireOfficeByKey(event, 'consultant');
	const actor: OfficeActor = { id: staff.id, email: staff.email, role };
	return { office, staff, scope, actor, lead: isLead(actor) };
}

const reasons: Record<Exclude<AvailabilityResult, { ok: true }>['reason'], [number, MessageKey]> = {
	forbidden: [403, 'availability.error.forbidden'],
	not_found: [404, 'availability.error.notFound'],
	not_member: [400, 'availability.error.notMember'],
	overlap: [409, 'availability.error.overlap'],
	has_bookings: [409, 'availability.error.hasBookings'],
	unchanged: [400, 'availability.error.unchanged']
};

/** A domain refusal as a form failure: on `field` when given, else for the whole form. */
export function refusal(
	result: Exclude<AvailabilityResult, { ok: true }>,
	values: FormValues,
	locale: Locale,
	field?: string
) {
	const [status, key] = reasons[result.reason];
	const text = translate(locale, key);
	return field ? fieldFailure(status, values, { [field]: text }) : fieldFailure(status, values, {}, text);
}

/** The page: the plan of one person (a consultant sees only themselves, a lead picks anyone). */
export async function availabilityPage(
	event: RequestEvent,
	{ office, scope, actor, lead }: Awaited<ReturnType<typeof availabilityAccess>>
) {
	const { db, clock } = services();
	const now = clock.now();
	const members = await officeConsultants(db, office.id);
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
}
