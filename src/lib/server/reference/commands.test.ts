import { describe, expect, it } from 'vitest';
import { type TestServices, testServices } from '../../../../tests/support/test-database';
import type { AuditActor } from '../audit/record';
import {
	createEntry,
	createOffice,
	staffAuditActor,
	updateEntry,
	updateOffice,
	updateOfficeContact
} from './commands';
import { getEntry, getOfficeByKey, listOffices, type Office } from './queries';
import {
	entryCreateSchema,
	entrySchema,
	isoDateOf,
	type OfficeInput,
	officeContactSchema,
	officeCreateSchema,
	officeSchema
} from './schema';
import { rawOfficeForm } from '../../../../tests/support/office-form-fixtures';
import { closeServicesAfterEach } from '../../../../tests/support/services-per-test';

let s: TestServices;
closeServicesAfterEach();

const admin: AuditActor = staffAuditActor({ id: 1, email: 'admin@example.org' });
const ctx = () => ({ requestId: 'req-1' });

function inputOf(o: Office, overrides: Partial<OfficeInput> = {}): OfficeInput {
	return {
		name: o.name,
		seat: o.seat,
		seatConfirmed: o.seatConfirmed,
		phone: o.phone,
		email: o.email || null,
		street: o.street || null,
		postcode: o.postcode || null,
		city: o.city || null,
		openingHours: o.openingHours || null,
		active: o.active,
		validFrom: o.validFrom,
		validTo: o.validTo,
		laender: o.laender,
		...overrides
	};
}

async function office(key: string): Promise<Office> {
	const o = await getOfficeByKey(s.db, key);
	if (!o) throw new Error(`no office ${key}`);
	return o;
}

async function audits(action?: string) {
	let q = s.db.selectFrom('audit_event').selectAll().orderBy('id');
	if (action) q = q.where('action', '=', action);
	return (await q.execute()).map((r) => ({ ...r, data: JSON.parse(r.data) }));
}

