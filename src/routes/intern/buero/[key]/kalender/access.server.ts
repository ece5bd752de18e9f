import { error, type RequestEvent } from '@sveltejs/kit';
import { requireOffice, requireStaff } from '$lib/server/http/gate';
import type { OfficeActor } from '$lib/server/booking/settings';
import { getOfficeByKey } from '$lib/server/reference/queries';
import { services } from '$lib/server/runtime';

/**
 * The calendar pages' gate: signed in (else login), the office by key (unknown: 404), then any
 * member of the office. The viewer's role decides what the calendar reads show.
 */
export async function calendarAccess(event: RequestEvent<{ key: string }>) {
	requireStaff(event);
	const office = await getOfficeByKey(services().db, event.params.key);
	if (!office) error(404, { message: 'not found' });
	const { staff, scope, role } = await requireOffice(event, office.id, 'consultant');
	const viewer: OfficeActor = { id: staff.id, email: staff.email, role };
	return { office, staff, scope, viewer };
}
