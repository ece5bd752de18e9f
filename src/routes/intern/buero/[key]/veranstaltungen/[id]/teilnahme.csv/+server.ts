import { translate, type MessageKey } from '$lib/i18n/messages';
import { formatDateTime } from '$lib/format/datetime';
import { attendanceCsv } from '$lib/server/events/queries';
import { listEntries } from '$lib/server/reference/queries';
import { services } from '$lib/server/runtime';
import { eventAccess } from '../../access.server';
import type { RequestHandler } from './$types';

/** The attendance list as CSV (personal data: behind the same gate as the pages, never cached). */
export const GET: RequestHandler = async (event) => {
	const { detail } = await eventAccess(event);
	const locale = event.locals.locale;
	const tr = (key: MessageKey) => translate(locale, key);
	const submarkets = new Map(
		(await listEntries(services().db, 'submarket', locale)).map((s) => [s.key, s.name])
	);
	const csv = attendanceCsv(detail, {
		header: [
			tr('events.csv.name'),
			tr('events.csv.email'),
			tr('events.csv.submarket'),
			tr('events.csv.status'),
			tr('events.csv.attendance'),
			tr('events.csv.registeredAt'),
			tr('events.csv.confirmedAt'),
			...detail.event.questions
		],
		status: (s) => tr(`events.reg.${s}` as MessageKey),
		attendance: (a) => (a ? tr(`events.attendance.${a}` as MessageKey) : ''),
		submarket: (k) => (k ? (submarkets.get(k) ?? k) : ''),
		time: (t) => (t === null ? '' : formatDateTime(t, locale))
	});
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="teilnahme-${detail.event.id}.csv"`,
			'cache-control': 'no-store'
		}
	});
};