describe('updateOffice', () => {
	it('saves every field, the Länder set, and writes one audit row in the same transaction', async () => {
		s = await testServices();
		const before = await office('ni-hb');
		const parsed = officeSchema.parse({
			name: 'Regionalbüro Niedersachsen',
			seat: 'Hannover',
			seatConfirmed: 'on',
			phone: '+49 511 123 45',
			email: 'Info@Example.org ',
			street: 'Lister Meile 41',
			postcode: '30161',
			city: 'Hannover',
			openingHours: 'Mo–Fr 9–15 Uhr',
			active: 'on',
			validFrom: '2026-01-01',
			validTo: '',
			laender: ['DE-NI']
		});
		const result = await updateOffice(s, admin, before.id, parsed, ctx());
		expect(result).toEqual({
			ok: true,
			value: {
				changed: ['name', 'phone', 'email', 'street', 'postcode', 'openingHours', 'validFrom', 'laender']
			}
		});
		const after = await office('ni-hb');
		expect(after).toMatchObject({
			name: 'Regionalbüro Niedersachsen',
			email: 'info@example.org',
			phone: '+49 511 123 45',
			validFrom: '2026-01-01',
			validTo: null,
			active: true,
			laender: ['DE-NI'],
			updatedAt: s.clock.now().getTime()
		});
		const rows = await audits('office.updated');
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			actor_kind: 'staff',
			actor_id: 1,
			actor_label: 'admin@example.org',
			subject_kind: 'office',
			subject_id: String(before.id),
			office_id: before.id,
			request_id: 'req-1',
			at: s.clock.now().getTime()
		});
		expect(rows[0]!.data).toMatchObject({ laender: ['DE-NI'], active: true });
	});

	it('lets a freed Land move to another office', async () => {
		s = await testServices();
		const ni = await office('ni-hb');
		const hh = await office('hh-mv-sh');
		expect((await updateOffice(s, admin, ni.id, inputOf(ni, { laender: ['DE-NI'] }), ctx())).ok).toBe(true);
		const moved = await updateOffice(
			s,
			admin,
			hh.id,
			inputOf(hh, { laender: [...hh.laender, 'DE-HB'] }),
			ctx()
		);
		expect(moved.ok).toBe(true);
		expect((await office('hh-mv-sh')).laender).toEqual(['DE-HB', 'DE-HH', 'DE-MV', 'DE-SH']);
	});

	it('refuses a Land that another active office covers, names it, and changes nothing', async () => {
		s = await testServices();
		const hh = await office('hh-mv-sh');
		const result = await updateOffice(
			s,
			admin,
			hh.id,
			inputOf(hh, { laender: [...hh.laender, 'DE-NI'], phone: '+49 40 999' }),
			ctx()
		);
		expect(result).toEqual({
			ok: false,
			notFound: false,
			problems: [
				{
					field: 'laender',
					message: 'reference.error.landTaken',
					params: { land: 'DE-NI', office: 'Regionalbüro Niedersachsen und Bremen' }
				}
			]
		});
		expect(await office('hh-mv-sh')).toEqual(hh);
		expect(await audits('office.updated')).toHaveLength(0);
	});

	it('allows the overlap when one office is inactive or their periods do not overlap', async () => {
		s = await testServices();
		const be = await office('be-bb');
		const nw = await office('nw');
		// Berlin office hands Brandenburg over at the end of 2026 ...
		expect((await updateOffice(s, admin, be.id, inputOf(be, { validTo: '2026-12-31' }), ctx())).ok).toBe(
			true
		);
		// ... to NRW from 2027 (a made-up handover): allowed.
		const later = await updateOffice(
			s,
			admin,
			nw.id,
			inputOf(nw, { laender: ['DE-BB', 'DE-NW'], validFrom: '2027-01-01' }),
			ctx()
		);
		expect(later.ok).toBe(true);
		// An inactive office may keep a Land that an active one covers.
		const by = await office('by');
		const off = await updateOffice(
			s,
			admin,
			by.id,
			inputOf(by, { active: false, laender: ['DE-BY', 'DE-BW'] }),
			ctx()
		);
		expect(off.ok).toBe(true);
		// Switching it back on while BW still has its office is refused.
		const on = await updateOffice(s, admin, by.id, inputOf(await office('by'), { active: true }), ctx());
		expect(on.ok).toBe(false);
	});

	it('gives a freed Land to only one of two offices saving at the same moment', async () => {
		s = await testServices();
		const ni = await office('ni-hb');
		await updateOffice(s, admin, ni.id, inputOf(ni, { laender: ['DE-NI'] }), ctx());
		const hh = await office('hh-mv-sh');
		const be = await office('be-bb');
		const results = await Promise.all([
			updateOffice(s, admin, hh.id, inputOf(hh, { laender: [...hh.laender, 'DE-HB'] }), ctx()),
			updateOffice(s, admin, be.id, inputOf(be, { laender: [...be.laender, 'DE-HB'] }), ctx())
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		const holders = (await listOffices(s.db)).filter((o) => o.laender.includes('DE-HB'));
		expect(holders).toHaveLength(1);
	});

	it('writes no audit row when nothing changed, and answers notFound for an unknown id', async () => {
		s = await testServices();
		const nw = await office('nw');
		expect(await updateOffice(s, admin, nw.id, inputOf(nw), ctx())).toEqual({
			ok: true,
			value: { changed: [] }
		});
		expect(await audits('office.updated')).toHaveLength(0);
		expect(await updateOffice(s, admin, 999_999, inputOf(nw), ctx())).toMatchObject({
			ok: false,
			notFound: true
		});
	});

	it('schema: German field errors for bad dates, bad e-mail, unknown Land', () => {
		const bad = officeSchema.safeParse({
			name: '',
			seat: 'X',
			phone: 'call me',
			email: 'nope',
			street: '',
			postcode: '123',
			city: '',
			openingHours: '',
			validFrom: '2026-02-30',
			validTo: '',
			laender: ['DE-XX']
		});
		expect(bad.success).toBe(false);
		const fields = new Set(bad.error!.issues.map((i) => String(i.path[0])));
		expect(fields).toEqual(new Set(['name', 'phone', 'email', 'postcode', 'validFrom', 'laender']));
		const order = officeSchema.safeParse({
			name: 'A',
			seat: 'B',
			phone: '',
			email: '',
			street: '',
			postcode: '',
			city: '',
			openingHours: '',
			validFrom: '2026-05-01',
			validTo: '2026-04-30',
			laender: []
		});
		expect(order.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
			['validTo', 'reference.error.dateOrder']
		]);
		// A hand-made request without the optional inputs counts them as empty.
		expect(officeSchema.parse({ name: 'A', seat: 'B', laender: [] })).toMatchObject({
			phone: '',
			email: null,
			street: null,
			validFrom: null,
			active: false
		});
		expect(bad.error!.issues.find((i) => i.path[0] === 'phone')!.message).toBe('reference.error.phone');
	});
});

