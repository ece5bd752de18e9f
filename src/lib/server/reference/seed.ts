import type { Db } from '../db/transaction';
import { transact } from '../db/transaction';
import { loadShippedPostcodes } from './postcode-table';
import { addDefaultSensitiveKeywords } from './sensitive-keyword-defaults';
import { referenceData } from './seed-data';

export interface SeedSummary {
	laender: number;
	offices: number;
	submarkets: number;
	topics: number;
	stages: number;
	postcodes: number;
}

async function isEmpty(db: Db, table: 'land' | 'office' | 'submarket' | 'topic' | 'stage' | 'postcode') {
	const row = await db
		.selectFrom(table)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n) === 0;
}

/**
 * Fills each reference table from the shipped data once, when it is empty (the postcode table:
 * once per shipped version, see postcode-table.ts). After that the
 * tables belong to the network admins: a restart never overwrites their edits.
 */
export async function seedReferenceData(db: Db, now: Date): Promise<SeedSummary> {
	const summary: SeedSummary = { laender: 0, offices: 0, submarkets: 0, topics: 0, stages: 0, postcodes: 0 };
	const t = now.getTime();
	await transact(db, async (trx) => {
		const tx = trx as unknown as Db;
		if (await isEmpty(tx, 'land')) {
			await trx
				.insertInto('land')
				.values(referenceData.laender.map((l) => ({ ...l })))
				.execute();
			summary.laender = referenceData.laender.length;
		}
		if (await isEmpty(tx, 'office')) {
			for (const o of referenceData.offices) {
				const { id } = await trx
					.insertInto('office')
					.values({
						key: o.key,
						name: o.name,
						seat: o.seat,
						seat_confirmed: o.seat_confirmed === 'true' ? 1 : 0,
						city: o.seat,
						active: 1,
						created_at: t,
						updated_at: t
					})
					.returning('id')
					.executeTakeFirstOrThrow();
				await trx
					.insertInto('office_land')
					.values(o.laender.split(' ').map((iso) => ({ office_id: id, land_iso: iso })))
					.execute();
				await addDefaultSensitiveKeywords(trx, Number(id), t);
			}
			summary.offices = referenceData.offices.length;
		}
		if (await isEmpty(tx, 'submarket')) {
			await trx
				.insertInto('submarket')
				.values(
					referenceData.submarkets.map((s, i) => ({
						key: s.key,
						name_de: s.name_de,
						name_en: s.name_en,
						grp: s.group,
						optional: s.optional === 'true' ? 1 : 0,
						// The optional 12th entry (Kunsthandwerk, counted in Sachsen) starts switched off.
						active: s.optional === 'true' ? 0 : 1,
						sort: i
					}))
				)
				.execute();
			summary.submarkets = referenceData.submarkets.length;
		}
		for (const [table, rows] of [
			['topic', referenceData.topics],
			['stage', referenceData.stages]
		] as const) {
			if (await isEmpty(tx, table)) {
				await trx
					.insertInto(table)
					.values(
						rows.map((r, i) => ({ key: r.key, name_de: r.name_de, name_en: r.name_en, active: 1, sort: i }))
					)
					.execute();
				summary[table === 'topic' ? 'topics' : 'stages'] = rows.length;
			}
		}
	});
	// Every German postcode (OpenStreetMap, ODbL), after the Länder it refers to; skipped when loaded.
	summary.postcodes = (await loadShippedPostcodes(db, now)).inserted;
	return summary;
}
