import type { Kysely, SelectQueryBuilder } from 'kysely';
import { berlinMonthRange } from '../../time/berlin';
import type { DB } from '../db/schema';
import { matchingIds } from '../platform/full-text-search';
import type { ListFilter } from './rules';

/**
 * The public list's filters as SQL (issue 14), the same decisions as rules.ts `matchesFilter`
 * (which stays the readable statement of them): no list reads more events than it shows. The
 * text search `q` goes through the one full-text interface.
 */
export interface PublicListFilter extends ListFilter {
	q?: string | null;
}

type EventSelect<O> = SelectQueryBuilder<DB & { e: DB['event'] }, 'e' | any, O>;

export function wherePublicFilter<O>(db: Kysely<DB>, q: EventSelect<O>, f: PublicListFilter): EventSelect<O> {
	let out = q;
	const officeId = f.officeId;
	if (officeId != null)
		out = out.where((eb) => eb.or([eb('e.office_id', '=', officeId), eb('e.office_id', 'is', null)]));
	const land = f.land;
	if (land)
		out = out.where((eb) =>
			eb.or([
				eb('e.office_id', 'is', null),
				eb('e.venue_land', '=', land),
				eb(
					'e.office_id',
					'in',
					eb
						.selectFrom('office_land')
						.select('office_land.office_id')
						.where('office_land.land_iso', '=', land)
				)
			])
		);
	if (f.type) out = out.where('e.type', '=', f.type);
	const submarket = f.submarket;
	if (submarket) {
		// Sub-markets are a JSON array of keys; an event without any is meant for all of them.
		const pattern = `%"${submarket.replace(/["\\%_]/g, '')}"%`;
		out = out.where((eb) => eb.or([eb('e.submarkets', '=', '[]'), eb('e.submarkets', 'like', pattern)]));
	}
	if (f.month) {
		const range = berlinMonthRange(f.month);
		out = out.where('e.start_at', '>=', range.from).where('e.start_at', '<', range.to);
	}
	if (f.onlineOnly) out = out.where('e.format', '<>', 'onsite');
	const matching = matchingIds(db, 'event', f.q);
	if (matching) out = out.where('e.id', 'in', matching);
	return out;
}
