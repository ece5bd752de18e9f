import { answerTimeTable } from './answer-times.server';
import { statsAccess, statsTables } from './access.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const view = await statsAccess(event);
	const { scope: _scope, viewerOfficeIds: _viewer, ...shown } = view;
	return {
		view: shown,
		tables: await statsTables(view, event.locals.locale, 'page'),
		answerTimes: await answerTimeTable(view, event.locals.locale)
	};
};
