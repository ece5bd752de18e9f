import { berlinDayStart } from '../../time/berlin';
import type { Db } from '../db/transaction';
import { transact } from '../db/transaction';
import { referenceData } from '../reference/index';
import { CONTACT_POINT_COSTS, type ContactPointCost, normalizeWebsite } from './schema';
import { replaceAreasAndTerms } from './commands';
import { germanDescriptions } from './seed-descriptions';

type Row = (typeof referenceData.contactPoints)[number];

/** The CSV's cost column: one of our values, empty, or prose ("members free; others fee") = mixed. */
function costOf(value: string): ContactPointCost | null {
	if (value === '') return null;
	return (CONTACT_POINT_COSTS as readonly string[]).includes(value) ? (value as ContactPointCost) : 'mixed';
}

/** Who "verified" a seeded entry: the year of the newest public source seen for it. */
export const seedVerifier = (year: string) => `Quelle ${year}`;

/**
 * Fills the directory from the shipped contact points once, when it is empty. After that the
 * entries belong to the staff: a restart never overwrites their edits. A seeded entry counts
 * as verified on 1 January (Berlin) of its source year.
 */
export async function seedDirectory(db: Db, now: Date): Promise<number> {
	const t = now.getTime();
	return transact(db, async (trx) => {
		const row = await trx
			.selectFrom('cp_organization')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		if (Number(row.n) > 0) return 0;
		for (const c of referenceData.contactPoints as readonly Row[]) {
			const year = /^\d{4}$/.test(c.source_year) ? c.source_year : null;
			const { id } = await trx
				.insertInto('cp_organization')
				.values({
					key: c.key,
					name: c.name,
					description: '',
					website: c.website ? normalizeWebsite(c.website) : null,
					email: null,
					phone: null,
					is_advocacy: c.kind === 'verband' ? 1 : 0,
					last_verified_at: year ? berlinDayStart(`${year}-01-01`) : null,
					last_verified_by: year ? seedVerifier(year) : null,
					created_at: t,
					updated_at: t
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			const service = await trx
				.insertInto('cp_service')
				.values({
					organization_id: Number(id),
					name: c.name,
					description: germanDescriptions[c.key] ?? c.helps_with,
					kind: c.kind as 'beratung',
					cost: costOf(c.cost),
					url: null,
					active: 1
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			await replaceAreasAndTerms(trx, Number(service.id), {
				scope: c.scope === 'land' ? 'land' : 'bund',
				laender: c.land ? [c.land] : [],
				topics: c.topics.split(' ').filter(Boolean),
				submarkets: []
			});
		}
		return referenceData.contactPoints.length;
	});
}
