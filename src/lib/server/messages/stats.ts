import { berlinMonthRange } from '../../time/berlin';
import { HOUR } from '../../time/durations';
import { type OfficeScope, scopeIncludes } from '../access/scope';
import type { Db, Tx } from '../db/transaction';
import { isAnswerOverdue, median } from './rules';
import { messageSettings } from './settings';

/**
 * Issue 18, item 2: how long offices take to answer, for the statistics page. Per office and
 * never per person: no column names who answered. A creative's message counts as answered at
 * the first staff message after it (answered_at); the time is in hours. Offices below five
 * answered messages show no median when figures are suppressed (network view, decision 008).
 */
export interface AnswerTimeRow {
	officeId: number;
	officeName: string;
	answered: number;
	medianHours: number | null;
	overdueNow: number;
}

export async function answerTimesByOffice(
	db: Db | Tx,
	scope: OfficeScope,
	filter: { from: string; to: string; officeId: number | null },
	now: Date
): Promise<AnswerTimeRow[] | null> {
	if (filter.officeId !== null && !scopeIncludes(scope, filter.officeId)) return null;
	let offices = db.selectFrom('office').select(['id', 'name']).orderBy('name');
	if (filter.officeId !== null) offices = offices.where('id', '=', filter.officeId);
	else if (!scope.all)
		offices = offices.where('id', 'in', scope.officeIds.length > 0 ? [...scope.officeIds] : [-1]);
	const officeRows = await offices.execute();
	if (officeRows.length === 0) return [];
	const ids = officeRows.map((o) => Number(o.id));
	const start = berlinMonthRange(filter.from).from;
	const end = berlinMonthRange(filter.to).to;
	const [answered, waiting, settings] = await Promise.all([
		// The messages lead (CROSS JOIN keeps SQLite's join order; PostgreSQL plans it freely): the
		// cost follows the period's messages through their indexes, not the case files (issue 14).
		db
			.selectFrom('case_message as m')
			.crossJoin('case_file as c')
			.whereRef('c.id', '=', 'm.case_id')
			.select(['c.office_id', 'm.created_at', 'm.answered_at'])
			.where('m.author_kind', '=', 'creative')
			.where('m.answered_at', 'is not', null)
			.where('m.created_at', '>=', start)
			.where('m.created_at', '<', end)
			.where('c.office_id', 'in', ids)
			.execute(),
		db
			.selectFrom('case_message as m')
			.crossJoin('case_file as c')
			.whereRef('c.id', '=', 'm.case_id')
			.select(['c.office_id', 'm.created_at'])
			.where('m.author_kind', '=', 'creative')
			.where('m.answered_at', 'is', null)
			.where('c.status', '!=', 'closed')
			.where('c.office_id', 'in', ids)
			.execute(),
		messageSettings(db, ids)
	]);
	return officeRows.map((o) => {
		const id = Number(o.id);
		const hours = answered
			.filter((a) => Number(a.office_id) === id)
			.map((a) => (Number(a.answered_at) - Number(a.created_at)) / HOUR);
		const setting = settings.get(id)!;
		const m = median(hours);
		return {
			officeId: id,
			officeName: o.name,
			answered: hours.length,
			medianHours: m == null ? null : Math.round(m * 10) / 10,
			overdueNow: waiting.filter(
				(w) =>
					Number(w.office_id) === id &&
					isAnswerOverdue({ createdAt: Number(w.created_at), answeredAt: null }, setting, now)
			).length
		};
	});
}
