import { tablesXlsx } from '$lib/server/statistics/export';
import { statsAccess, statsTables } from '../access.server';
import type { RequestHandler } from './$types';

/** Every table of the dashboard as one Excel file, a sheet per table; always suppressed. */
export const GET: RequestHandler = async (event) => {
	const view = await statsAccess(event);
	const tables = await statsTables(view, event.locals.locale, 'export');
	const body = await tablesXlsx(tables, event.locals.locale);
	const name = `statistik-${view.office?.key ?? 'netzwerk'}-${view.period.from}-${view.period.to}.xlsx`;
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="${name}"`,
			'cache-control': 'no-store'
		}
	});
};
