import { error } from '@sveltejs/kit';
import type { StatTableData } from '$lib/components/stats/types';
import type { Locale } from '$lib/i18n/locale';
import { translate } from '$lib/i18n/messages';
import { answerTimesByOffice } from '$lib/server/messages/stats';
import { services } from '$lib/server/runtime';
import { isSmall, SUPPRESSED } from '$lib/server/statistics/suppression-rules';
import type { statsAccess } from './access.server';

/**
 * Issue 18, item 2: the answer-time table of the statistics page — one row per office, never
 * per person. Outside one's own office (network view) counts below five show "< 5" and no median.
 */
export async function answerTimeTable(
	view: Awaited<ReturnType<typeof statsAccess>>,
	locale: Locale
): Promise<StatTableData> {
	const { db, clock } = services();
	const rows = await answerTimesByOffice(
		db,
		view.scope,
		{ from: view.period.from, to: view.period.to, officeId: view.office?.id ?? null },
		clock.now()
	);
	if (!rows) error(404, { message: 'not found' });
	const small = (n: number) => !view.exact && n > 0 && isSmall(n);
	return {
		id: 'antwortzeit',
		title: translate(locale, 'messages.stats.caption'),
		rowHeader: translate(locale, 'messages.stats.office'),
		columns: [
			translate(locale, 'messages.stats.median'),
			translate(locale, 'messages.stats.answered'),
			translate(locale, 'messages.stats.overdue')
		],
		rows: rows.map((r) => ({
			key: String(r.officeId),
			label: r.officeName,
			cells: [
				small(r.answered) ? null : r.medianHours,
				small(r.answered) ? SUPPRESSED : r.answered,
				small(r.overdueNow) ? SUPPRESSED : r.overdueNow
			]
		})),
		kind: 'figures',
		rowTotal: false
	};
}
