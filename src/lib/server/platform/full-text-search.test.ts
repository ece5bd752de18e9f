import { describe, expect, it } from 'vitest';
import { testServices } from '../../../../tests/support/test-database';
import type { Db } from '../db/transaction';
import { insertPublishedProfiles } from '../visibility/bulk-profiles';
import { fts5Query, matchingIds, type SearchIndex, searchWords } from './full-text-search';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';
import { publishedEventRow } from '../../../../tests/support/event-fixtures';

let s = servicesClosedAfterEach();

async function ids(db: Db, index: SearchIndex, text: string): Promise<number[]> {
	const table = { profile: 'profile', event: 'event', contact_point: 'cp_organization' }[index] as 'profile';
	const matching = matchingIds(db, index, text);
	if (!matching) return [];
	const rows = await db.selectFrom(table).select('id').where('id', 'in', matching).orderBy('id').execute();
	return rows.map((r) => Number(r.id));
}

describe('search words (pure)', () => {
	it.each([
		['Design', ['design']],
		['  Müller   & Söhne ', ['müller', 'söhne']],
		['"desi* OR NOT near(', ['desi', 'or', 'not', 'near']],
		['***', []],
		['', []],
		['a b c d e f g h i j', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']]
	])('%j → %j', (text, words) => {
		expect(searchWords(text)).toEqual(words);
	});

	it('quotes every word for FTS5 (none is an operator) and matches it as a prefix', () => {
		expect(fts5Query(['or', 'desi'])).toBe('"or"* "desi"*');
	});
});

describe('full-text search (on the database under test)', () => {
	it('finds profiles by whole words, prefixes as people type, and umlauts spelled any way', async () => {
		s = await testServices();
		const t = s.clock.now().getTime();
		const [mueller, design, cafe] = await insertPublishedProfiles(
			s.db,
			[
				{ name: 'Jana Müller', town: 'Köln', bio: 'Fotografie für Bühnen' },
				{ name: 'Studio Nord', services: ['Corporate Design', 'Illustration'] },
				{ name: 'Café Émile', bio: 'Kaffee und Kunst' }
			],
			t
		);
		for (const q of ['müller', 'Müller', 'mueller', 'muller', 'MÜLLER', 'mül', 'jana mül', 'koeln', 'köln'])
			expect(await ids(s.db, 'profile', q), q).toEqual([mueller]);
		for (const q of ['desi', 'Design', 'corporate des', 'illu'])
			expect(await ids(s.db, 'profile', q), q).toEqual([design]);
		for (const q of ['cafe', 'café', 'emile', 'Émi'])
			expect(await ids(s.db, 'profile', q), q).toEqual([cafe]);
		// German stems: "Bühne" finds "Bühnen".
		expect(await ids(s.db, 'profile', 'Bühne fotografie')).toEqual([mueller]);
		expect(await ids(s.db, 'profile', 'design müller')).toEqual([]);
		// FTS syntax typed by someone is just text, never an error.
		for (const q of [
			'"',
			'desi*',
			'NOT design',
			'design OR',
			'near(a b)',
			"'; drop table profile; --",
			':*',
			'!&|'
		])
			await expect(ids(s.db, 'profile', q), q).resolves.toBeInstanceOf(Array);
		expect(matchingIds(s.db, 'profile', '  ?! ')).toBeNull();
	});

	it('follows the rows it indexes: edits, unpublishing and hiding (triggers)', async () => {
		s = await testServices();
		const t = s.clock.now().getTime();
		const [id] = await insertPublishedProfiles(s.db, [{ name: 'Atelier Weiß' }], t);
		expect(await ids(s.db, 'profile', 'weiss')).toEqual([id]);
		await s.db
			.updateTable('profile')
			.set({ display_name: 'Atelier Schwarz' })
			.where('id', '=', id!)
			.execute();
		expect(await ids(s.db, 'profile', 'weiß')).toEqual([]);
		expect(await ids(s.db, 'profile', 'schwarz')).toEqual([id]);
		await s.db.updateTable('profile').set({ status: 'pending' }).where('id', '=', id!).execute();
		expect(await ids(s.db, 'profile', 'schwarz')).toEqual([]);
		await s.db.updateTable('profile').set({ status: 'published' }).where('id', '=', id!).execute();
		expect(await ids(s.db, 'profile', 'schwarz')).toEqual([id]);
		await s.db.updateTable('profile').set({ hidden_at: t }).where('id', '=', id!).execute();
		expect(await ids(s.db, 'profile', 'schwarz')).toEqual([]);
	});

	it('indexes events by their public text and contact points with their services', async () => {
		s = await testServices();
		const t = s.clock.now().getTime();
		const event = await s.db
			.insertInto('event')
			.values(
				publishedEventRow(t, {
					office_id: null,
					type: 'workshop',
					title: 'Förderung für Gründerinnen',
					description: 'Wie man Zuschüsse beantragt',
					format: 'online',
					online_url: 'https://geheim.example.org/raum',
					start_at: t,
					end_at: t + 3_600_000,
					contact_name: 'Eva',
					contact_email: 'eva@example.org'
				})
			)
			.returning('id')
			.executeTakeFirstOrThrow();
		for (const q of ['foerderung', 'gründerin', 'zuschuss', 'Förd'])
			expect(await ids(s.db, 'event', q), q).toEqual([Number(event.id)]);
		for (const q of ['geheim', 'eva']) expect(await ids(s.db, 'event', q), q).toEqual([]);

		const org = await s.db
			.insertInto('cp_organization')
			.values({ key: 'ksk-test', name: 'Künstlersozialkasse Test', created_at: t, updated_at: t })
			.returning('id')
			.executeTakeFirstOrThrow();
		expect(await ids(s.db, 'contact_point', 'kuenstlersozial')).toEqual([Number(org.id)]);
		const service = await s.db
			.insertInto('cp_service')
			.values({
				organization_id: org.id,
				name: 'Rentenversicherung',
				description: 'für Selbstständige',
				kind: 'versicherung'
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		expect(await ids(s.db, 'contact_point', 'rentenvers')).toEqual([Number(org.id)]);
		await s.db.deleteFrom('cp_service').where('id', '=', service.id).execute();
		expect(await ids(s.db, 'contact_point', 'rentenvers')).toEqual([]);
	});
});