describe('createOffice', () => {
	const raw = (over: Record<string, unknown> = {}) => rawOfficeForm({ validFrom: '2027-01-01', ...over });
	const form = (over: Record<string, unknown> = {}) => officeCreateSchema.parse(raw(over));

	it('creates an office with its Länder and an office.created audit row', async () => {
		s = await testServices();
		const result = await createOffice(s, admin, form(), ctx());
		expect(result.ok).toBe(true);
		const created = await office('zentrale');
		expect(result).toEqual({ ok: true, value: { id: created.id, key: 'zentrale' } });
		expect(created).toMatchObject({
			name: 'Kompetenzzentrum Berlin',
			active: true,
			laender: [],
			validFrom: '2027-01-01'
		});
		const rows = await audits('office.created');
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ office_id: created.id, subject_id: String(created.id) });
		expect(rows[0]!.data).toMatchObject({ key: 'zentrale', laender: [] });
		expect(await listOffices(s.db)).toHaveLength(9);
	});

	it('refuses a taken key and a taken Land', async () => {
		s = await testServices();
		expect(await createOffice(s, admin, form({ key: 'nw' }), ctx())).toEqual({
			ok: false,
			notFound: false,
			problems: [{ field: 'key', message: 'reference.error.officeKeyTaken' }]
		});
		const taken = await createOffice(s, admin, form({ validFrom: '', laender: ['DE-BE'] }), ctx());
		expect(taken).toMatchObject({ ok: false, problems: [{ field: 'laender', params: { land: 'DE-BE' } }] });
		// Inactive, it may be prepared with a Land that is still covered.
		expect((await createOffice(s, admin, form({ active: '', laender: ['DE-BE'] }), ctx())).ok).toBe(true);
		expect(await audits('office.created')).toHaveLength(1);
	});

	it('schema: keys are lower-case words with hyphens', () => {
		expect(officeCreateSchema.safeParse({ ...raw(), key: 'Neu Büro' }).success).toBe(false);
		expect(officeCreateSchema.safeParse({ ...raw(), key: 'hh--mv' }).success).toBe(false);
		expect(officeCreateSchema.safeParse({ ...raw(), key: ' Neu-2 ' }).data?.key).toBe('neu-2');
	});
});

describe('updateOfficeContact', () => {
	it('changes only contact data and opening hours, audited with the office', async () => {
		s = await testServices();
		const sn = await office('sn-st-th');
		const input = officeContactSchema.parse({
			phone: '+49 351 1',
			email: 'dresden@example.org',
			street: 'Königsbrücker Straße 96',
			postcode: '01099',
			city: 'Dresden',
			openingHours: 'Mo–Fr 9–15 Uhr'
		});
		const lead = staffAuditActor({ id: 42, email: 'lead@example.org' });
		const result = await updateOfficeContact(s, lead, sn.id, input, ctx());
		expect(result).toEqual({
			ok: true,
			value: { changed: ['phone', 'email', 'street', 'postcode', 'openingHours'] }
		});
		const after = await office('sn-st-th');
		expect(after).toEqual({
			...sn,
			phone: '+49 351 1',
			email: 'dresden@example.org',
			street: 'Königsbrücker Straße 96',
			postcode: '01099',
			openingHours: 'Mo–Fr 9–15 Uhr',
			updatedAt: s.clock.now().getTime()
		});
		const rows = await audits('office.updated');
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ actor_id: 42, office_id: sn.id });
		expect(rows[0]!.data).toEqual({
			changed: ['phone', 'email', 'street', 'postcode', 'openingHours'],
			via: 'office_page'
		});
	});
});

