import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testServices } from '../../../../tests/support/test-database';
import { translate } from '../../i18n/messages';
import { importContactPointsCsv } from './csv-import';
import { getContactPointByKey, listContactPoints } from './queries';
import { seedDirectory } from './seed';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';
import { auditRowsOf } from '../../../../tests/support/audit-rows';

let s = servicesClosedAfterEach();

const admin = { kind: 'staff' as const, id: 1, label: 'admin@example.org' };
const HEADER = 'key,name,scope,land,kind,helps_with,topics,website,website_confirmed,cost,source_year';
// A copy of shared/data/contact_points.csv inside the repository: CI clones only this repository.
const shipped = () =>
	readFileSync(new URL('../../../../tests/fixtures/contact_points.csv', import.meta.url), 'utf8');

describe('importContactPointsCsv', () => {
	it('imports the shipped contact_points.csv into an empty directory, then updates by key', async () => {
		s = await testServices();
		const preview = await importContactPointsCsv(s, admin, shipped(), {}, { dryRun: true });
		expect(preview).toMatchObject({ ok: true, plan: { skipped: [] } });
		if (!preview.ok) throw new Error();
		expect(preview.plan.created).toHaveLength(29);
		expect(await listContactPoints(s.db)).toHaveLength(0); // the preview wrote nothing
		const r = await importContactPointsCsv(s, admin, shipped());
		expect(r.ok && [r.plan.created.length, r.plan.updated.length]).toEqual([29, 0]);
		const ksk = await getContactPointByKey(s.db, 'ksk');
		expect(ksk).toMatchObject({
			name: 'Künstlersozialkasse (KSK)',
			scope: 'bund',
			kind: 'versicherung',
			cost: 'free',
			website: 'https://kuenstlersozialkasse.de',
			topics: ['soziale_sicherung'],
			lastVerifiedBy: 'Quelle 2024'
		});
		expect((await getContactPointByKey(s.db, 'creative-nrw'))?.laender).toEqual(['DE-NW']);
		const again = await importContactPointsCsv(s, admin, shipped());
		expect(again.ok && [again.plan.created.length, again.plan.updated.length]).toEqual([0, 29]);
		const audit = await auditRowsOf(s.db, 'directory.imported');
		expect(audit.map((a) => JSON.parse(a.data))).toEqual([
			{ format: 'csv', created: 29, updated: 0, skipped: 0 },
			{ format: 'csv', created: 0, updated: 29, skipped: 0 }
		]);
	});

	it('skips bad rows with their line numbers and German reasons, imports the good ones, keeps what the file lacks', async () => {
		s = await testServices();
		await seedDirectory(s.db, s.clock.now());
		const before = (await getContactPointByKey(s.db, 'ksk'))!;
		await s.db
			.updateTable('cp_organization')
			.set({ phone: '030 1234' })
			.where('id', '=', before.id)
			.execute();
		const text = [
			HEADER,
			'ksk,KSK neu,bund,,versicherung,Neu beschrieben,soziale_sicherung,kuenstlersozialkasse.de,true,free,',
			'Bad Key,Name,bund,,beratung,x,,,,,',
			'neu-eins,"Neu, mit Komma",land,DE-XX,beratung,"mehr-',
			'zeilig",erfunden,kein web,,,19',
			'neu-zwei,,bund,DE-NW,wunder,x,,,,,',
			'neu-drei,Neu drei,land,DE-BY,netzwerk,Hilft,netzwerk_kooperation,https://example.org,true,Mitglieder frei,2025',
			'neu-drei,Doppelt,bund,,beratung,x,,,,,'
		].join('\n');
		const r = await importContactPointsCsv(s, admin, text);
		if (!r.ok) throw new Error(JSON.stringify(r));
		expect(r.plan.created).toEqual(['neu-drei']);
		expect(r.plan.updated).toEqual(['ksk']);
		const german = r.plan.skipped.map((x) => ({
			line: x.line,
			key: x.key,
			text: x.problems.map((p) => translate('de', p.message as never, p.params)).join('; ')
		}));
		expect(german).toEqual([
			{
				line: 3,
				key: 'Bad Key',
				text: 'ungültiger Schlüssel „Bad Key“ (nur Kleinbuchstaben, Ziffern und einzelne Bindestriche)'
			},
			{
				line: 4,
				key: 'neu-eins',
				text: 'unbekanntes Land „DE-XX“ (erwartet z. B. DE-NW); unbekannte Themen: erfunden; ungültige Website „kein web“; ungültiges Quelljahr „19“'
			},
			{
				line: 6,
				key: 'neu-zwei',
				text: 'Name fehlt; ein bundesweiter Eintrag nennt kein Land; unbekannte Art „wunder“'
			},
			{ line: 8, key: 'neu-drei', text: 'Schlüssel schon in Zeile 7 verwendet' }
		]);
		const ksk = (await getContactPointByKey(s.db, 'ksk'))!;
		expect(ksk).toMatchObject({ name: 'KSK neu', description: 'Neu beschrieben', phone: '030 1234' });
		expect(ksk.lastVerifiedAt).toBe(before.lastVerifiedAt); // no source year: verification kept
		expect(await getContactPointByKey(s.db, 'neu-drei')).toMatchObject({
			scope: 'land',
			laender: ['DE-BY'],
			cost: 'mixed',
			lastVerifiedBy: 'Quelle 2025'
		});
	});

	it('refuses a file without the expected columns', async () => {
		s = await testServices();
		const r = await importContactPointsCsv(s, admin, 'key,name\nx,y');
		expect(r).toEqual({
			ok: false,
			problems: [
				{
					message: 'directoryImport.error.columns',
					params: {
						columns: 'scope, land, kind, helps_with, topics, website, website_confirmed, cost, source_year'
					}
				}
			]
		});
		expect(await importContactPointsCsv(s, admin, '')).toEqual({
			ok: false,
			problems: [{ message: 'directoryImport.error.empty' }]
		});
	});

	it('refuses a file whose quote never closes, naming the line', async () => {
		s = await testServices();
		const r = await importContactPointsCsv(s, admin, `${HEADER}\n"neu,Name`);
		expect(r).toEqual({
			ok: false,
			problems: [{ message: 'directoryImport.error.csv', params: { line: '2' } }]
		});
	});
});
