import { describe, expect, it } from 'vitest';
import { testServices } from '../../../../tests/support/test-database';
import type { AuditActor } from '../audit/record';
import { createContactPoint, markVerified, updateContactPoint } from './commands';
import { exportHsds, importHsds } from './hsds';
import {
	type ContactPoint,
	getContactPointByKey,
	listContactPoints,
	listUnverified,
	searchContactPoints
} from './queries';
import { contactPointCreateSchema, contactPointSchema, normalizeWebsite } from './schema';
import { seedDirectory } from './seed';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';
import { contactPointFormValues } from '../../../routes/intern/anlaufstellen/values';
import { auditRowsOf } from '../../../../tests/support/audit-rows';

let s = servicesClosedAfterEach();

const lead: AuditActor = { kind: 'staff', id: 7, label: 'lead@example.org' };

async function seeded(now?: string) {
	s = await testServices(now ? { now } : {});
	await seedDirectory(s.db, s.clock.now());
	return s;
}

async function entry(key: string): Promise<ContactPoint> {
	const c = await getContactPointByKey(s!.db, key);
	if (!c) throw new Error(`no contact point ${key}`);
	return c;
}

async function audits(action: string) {
	return (await auditRowsOf(s!.db, action)).map((r) => ({ ...r, data: JSON.parse(r.data) }));
}

/** The entry as its edit form posts it (the page's own values), with the fields a test changes. */
function formOf(c: ContactPoint, overrides: Record<string, unknown> = {}) {
	return { ...contactPointFormValues(c), ...overrides };
}

describe('seedDirectory', () => {
	it('fills the directory from the CSV once', async () => {
		await seeded();
		const all = await listContactPoints(s!.db);
		expect(all).toHaveLength(29);
		expect(all.filter((c) => c.scope === 'bund')).toHaveLength(12);
		const ksk = await entry('ksk');
		expect(ksk).toMatchObject({
			name: 'Künstlersozialkasse (KSK)',
			kind: 'versicherung',
			cost: 'free',
			scope: 'bund',
			laender: [],
			topics: ['soziale_sicherung'],
			website: 'https://kuenstlersozialkasse.de',
			advocacy: false,
			active: true,
			lastVerifiedBy: 'Quelle 2024'
		});
		expect(new Date(ksk.lastVerifiedAt!).toISOString()).toBe('2023-12-31T23:00:00.000Z');
		expect(await entry('vnkk')).toMatchObject({
			scope: 'land',
			laender: ['DE-NI'],
			advocacy: true,
			cost: null
		});
		expect((await entry('servicestelle-kulturfoerderung-sh')).website).toBeNull();
		expect(await seedDirectory(s!.db, s!.clock.now())).toBe(0);
		expect(await listContactPoints(s!.db)).toHaveLength(29);
	});
});

describe('searchContactPoints', () => {
	const nationalCount = 12;
	it.each([
		['no filter', {}, 29, null],
		['Land NI: national plus Niedersachsen', { land: 'DE-NI' }, nationalCount + 1, ['vnkk']],
		[
			'Land RP: national plus both RP entries',
			{ land: 'DE-RP' },
			nationalCount + 2,
			['creative-startup-navigator', 'starterzentren-rlp']
		],
		['topic soziale_sicherung', { topic: 'soziale_sicherung' }, 2, ['ksk', 'mediafon']],
		['text, any case and umlauts', { q: 'KÜNSTLERSOZIAL' }, 1, ['ksk']],
		['text over the description', { q: 'accelerator' }, 1, ['dock11-saar']],
		['German text over the description', { q: 'Honorarkalkulation' }, 1, ['haus-der-selbststaendigen']],
		['two words must both occur', { q: 'Gründungsberatung kostenlos' }, null, ['ihk', 'starterzentren-rlp']],
		[
			'combined: Land SH, topic foerderung',
			{ land: 'DE-SH', topic: 'foerderung' },
			null,
			['servicestelle-kulturfoerderung-sh', 'foerderdatenbank', 'gruendungszuschuss']
		],
		['combined: Land BY, text "advice"', { land: 'DE-BY', q: 'bayern' }, 1, ['bayern-kreativ']],
		['submarket without terms matches all', { submarket: 'design' }, 29, null],
		['nothing', { q: 'gibt es nicht' }, 0, []]
	] as const)('%s', async (_label, filter, count, keys) => {
		await seeded();
		const found = await searchContactPoints(s!.db, filter);
		if (count !== null) expect(found).toHaveLength(count);
		if (keys) for (const k of keys) expect(found.map((c) => c.key)).toContain(k);
		if ('land' in filter && filter.land) {
			expect(found.every((c) => c.scope === 'bund' || c.laender.includes(filter.land))).toBe(true);
			// The Land's own entries come first.
			expect(found[0]!.scope).toBe('land');
		}
	});

	it('filters by sub-market once entries carry sub-market terms, and hides inactive entries', async () => {
		await seeded();
		const ksk = await entry('ksk');
		const input = contactPointSchema.parse(formOf(ksk, { submarkets: ['musik'] }));
		expect((await updateContactPoint(s!, lead, ksk.id, input)).ok).toBe(true);
		expect((await searchContactPoints(s!.db, { submarket: 'design' })).map((c) => c.key)).not.toContain(
			'ksk'
		);
		expect((await searchContactPoints(s!.db, { submarket: 'musik' })).map((c) => c.key)).toContain('ksk');
		const off = contactPointSchema.parse(formOf(ksk, { active: undefined }));
		await updateContactPoint(s!, lead, ksk.id, off);
		expect((await searchContactPoints(s!.db, {})).map((c) => c.key)).not.toContain('ksk');
	});
});

