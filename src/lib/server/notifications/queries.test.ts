import { describe, expect, it } from 'vitest';
import { type TestServices, testServices } from '../../../../tests/support/test-database';
import { mintScope } from '../access/scope';
import { requeueDeadMail } from './commands';
import { enqueueMail } from './outbox';
import { getOutboxMail, likeContains, listOutbox, OUTBOX_PAGE_SIZE, outboxFilterFromSearch } from './queries';
import { enqueueMany, sampleMail } from './test-mails';
import { closeServicesAfterEach } from '../../../../tests/support/services-per-test';
import { auditRowsOf } from '../../../../tests/support/audit-rows';

let s: TestServices | undefined;
closeServicesAfterEach();

/** Postausgang readers: a network admin, and leads of the given offices (mail-access-rules.ts). */
const viewer = (scope: ReturnType<typeof mintScope>) => ({
	scope,
	staffId: 0,
	email: 'viewer@kreativlotse.invalid',
	isNetworkAdmin: scope.all,
	memberships: scope.all
		? []
		: scope.officeIds.map((officeId) => ({ officeId, role: 'office_lead' as const }))
});
const admin = viewer(mintScope(true, []));

async function officeIds(db: TestServices['db']): Promise<[number, number]> {
	const rows = await db.selectFrom('office').select('id').orderBy('id').limit(2).execute();
	return [Number(rows[0]!.id), Number(rows[1]!.id)];
}

describe('listOutbox', () => {
	it('lists newest first, 25 per page', async () => {
		s = await testServices();
		await enqueueMany(s.db, 30, s.clock.now(), (i) => ({ toName: `Person ${i}` }));
		const first = await listOutbox(s.db, admin, { page: 1, pageSize: OUTBOX_PAGE_SIZE });
		// The count stops one past this page: enough to know there is a next page (issue 14).
		expect(first.total).toBe(26);
		expect(first.items).toHaveLength(25);
		expect(first.items[0]!.to).toBe('person29@example.org');
		expect(first.items[24]!.to).toBe('person5@example.org');
		const second = await listOutbox(s.db, admin, { page: 2, pageSize: OUTBOX_PAGE_SIZE });
		expect(second.items.map((m) => m.to)).toEqual([4, 3, 2, 1, 0].map((i) => `person${i}@example.org`));
		expect(second.total).toBe(30);
		const beyond = await listOutbox(s.db, admin, { page: 5, pageSize: OUTBOX_PAGE_SIZE });
		expect(beyond.items).toEqual([]);
		expect(beyond.total).toBe(30);
		const item = first.items[0]!;
		expect(item).toMatchObject({
			toName: 'Person 29',
			subject: 'Ihr Termin ist bestätigt',
			template: 'booking.confirmed',
			status: 'pending',
			attempts: 0,
			officeId: null
		});
		expect(typeof item.id).toBe('number');
		expect(typeof item.createdAt).toBe('number');
	});

	it('filters by status and by recipient text (case-insensitive, % is literal)', async () => {
		s = await testServices();
		const now = s.clock.now();
		await enqueueMail(s.db, sampleMail({ to: 'Anna.Berg@example.org' }), now);
		await enqueueMail(s.db, sampleMail({ to: 'bert@beispiel.de' }), now);
		await enqueueMail(s.db, sampleMail({ to: 'carla_100@example.org' }), now);
		await s.db
			.updateTable('outbox')
			.set({ status: 'dead' })
			.where('to_address', '=', 'bert@beispiel.de')
			.execute();

		const to = async (text: string) =>
			(await listOutbox(s!.db, admin, { to: text, page: 1, pageSize: 25 })).items.map((m) => m.to).sort();
		expect(await to('anna.berg')).toEqual(['Anna.Berg@example.org']);
		expect(await to('EXAMPLE.ORG')).toEqual(['Anna.Berg@example.org', 'carla_100@example.org']);
		expect(await to('%')).toEqual([]);
		expect(await to('a_1')).toEqual(['carla_100@example.org']);
		expect(await to('r_1')).toEqual([]);

		const dead = await listOutbox(s.db, admin, { status: 'dead', page: 1, pageSize: 25 });
		expect(dead.items.map((m) => m.to)).toEqual(['bert@beispiel.de']);
		expect(dead.total).toBe(1);
		const both = await listOutbox(s.db, admin, { status: 'pending', to: 'beispiel', page: 1, pageSize: 25 });
		expect(both.total).toBe(0);
	});

	it('shows staff only the mails of their own offices', async () => {
		s = await testServices();
		const [a, b] = await officeIds(s.db);
		const now = s.clock.now();
		await enqueueMail(s.db, sampleMail({ to: 'a@example.org', officeId: a }), now);
		await enqueueMail(s.db, sampleMail({ to: 'b@example.org', officeId: b }), now);
		await enqueueMail(s.db, sampleMail({ to: 'invite@example.org', officeId: null }), now);

		const list = async (scope: ReturnType<typeof mintScope>) =>
			(await listOutbox(s!.db, viewer(scope), { page: 1, pageSize: 25 })).items.map((m) => m.to).sort();
		expect(await list(admin.scope)).toEqual(['a@example.org', 'b@example.org', 'invite@example.org']);
		expect(await list(mintScope(false, [a]))).toEqual(['a@example.org']);
		expect(await list(mintScope(false, [a, b]))).toEqual(['a@example.org', 'b@example.org']);
		expect(await list(mintScope(false, []))).toEqual([]);
		expect((await listOutbox(s.db, viewer(mintScope(false, [b])), { page: 1, pageSize: 25 })).total).toBe(1);
	});
});

