import { error, type RequestEvent } from '@sveltejs/kit';
import type { AvailabilityResult } from '$lib/server/booking/availability';
import { isLead, type OfficeActor } from '$lib/server/booking/settings';
import type { Locale } from '$lib/i18n/locale';
import { translate, type MessageKey } from '$lib/i18n/messages';
import { fieldFailure, type FormValues } from '$lib/server/http/form';
import { requireOffice, requireStaff } from '$lib/server/http/gate';
import { getOfficeByKey } from '$lib/server/reference/queries';
import { services } from '$lib/server/runtime';

/**
 * The availability and Sprechtag pages' gate: signed in (else login), the office by key
 * (unknown: 404), then any member of the office; the role decides what may be changed.
 */
export async function availabilityAccess(event: RequestEvent<{ key: string }>) {
	requireStaff(event);
	const office = await getOfficeByKey(services().db, event.params.key);
	if (!office) error(404, { message: 'not found' });
	const { staff, scope, role } = await requireOffice(event, office.id, 'consultant');
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