describe('updateContactPoint and markVerified', () => {
	it('saves every field, stamps last verified and writes the audit row', async () => {
		await seeded();
		const before = await entry('hwk');
		s!.clock.advance(60_000);
		const input = contactPointSchema.parse(
			formOf(before, {
				name: 'Handwerkskammer – Gründung',
				website: 'HTTPS://www.hwk.de/gruendung/',
				email: 'Info@HWK.de',
				phone: '+49 30 1234',
				cost: 'mixed',
				scope: 'land',
				laender: ['DE-NI', 'DE-HB'],
				topics: ['gruendung_formales'],
				submarkets: ['kunsthandwerk', 'design']
			})
		);
		const result = await updateContactPoint(s!, lead, before.id, input, { requestId: 'r1' });
		expect(result).toEqual({
			ok: true,
			value: {
				changed: ['name', 'cost', 'website', 'email', 'phone', 'scope', 'laender', 'topics', 'submarkets']
			}
		});
		const after = await entry('hwk');
		expect(after).toMatchObject({
			name: 'Handwerkskammer – Gründung',
			website: 'https://www.hwk.de/gruendung',
			email: 'info@hwk.de',
			phone: '+49 30 1234',
			cost: 'mixed',
			scope: 'land',
			laender: ['DE-HB', 'DE-NI'],
			topics: ['gruendung_formales'],
			submarkets: ['design', 'kunsthandwerk'],
			lastVerifiedAt: s!.clock.now().getTime(),
			lastVerifiedBy: 'lead@example.org'
		});
		const [row] = await audits('directory.updated');
		expect(row).toMatchObject({
			actor_label: 'lead@example.org',
			subject_id: String(before.id),
			request_id: 'r1'
		});
		expect(row!.data.key).toBe('hwk');
	});

	it('refuses unknown taxonomy terms and changes nothing', async () => {
		await seeded();
		const before = await entry('hwk');
		const input = contactPointSchema.parse(formOf(before, { name: 'X', topics: ['erfunden'] }));
		const result = await updateContactPoint(s!, lead, before.id, input);
		expect(result).toMatchObject({
			ok: false,
			problems: [{ field: 'topics', message: 'directory.error.termUnknown' }]
		});
		expect((await entry('hwk')).name).toBe(before.name);
		expect(await audits('directory.updated')).toEqual([]);
		expect(await updateContactPoint(s!, lead, 99999, input)).toMatchObject({ ok: false, notFound: true });
	});

	it('marks as verified with an audit row', async () => {
		await seeded();
		const c = await entry('afk');
		expect((await markVerified(s!, lead, c.id)).ok).toBe(true);
		expect(await entry('afk')).toMatchObject({
			lastVerifiedAt: s!.clock.now().getTime(),
			lastVerifiedBy: 'lead@example.org'
		});
		expect(await audits('directory.verified')).toHaveLength(1);
		expect(await markVerified(s!, lead, 99999)).toMatchObject({ ok: false, notFound: true });
	});

	it('creates an entry (verified at once) and refuses a taken key', async () => {
		await seeded();
		const input = contactPointCreateSchema.parse({
			key: 'kreativ-test',
			name: 'Kreativ Test',
			description: 'Hilft bei Tests',
			kind: 'beratung',
			cost: 'free',
			website: 'example.org',
			scope: 'bund',
			laender: [],
			topics: ['marketing'],
			submarkets: []
		});
		const made = await createContactPoint(s!, lead, input);
		expect(made.ok).toBe(true);
		expect(await entry('kreativ-test')).toMatchObject({
			scope: 'bund',
			topics: ['marketing'],
			lastVerifiedBy: 'lead@example.org'
		});
		expect(await audits('directory.created')).toHaveLength(1);
		expect(await createContactPoint(s!, lead, { ...input, key: 'ksk' })).toMatchObject({
			ok: false,
			problems: [{ field: 'key', message: 'directory.error.keyTaken' }]
		});
	});
});

