import { randomUUID } from 'node:crypto';
import { API_FORMATS } from '$lib/server/booking/api-schema';
import { slotValue } from '$lib/server/booking/calendar-schema';
import { listSlots, officeConsultants } from '$lib/server/booking/slots';
import { listLaender, listStages, listSubmarkets, listTopics } from '$lib/server/reference/queries';
import { services } from '$lib/server/runtime';
import { addDays, berlinDate, berlinInstant, isIsoDay } from '$lib/time/berlin';
import { calendarAccess } from '../access.server';
import { bookOnBehalfAction } from './book.server';
import type { Actions, PageServerLoad } from './$types';

type Format = (typeof API_FORMATS)[number];
const isFormat = (v: string): v is Format => (API_FORMATS as readonly string[]).includes(v);

/** Step 1 is a GET form (consultant, format, day); step 2 lists that day's free slots with the intake form. */
export const load: PageServerLoad = async (event) => {
	const { office } = await calendarAccess(event);
	const { db, clock } = services();
	const now = clock.now();
	const q = event.url.searchParams;
	const consultants = await officeConsultants(db, office.id);
	const wanted = Number(q.get('berater'));
	const consultantId = consultants.some((c) => c.id === wanted) ? wanted : null;
	const formatParam = q.get('format') ?? '';
	const format = isFormat(formatParam) ? formatParam : null;
	const day = isIsoDay(q.get('tag') ?? '') ? q.get('tag')! : addDays(berlinDate(now), 1);
	const { locale } = event.locals;
	const [slots, laender, submarkets, stages, topics] = await Promise.all([
		listSlots(
			db,
			{
				officeId: office.id,
				from: day,
				to: day,
				format: format ?? undefined,
				consultantId: consultantId ?? undefined
			},
			now
		),
		listLaender(db),
		listSubmarkets(db, locale, { activeOnly: true }),
		listStages(db, locale, { activeOnly: true }),
		listTopics(db, locale, { activeOnly: true })
	]);
	return {
		office: { key: office.key, name: office.name, laender: office.laender },
		consultants: consultants.map((c) => ({ id: Number(c.id), name: c.name })),
		consultantId,
		format,
		formats: API_FORMATS,
		day,
		dayNoon: berlinInstant(day, '12:00'),
		submission: randomUUID(),
		slots: slots.map((s) => ({
			value: slotValue(s),
			start: s.start,
			end: s.end,
			format: s.format,
			consultantName: s.consultantName
		})),
		laender: laender.map((l) => l.iso),
		submarkets: submarkets.map((e) => ({ key: e.key, name: e.name })),
		stages: stages.map((e) => ({ key: e.key, name: e.name })),
		topics: topics.map((e) => ({ key: e.key, name: e.name }))
	};
};

export const actions: Actions = { default: bookOnBehalfAction };
