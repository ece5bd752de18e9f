import { error } from '@sveltejs/kit';
import { parseSeparator, tableCsv } from '$lib/server/statistics/export';
import { isTableId } from '$lib/server/statistics/tables';
import { statsAccess, statsTables } from '../access.server';
import type { RequestHandler } from './$types';

/** One table of the dashboard as CSV; always suppressed (only aggregates leave the dashboard). */
export const GET: RequestHandler = async (event) => {
	const view = await statsAccess(event);
	const id = event.url.searchParams.get('table') ?? '';
	if (!isTableId(id)) error(404, { message: 'not found' });
	const table = (await statsTables(view, event.locals.locale, 'export')).find((t) => t.id === id);
	if (!table) error(404, { message: 'not found' });
	const sep = parseSeparator(event.url.searchParams.get('sep'));
	const name = `statistik-${id}-${view.office?.key ?? 'netzwerk'}-${view.period.from}-${view.period.to}.csv`;
	return new Response(tableCsv(table, sep), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${name}"`,
			'cache-control': 'no-store'
		}
	});
};
