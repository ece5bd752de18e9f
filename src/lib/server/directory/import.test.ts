import { describe, expect, it } from 'vitest';
import { testServices } from '../../../../tests/support/test-database';
import { CSV_COLUMNS } from './csv-import';
import { exportHsds } from './hsds';
import { importContactPoints } from './import';
import { listContactPoints } from './queries';
import { seedDirectory } from './seed';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

/**
 * Issue 17: the admin's import page sends one text; which format it is (HSDS JSON or the CSV of
 * contact_points.csv) and what the summary shows are decided here. The formats' own imports have
 * their tests (directory.test.ts, csv-import.test.ts).
 */
let s = servicesClosedAfterEach();

const admin = { kind: 'staff' as const, id: 1, label: 'admin@example.org' };
const HEADER = CSV_COLUMNS.join(',');
const CSV = `${HEADER}\nksk-test,KSK Test,bund,,versicherung,,,https://example.org,ja,free,2024\n,ohne Schlüssel,bund,,versicherung,,,,,free,2024\n`;

describe('importContactPoints', () => {
	it.each([
		['   \n', 'directoryImport.error.file'],
		['\uFEFF{ "contents": [', 'directoryImport.error.json'],
		['name,key\nA,a\n', 'directoryImport.error.columns']
	])('refuses a text it cannot read (%j) with a catalogue key', async (text, message) => {
		s = await testServices();
		const r = await importContactPoints(s, admin, text, {}, { dryRun: true });
		expect(r.ok ? [] : r.problems.map((p) => p.message)).toEqual([message]);
	});

	it('reads a CSV: the preview names keys and skipped lines without writing, the import writes', async () => {
		s = await testServices();
		const preview = await importContactPoints(s, admin, CSV, {}, { dryRun: true });
		expect(preview).toMatchObject({
			ok: true,
			summary: { format: 'csv', done: false, created: 1, updated: 0, createdKeys: ['ksk-test'], refused: [] }
		});
		expect(preview.ok && preview.summary.skipped.map((k) => k.line)).toEqual([3]);
		expect(await listContactPoints(s.db)).toHaveLength(0);
		const done = await importContactPoints(s, admin, CSV, {}, { dryRun: false });
		expect(done).toMatchObject({ ok: true, summary: { format: 'csv', done: true, created: 1 } });
		expect(await listContactPoints(s.db)).toHaveLength(1);
	});

	it('reads JSON (after a byte order mark) as HSDS: counts only, and lists why it refused', async () => {
		s = await testServices();
		await seedDirectory(s.db, s.clock.now());
		const json = `\uFEFF  ${JSON.stringify(await exportHsds(s.db))}`;
		expect(await importContactPoints(s, admin, json, {}, { dryRun: true })).toEqual({
			ok: true,
			summary: {
				format: 'hsds',
				done: false,
				created: 0,
				updated: 29,
				createdKeys: [],
				updatedKeys: [],
				skipped: [],
				refused: []
			}
		});
		expect(await importContactPoints(s, admin, json, {}, { dryRun: false })).toMatchObject({
			summary: { done: true, updated: 29 }
		});
		const refused = await importContactPoints(s, admin, '[{"id": 7}]', {}, { dryRun: false });
		expect(refused).toMatchObject({ ok: true, summary: { format: 'hsds', done: false, created: 0 } });
		expect(refused.ok && refused.summary.refused.length).toBeGreaterThan(0);
	});
});