describe('reference entries', () => {
	it('activates Kunsthandwerk and renames it, audited as reference.submarket.updated', async () => {
		s = await testServices();
		const input = entrySchema.parse({
			nameDe: 'Kunsthandwerk',
			nameEn: 'Arts and crafts',
			active: 'on',
			sort: '12',
			group: 'sonstige'
		});
		const result = await updateEntry(s, admin, 'submarket', 'kunsthandwerk', input, ctx());
		expect(result).toEqual({ ok: true, value: { changed: ['nameEn', 'active'] } });
		expect(await getEntry(s.db, 'submarket', 'kunsthandwerk', 'en')).toMatchObject({
			name: 'Arts and crafts',
			active: true,
			optional: true,
			group: 'sonstige'
		});
		const rows = await audits('reference.submarket.updated');
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			subject_kind: 'submarket',
			subject_id: 'kunsthandwerk',
			office_id: null
		});
		expect(rows[0]!.data).toEqual({ changed: ['nameEn', 'active'], active: true });
	});

	it.each(['submarket', 'topic', 'stage'] as const)(
		'creates a %s and refuses its key twice',
		async (kind) => {
			s = await testServices();
			const input = entryCreateSchema.parse({
				key: 'neu_1',
				nameDe: 'Neu',
				nameEn: 'New',
				active: 'on',
				sort: '99',
				group: 'kreativ'
			});
			expect(await createEntry(s, admin, kind, input, ctx())).toEqual({
				ok: true,
				value: { key: 'neu_1' }
			});
			expect(await getEntry(s.db, kind, 'neu_1', 'de')).toMatchObject({
				name: 'Neu',
				nameEn: 'New',
				active: true,
				sort: 99,
				group: kind === 'submarket' ? 'kreativ' : null
			});
			expect(await createEntry(s, admin, kind, input, ctx())).toEqual({
				ok: false,
				notFound: false,
				problems: [{ field: 'key', message: 'reference.error.entryKeyTaken' }]
			});
			expect(await audits(`reference.${kind}.created`)).toHaveLength(1);
		}
	);

	it('deactivates a topic; unknown keys are notFound', async () => {
		s = await testServices();
		const krise = (await getEntry(s.db, 'topic', 'krise', 'de'))!;
		const input = entrySchema.parse({ nameDe: krise.nameDe, nameEn: krise.nameEn, sort: String(krise.sort) });
		expect(await updateEntry(s, admin, 'topic', 'krise', input, ctx())).toEqual({
			ok: true,
			value: { changed: ['active'] }
		});
		expect((await getEntry(s.db, 'topic', 'krise', 'de'))!.active).toBe(false);
		expect(await updateEntry(s, admin, 'stage', 'nope', input, ctx())).toMatchObject({
			ok: false,
			notFound: true
		});
		expect(await audits('reference.topic.updated')).toHaveLength(1);
	});

	it('schema: keys are [a-z0-9_]+ and sort is a number', () => {
		const bad = entryCreateSchema.safeParse({ key: 'Neu-1', nameDe: 'x', nameEn: '', sort: 'abc' });
		expect(bad.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
			['nameEn', expect.any(String)],
			['sort', 'form.error.number'],
			['key', 'reference.error.entryKey']
		]);
	});
});

describe('isoDateOf', () => {
	it.each([
		['2026-12-31', '2026-12-31'],
		['31.12.2026', '2026-12-31'],
		['1.2.2027', '2027-02-01'],
		['29.02.2026', null],
		['2026-02-30', null],
		['12/31/2026', null]
	])('%j -> %j', (raw, expected) => expect(isoDateOf(raw)).toBe(expected));
});
