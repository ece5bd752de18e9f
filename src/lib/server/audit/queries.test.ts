import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { type TestServices, testServices } from '../../../../tests/support/test-database';
import { AUDIT_ACTIONS, auditFilterFromSearch, auditFilterOptions, listAudit, parseCursor } from './queries';
import { type AuditActor, recordAudit, systemActor } from './record';
import { closeServicesAfterEach } from '../../../../tests/support/services-per-test';

let s: TestServices | undefined;
closeServicesAfterEach();

const admin: AuditActor = { kind: 'staff', id: 1, label: 'admin@demo.kreativlotse.de' };
const lead: AuditActor = { kind: 'staff', id: 2, label: 'Jana.Petersen@demo.kreativlotse.de' };

async function seed(db: TestServices['db']) {
	const offices = await db.selectFrom('office').select(['id', 'name']).orderBy('id').limit(2).execute();
	const [a, b] = offices.map((o) => Number(o.id)) as [number, number];
	const at = (iso: string) => ({ now: new Date(iso), requestId: `req-${iso}` });
	// Berlin days: 2026-03-28 (winter time), 2026-03-29 (DST starts), 2026-03-30 (summer time).
	await recordAudit(
		db,
		systemActor,
		{ action: 'demo.seeded', subject: { kind: 'system' } },
		at('2026-03-27T12:00:00Z')
	);
	await recordAudit(
		db,
		admin,
		{ action: 'mail.requeued', subject: { kind: 'outbox', id: 7 }, officeId: a, data: { template: 'x' } },
		at('2026-03-28T22:59:59Z') // 23:59:59 on the 28th in Berlin
	);
	await recordAudit(
		db,
		lead,
		{ action: 'access.denied', subject: { kind: 'route', id: '/intern/admin' }, officeId: b },
		at('2026-03-28T23:00:00Z') // 00:00 on the 29th in Berlin
	);
	await recordAudit(
		db,
		admin,
		{ action: 'mail.requeued', subject: { kind: 'outbox', id: 8 }, officeId: b },
		at('2026-03-29T21:59:59Z') // 23:59:59 on the 29th (summer time)
	);
	await recordAudit(
		db,
		lead,
		{ action: 'session.started', subject: { kind: 'staff_user', id: 2 }, officeId: null },
		at('2026-03-29T22:00:00Z') // 00:00 on the 30th
	);
	return { a, b, officeNames: offices.map((o) => o.name) };
}

const base = { pageSize: 50 };

