import { yearPeriod } from '$lib/server/statistics/period-rules';
import { services } from '$lib/server/runtime';
import { berlinDate } from '$lib/time/berlin';
import { statsAccess, statsTables } from '../access.server';
import type { PageServerLoad } from './$types';

/** The annual report: the standard breakdowns of one year, suppressed (it goes to the funder). */
export const load: PageServerLoad = async (event) => {
	const today = berlinDate(services().clock.now().getTime());
	const raw = event.url.searchParams.get('jahr') ?? '';
	const year =
		/^\d{4}$/.test(raw) && Number(raw) >= 2000 && Number(raw) <= 2100
			? Number(raw)
			: Number(today.slice(0, 4)) - 1;
	const view = await statsAccess(event, yearPeriod(year));
	const { scope: _scope, viewerOfficeIds: _viewer, ...shown } = view;
	return { year, today, view: shown, tables: await statsTables(view, event.locals.locale, 'annual_report') };
};
