import { sql } from 'kysely';
import type { Db, Tx } from '../db/transaction';
import { num } from '../db/count-value';
import type { Figures, PartFilter } from './queries';

/**
 * Events that took place (or were published) in the period and their registrations.
 *
 * The confirmed registrations are counted per event, each count a range seek on
 * (event_id, status, attendance): grouping the period's registrations by attendance sorted them
 * all in a temporary B-tree, 40k rows for the national network year (issue 14).
 */
export async function eventFigures(db: Db | Tx, q: PartFilter): Promise<Figures['events']> {
	let evQ = db
		.selectFrom('event as e')
		.where('e.start_at', '>=', q.start)
		.where('e.start_at', '<', q.end)
		.where('e.status', 'in', ['published', 'finished']);
	if (q.officeIds) evQ = evQ.where('e.office_id', 'in', q.officeIds);
	if (q.land) evQ = evQ.where('e.venue_land', '=', q.land);
	let deregQ = db
		.selectFrom('event_registration as r')
		.innerJoin('event as e', 'e.id', 'r.event_id')
		.where('r.status', '=', 'cancelled')
		.where('r.cancelled_by', '=', 'self')
		.where('r.cancelled_at', '>=', q.start)
		.where('r.cancelled_at', '<', q.end);
	if (q.officeIds) deregQ = deregQ.where('e.office_id', 'in', q.officeIds);
	if (q.land) deregQ = deregQ.where('e.venue_land', '=', q.land);
	const [counts, deregRows] = await Promise.all([
		evQ
			.select((eb) => {
				const confirmed = () =>
					eb
						.selectFrom('event_registration as r')
						.select(sql<number>`count(*)`.as('n'))
						.whereRef('r.event_id', '=', 'e.id')
						.where('r.status', '=', 'confirmed');
				// Attendance is 'attended', 'no_show' or not marked: three seeks cover every confirmed one once.
				return [
					sql<number>`count(*)`.as('events'),
					eb.fn.sum(confirmed().where('r.attendance', '=', 'attended')).as('attended'),
					eb.fn.sum(confirmed().where('r.attendance', '=', 'no_show')).as('no_show'),
					eb.fn.sum(confirmed().where('r.attendance', 'is', null)).as('unmarked')
				];
			})
			.executeTakeFirst(),
		deregQ
			.select([sql<string>`coalesce(r.cancel_reason_key, '')`.as('reason'), sql<number>`count(*)`.as('n')])
			.groupBy(sql`coalesce(r.cancel_reason_key, '')`)
			.execute()
	]);
	const attended = num(counts?.attended);
	const noShow = num(counts?.no_show);
	return {
		events: num(counts?.events),
		registrations: attended + noShow + num(counts?.unmarked),
		attended,
		noShow,
		noShowRate: attended + noShow > 0 ? noShow / (attended + noShow) : null,
		cancelReasons: deregRows.map((r) => ({ key: r.reason, n: num(r.n) }))
	};
}