describe('getOutboxMail', () => {
	it('returns the whole mail inside the scope and null outside it', async () => {
		s = await testServices();
		const [a, b] = await officeIds(s.db);
		await enqueueMail(s.db, sampleMail({ officeId: a }), s.clock.now());
		const id = Number((await s.db.selectFrom('outbox').select('id').executeTakeFirstOrThrow()).id);

		const mail = await getOutboxMail(s.db, viewer(mintScope(false, [a])), id);
		expect(mail).not.toBeNull();
		expect(mail!.textBody).toContain('https://kreativlotse.example/termin/abc');
		expect(mail!.htmlBody).toContain('<!doctype html>');
		expect(mail!.lastError).toBeNull();
		expect(mail!.sentAt).toBeNull();
		expect(mail!.nextAttemptAt).toBe(s.clock.now().getTime());
		expect(await getOutboxMail(s.db, admin, id)).not.toBeNull();
		expect(await getOutboxMail(s.db, viewer(mintScope(false, [b])), id)).toBeNull();
		expect(await getOutboxMail(s.db, viewer(mintScope(false, [])), id)).toBeNull();
		expect(await getOutboxMail(s.db, admin, id + 1000)).toBeNull();
		expect(await getOutboxMail(s.db, admin, Number.NaN)).toBeNull();
	});
});

describe('requeueDeadMail', () => {
	it('requeues a dead mail and audits it in the same transaction', async () => {
		s = await testServices();
		const [a] = await officeIds(s.db);
		await enqueueMail(s.db, sampleMail({ officeId: a }), s.clock.now());
		const id = Number((await s.db.selectFrom('outbox').select('id').executeTakeFirstOrThrow()).id);
		const actor = { kind: 'staff' as const, id: 1, label: 'admin@example.org' };
		const context = { now: s.clock.now(), requestId: 'req-1' };

		expect(await requeueDeadMail(s.db, actor, id, context)).toBe(false);
		expect(await requeueDeadMail(s.db, actor, id + 99, context)).toBe(false);
		expect(await auditRowsOf(s.db, 'mail.requeued')).toEqual([]);

		await s.db
			.updateTable('outbox')
			.set({ status: 'dead', attempts: 8, last_error: '550' })
			.where('id', '=', id)
			.execute();
		expect(await requeueDeadMail(s.db, actor, id, context)).toBe(true);
		const mail = await getOutboxMail(s.db, admin, id);
		expect(mail).toMatchObject({ status: 'pending', attempts: 0, lastError: null });
		const audit = await auditRowsOf(s.db, 'mail.requeued');
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({
			actor_kind: 'staff',
			actor_label: 'admin@example.org',
			subject_kind: 'outbox',
			subject_id: String(id),
			request_id: 'req-1'
		});
		expect(Number(audit[0]!.office_id)).toBe(a);
		expect(JSON.parse(audit[0]!.data)).toEqual({ template: 'booking.confirmed', previousAttempts: 8 });
	});
});

describe('outboxFilterFromSearch', () => {
	it.each([
		['', { status: null, to: null, page: 1, pageSize: 25 }],
		['status=dead&to=%20kim%20&page=3', { status: 'dead', to: 'kim', page: 3, pageSize: 25 }],
		['status=bogus&page=-2', { status: null, to: null, page: 1, pageSize: 25 }],
		['page=abc&to=', { status: null, to: null, page: 1, pageSize: 25 }],
		['page=2.5', { status: null, to: null, page: 1, pageSize: 25 }]
	])('%j', (query, expected) => {
		expect(outboxFilterFromSearch(new URLSearchParams(query))).toEqual(expected);
	});

	it('escapes LIKE wildcards', () => {
		expect(likeContains('A%b_c\\')).toBe('%a\\%b\\_c\\\\%');
	});
});
