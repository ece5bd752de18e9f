import { redirect } from '@sveltejs/kit';
import { eventActionAllowed } from '$lib/server/events/rules';
import { attendanceSchema } from '$lib/server/events/schema';
import { markAttendance } from '$lib/server/events/staff';
import { parseForm } from '$lib/server/http/form';
import { services } from '$lib/server/runtime';
import { eventAccess, staffRefusal } from '../../access.server';
import type { Actions, PageServerLoad } from './$types';

/** The check-in list at the door: confirmed registrants, search by name, attended / no-show. */
export const load: PageServerLoad = async (event) => {
	const q = event.url.searchParams.get('q')?.trim().slice(0, 100) ?? '';
	const { office, detail } = await eventAccess(event, q);
	const e = detail.event;
	const now = services().clock.now().getTime();
	return {
		office: { key: office.key },
		event: { id: e.id, title: e.title, start: e.start, end: e.end },
		open: eventActionAllowed(e.status, 'check_in', { now, start: e.start, end: e.end }),
		q,
		counts: detail.counts,
		people: detail.registrations
			.filter((r) => r.status === 'confirmed')
			.sort((a, b) => a.name.localeCompare(b.name, 'de'))
			.map((r) => ({ id: r.id, name: r.name, attendance: r.attendance }))
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { eventStaff, detail } = await eventAccess(event);
		const { locale, requestId } = event.locals;
		const parsed = await parseForm(event.request, attendanceSchema, locale);
		if (!parsed.ok) return parsed.failure;
		const { registration, attendance } = parsed.data;
		const r = await markAttendance(
			services(),
			eventStaff,
			detail.event.id,
			registration,
			attendance === 'clear' ? null : attendance,
			{
				requestId
			}
		);
		if (!r.ok) return staffRefusal(r, {}, locale);
		const q = event.url.searchParams.get('q');
		redirect(303, `${event.url.pathname}${q ? `?q=${encodeURIComponent(q)}` : ''}#person-${registration}`);
	}
};