describe('schema', () => {
	it.each([
		['kuenstlersozialkasse.de', 'https://kuenstlersozialkasse.de'],
		['http://Example.org/', 'https://example.org'],
		['https://example.org/a/b?x=1#y', 'https://example.org/a/b'],
		['javascript:alert(1)', null],
		['ftp://example.org', null],
		['nur text', null],
		['https://user:pw@example.org', null]
	])('normalizeWebsite(%s) = %s', (input, expected) => {
		expect(normalizeWebsite(input)).toBe(expected);
	});

	it('needs a Land for a Land-level entry', () => {
		const r = contactPointSchema.safeParse({
			name: 'A',
			description: 'B',
			kind: 'beratung',
			scope: 'land',
			laender: [],
			topics: [],
			submarkets: []
		});
		expect(r.success).toBe(false);
		expect(r.error!.issues[0]!.path).toEqual(['laender']);
	});
});

describe('listUnverified', () => {
	it.each([
		// Seeded entries count as verified on 1 January of their source year (Berlin).
		['2026-06-15T08:00:00Z', 28],
		['2026-12-31T22:59:59Z', 28],
		['2027-01-01T00:00:00Z', 29],
		['2025-12-31T23:00:00Z', 27]
	])('at %s: %i entries', async (now, count) => {
		await seeded(now);
		expect(await listUnverified(s!.db, s!.clock.now())).toHaveLength(count);
	});

	it('drops an entry once verified, and lists it again 12 months later', async () => {
		await seeded('2026-06-15T08:00:00Z');
		const c = await entry('ksk');
		await markVerified(s!, lead, c.id);
		expect((await listUnverified(s!.db, s!.clock.now())).map((x) => x.key)).not.toContain('ksk');
		s!.clock.advance(365 * 24 * 3600 * 1000 - 1000);
		expect((await listUnverified(s!.db, s!.clock.now())).map((x) => x.key)).not.toContain('ksk');
		s!.clock.advance(2 * 24 * 3600 * 1000);
		expect((await listUnverified(s!.db, s!.clock.now())).map((x) => x.key)).toContain('ksk');
	});
});

describe('HSDS export and import', () => {
	it('export → import into a fresh database → export gives the same JSON; import is idempotent', async () => {
		const first = await seeded();
		// Some variety beyond the seed: sub-markets, several Länder, contact data, inactive.
		const hwk = await entry('hwk');
		await updateContactPoint(
			first,
			lead,
			hwk.id,
			contactPointSchema.parse(
				formOf(hwk, {
					scope: 'land',
					laender: ['DE-NI', 'DE-HB'],
					submarkets: ['design'],
					phone: '+49 1',
					email: 'a@b.de',
					active: undefined
				})
			)
		);
		const exported = await exportHsds(first.db);
		expect(exported.total_items).toBe(29);
		const ksk = exported.contents.find(
			(x) => x.organization.organization_identifiers[0]!.identifier === 'ksk'
		)!;
		expect(ksk).toMatchObject({
			name: 'Künstlersozialkasse (KSK)',
			status: 'active',
			assured_date: '2024-01-01',
			service_areas: [{ extent: 'DE', name: 'Deutschland' }],
			organization: { website: 'https://kuenstlersozialkasse.de' }
		});
		expect(ksk.attributes.map((a) => `${a.taxonomy_term.taxonomy}:${a.taxonomy_term.code}`)).toEqual([
			'kreativlotse-kind:versicherung',
			'kreativlotse-cost:free',
			'kreativlotse-topic:soziale_sicherung'
		]);
		const json = JSON.parse(JSON.stringify(exported));
		await first.close();

		s = await testServices();
		expect(await importHsds(s, lead, json)).toEqual({ ok: true, created: 29, updated: 0 });
		expect(await exportHsds(s.db)).toEqual(json);
		expect(await importHsds(s, lead, json)).toEqual({ ok: true, created: 0, updated: 29 });
		expect(await exportHsds(s.db)).toEqual(json);
		expect(await listContactPoints(s.db)).toHaveLength(29);
		expect(await audits('directory.imported')).toHaveLength(2);
	});

	it('refuses unknown terms as a whole', async () => {
		await seeded();
		const json = JSON.parse(JSON.stringify(await exportHsds(s!.db)));
		json.contents[0].attributes.push({ taxonomy_term: { taxonomy: 'kreativlotse-topic', code: 'erfunden' } });
		json.contents[1].name = 'Geändert';
		const r = await importHsds(s!, lead, json);
		expect(r.ok).toBe(false);
		expect((await listContactPoints(s!.db)).map((c) => c.name)).not.toContain('Geändert');
		expect(await importHsds(s!, lead, { nope: true })).toMatchObject({ ok: false });
	});
});