describe('listAudit', () => {
	it('lists newest first with office names and compact data', async () => {
		s = await testServices();
		const { a, officeNames } = await seed(s.db);
		const page = await listAudit(s.db, base);
		expect(page.items).toHaveLength(5);
		expect(page).toMatchObject({ newer: null, older: null });
		expect(page.items.map((e) => e.action)).toEqual([
			'session.started',
			'mail.requeued',
			'access.denied',
			'mail.requeued',
			'demo.seeded'
		]);
		const requeued = page.items[3]!;
		expect(requeued).toMatchObject({
			actorKind: 'staff',
			actorId: 1,
			actorLabel: 'admin@demo.kreativlotse.de',
			subjectKind: 'outbox',
			subjectId: '7',
			officeId: a,
			officeName: officeNames[0],
			requestId: 'req-2026-03-28T22:59:59Z',
			data: '{"template":"x"}'
		});
		expect(requeued.at).toBe(Date.parse('2026-03-28T22:59:59Z'));
		expect(page.items[0]!.officeName).toBeNull();
		expect(page.items[4]!.data).toBe('');
	});

	it('filters by action, actor text and office', async () => {
		s = await testServices();
		const { a, b } = await seed(s.db);
		const actions = async (f: Parameters<typeof listAudit>[1]) =>
			(await listAudit(s!.db, f)).items.map((e) => `${e.action}:${e.subjectId ?? ''}`);
		expect(await actions({ ...base, action: 'mail.requeued' })).toEqual([
			'mail.requeued:8',
			'mail.requeued:7'
		]);
		expect(await actions({ ...base, action: 'mail' })).toEqual([]);
		expect(await actions({ ...base, actor: 'jana.PETERSEN' })).toEqual([
			'session.started:2',
			'access.denied:/intern/admin'
		]);
		expect(await actions({ ...base, actor: '%' })).toEqual([]);
		expect(await actions({ ...base, officeId: a })).toEqual(['mail.requeued:7']);
		expect(await actions({ ...base, officeId: b, action: 'mail.requeued' })).toEqual(['mail.requeued:8']);
	});

	it('reads date ranges as Berlin calendar days, across the DST change', async () => {
		s = await testServices();
		await seed(s.db);
		const on = async (from: string | null, to: string | null) =>
			(await listAudit(s!.db, { ...base, from, to })).items.map((e) => e.action);
		expect(await on('2026-03-29', '2026-03-29')).toEqual(['mail.requeued', 'access.denied']);
		expect(await on('2026-03-28', '2026-03-28')).toEqual(['mail.requeued']);
		expect(await on('2026-03-30', null)).toEqual(['session.started']);
		expect(await on(null, '2026-03-27')).toEqual(['demo.seeded']);
		expect(await on('2026-03-31', null)).toEqual([]);
		// Not a day: ignored rather than an error.
		expect(await on('gestern', null)).toHaveLength(5);
	});

	it('pages by keyset, forwards and back', async () => {
		s = await testServices();
		await seed(s.db);
		const p1 = await listAudit(s.db, { pageSize: 2 });
		expect(p1.items.map((e) => e.action)).toEqual(['session.started', 'mail.requeued']);
		expect(p1.newer).toBeNull();
		const p2 = await listAudit(s.db, { pageSize: 2, before: parseCursor(p1.older) });
		expect(p2.items.map((e) => e.action)).toEqual(['access.denied', 'mail.requeued']);
		const p3 = await listAudit(s.db, { pageSize: 2, before: parseCursor(p2.older) });
		expect(p3.items.map((e) => e.action)).toEqual(['demo.seeded']);
		expect(p3.older).toBeNull();
		// Back from the last page: the page before it again.
		const back = await listAudit(s.db, { pageSize: 2, after: parseCursor(p3.newer) });
		expect(back.items.map((e) => e.id)).toEqual(p2.items.map((e) => e.id));
		const first = await listAudit(s.db, { pageSize: 2, after: parseCursor(back.newer) });
		expect(first.items.map((e) => e.id)).toEqual(p1.items.map((e) => e.id));
		expect(first.newer).toBeNull();
	});

	it('neither repeats nor misses an entry while entries are appended during paging', async () => {
		s = await testServices();
		await seed(s.db);
		// 40 more entries, some sharing an instant (the id breaks the tie).
		for (let i = 0; i < 40; i++)
			await recordAudit(
				s.db,
				admin,
				{ action: 'mail.requeued', subject: { kind: 'outbox', id: 100 + i } },
				{ now: new Date(Date.UTC(2026, 3, 1, 0, 0, Math.floor(i / 3))), requestId: null }
			);
		const before = await s.db.selectFrom('audit_event').select('id').execute();
		const seen: number[] = [];
		let cursor: string | null = null;
		let appended = 0;
		do {
			const page: Awaited<ReturnType<typeof listAudit>> = await listAudit(s.db, {
				pageSize: 7,
				before: parseCursor(cursor)
			});
			seen.push(...page.items.map((e) => e.id));
			// Someone acts while the admin reads: a newer entry on every page turn.
			await recordAudit(
				s.db,
				lead,
				{ action: 'access.denied', subject: { kind: 'route', id: `/p${appended++}` } },
				{ now: new Date(Date.UTC(2026, 5, 1, 0, 0, appended)), requestId: null }
			);
			cursor = page.older;
		} while (cursor);
		expect(new Set(seen).size).toBe(seen.length);
		expect([...seen].sort((x, y) => x - y)).toEqual(before.map((r) => Number(r.id)).sort((x, y) => x - y));
		expect(appended).toBe(7);
	});

	it('offers every audit action of the catalogue (not only those in the log) and all offices', async () => {
		s = await testServices();
		const options = await auditFilterOptions(s.db);
		expect(options.actions).toEqual(
			expect.arrayContaining(['access.denied', 'demo.seeded', 'mail.requeued'])
		);
		expect(options.actions).toEqual([...AUDIT_ACTIONS]);
		expect(options.actions.length).toBeGreaterThan(50);
		expect(options.offices.length).toBeGreaterThanOrEqual(2);
		expect(typeof options.offices[0]!.id).toBe('number');
	});
});

describe('the audit log is append-only', () => {
	it('refuses DELETE at the database level', async () => {
		s = await testServices();
		await seed(s.db);
		await expect(s.db.deleteFrom('audit_event').execute()).rejects.toThrow(/append-only/);
		await expect(sql`delete from audit_event where action = 'demo.seeded'`.execute(s.db)).rejects.toThrow(
			/append-only/
		);
		expect((await listAudit(s.db, base)).items).toHaveLength(5);
		// Redaction (an UPDATE) stays possible, as erasure needs it.
		await s.db
			.updateTable('audit_event')
			.set({ actor_label: 'redacted' })
			.where('actor_id', '=', 2)
			.execute();
		expect((await listAudit(s.db, { ...base, actor: 'redacted' })).items).toHaveLength(2);
	});
});

describe('auditFilterFromSearch', () => {
	const none = {
		action: null,
		actor: null,
		officeId: null,
		from: null,
		to: null,
		before: null,
		after: null,
		pageSize: 50
	};
	it.each([
		['', { ...none }],
		[
			'action=mail.requeued&actor=%20admin%20&office=3&from=2026-03-01&to=2026-03-31&vor=1774000000000.42',
			{
				action: 'mail.requeued',
				actor: 'admin',
				officeId: 3,
				from: '2026-03-01',
				to: '2026-03-31',
				before: { at: 1774000000000, id: 42 },
				after: null,
				pageSize: 50
			}
		],
		['nach=5.6', { ...none, after: { at: 5, id: 6 } }],
		['office=x&from=2026-02-30&to=31.03.2026&vor=12&nach=a.b', { ...none }]
	])('%j', (query, expected) => {
		expect(auditFilterFromSearch(new URLSearchParams(query))).toEqual(expected);
	});
});
