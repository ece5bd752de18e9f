import { redirect } from '@sveltejs/kit';
import { localizePath, type Locale } from '$lib/i18n/locale';
import { cancelEventSchema, eventFormSchema, formValuesOf } from '$lib/server/events/schema';
import { cancelEvent, publishEvent, updateEvent } from '$lib/server/events/staff';
import { eventActionAllowed } from '$lib/server/events/rules';
import { parseForm } from '$lib/server/http/form';
import { listSubmarkets, listTopics } from '$lib/server/reference/queries';
import { LAND_ISOS } from '$lib/server/reference/schema';
import { services } from '$lib/server/runtime';
import { eventAccess, staffRefusal, withReferenceErrors } from '../access.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { office, detail } = await eventAccess(event);
	const { db, clock } = services();
	const [submarkets, topics] = await Promise.all([
		listSubmarkets(db, event.locals.locale, { activeOnly: true }),
		listTopics(db, event.locals.locale, { activeOnly: true })
	]);
	const e = detail.event;
	const t = clock.now().getTime();
	const facts = { now: t, start: e.start, end: e.end };
	const rated = detail.registrations.filter((r) => r.feedbackRating !== null);
	return {
		office: { key: office.key, name: office.name },
		event: {
			id: e.id,
			title: e.title,
			status: e.status,
			start: e.start,
			end: e.end,
			network: e.officeId === null,
			cancelReason: e.cancelReason,
			capacity: e.capacity
		},
		values: formValuesOf(e),
		counts: detail.counts,
		feedback:
			rated.length === 0
				? null
				: {
						count: rated.length,
						average: rated.reduce((sum, r) => sum + (r.feedbackRating ?? 0), 0) / rated.length
					},
		registrations: detail.registrations.map((r) => ({
			id: r.id,
			name: r.name,
			email: r.email,
			status: r.status,
			// Issue 16: a waiting-list join whose mail link is not yet clicked.
			unconfirmedWait: r.status === 'waitlisted' && r.waitlistConfirmedAt === null,
			attendance: r.attendance,
			createdAt: r.createdAt
		})),
		can: {
			edit: eventActionAllowed(e.status, 'edit', facts),
			publish: eventActionAllowed(e.status, 'publish', facts),
			cancel: eventActionAllowed(e.status, 'cancel', facts),
			checkIn: eventActionAllowed(e.status, 'check_in', facts)
		},
		submarkets: submarkets.map((s) => ({ key: s.key, name: s.name })),
		topics: topics.map((s) => ({ key: s.key, name: s.name })),
		laender: [...LAND_ISOS],
		notice: event.url.searchParams.has('gespeichert')
			? 'saved'
			: event.url.searchParams.has('veroeffentlicht')
				? 'published'
				: event.url.searchParams.get('abgesagt')
	};
};

const back = (locale: Locale, key: string, id: number, query: string) =>
	localizePath(locale, `/intern/buero/${key}/veranstaltungen/${id}?${query}`);

export const actions: Actions = {
	save: async (event) => {
		const { office, eventStaff, detail } = await eventAccess(event);
		const { locale, requestId } = event.locals;
		const parsed = await parseForm(event.request, eventFormSchema, locale, {
			multi: ['submarkets', 'topics']
		});
		if (!parsed.ok) return withReferenceErrors(parsed, locale);
		const r = await updateEvent(services(), eventStaff, detail.event.id, parsed.data, { requestId });
		if (!r.ok) return staffRefusal(r, parsed.values, locale);
		redirect(303, back(locale, office.key, detail.event.id, 'gespeichert=1'));
	},
	publish: async (event) => {
		const { office, eventStaff, detail } = await eventAccess(event);
		const { locale, requestId } = event.locals;
		const r = await publishEvent(services(), eventStaff, detail.event.id, { requestId });
		if (!r.ok) return staffRefusal(r, {}, locale);
		redirect(303, back(locale, office.key, detail.event.id, 'veroeffentlicht=1'));
	},
	cancel: async (event) => {
		const { office, eventStaff, detail } = await eventAccess(event);
		const { locale, requestId } = event.locals;
		const parsed = await parseForm(event.request, cancelEventSchema, locale);
		if (!parsed.ok) return parsed.failure;
		const r = await cancelEvent(services(), eventStaff, detail.event.id, parsed.data.reason, { requestId });
		if (!r.ok) return staffRefusal(r, parsed.values, locale);
		redirect(303, back(locale, office.key, detail.event.id, `abgesagt=${r.told}`));
	}
};
