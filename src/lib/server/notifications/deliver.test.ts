import { afterEach, describe, expect, it } from 'vitest';
import { type TestServices, testServices } from '../../../../tests/support/test-database';
import { MINUTE } from '../../time/durations';
import { createDb } from '../db/client';
import { backoffMs, claimDue, deliverDue, type MailTransport, type OutboxRow, requeueMail } from './deliver';
import { enqueueMail } from './outbox';
import { renderMail } from './render';
import { enqueueMany, sampleMail } from './test-mails';
import { raceTest } from '../../../../tests/support/race-name';

let s: TestServices;
const extra: { close(): Promise<void> }[] = [];

afterEach(async () => {
	for (const d of extra.splice(0)) await d.close();
	await s?.close();
});

/** A transport that keeps what it sent, optionally failing or slow. */
function memoryTransport(options: { fail?: boolean | ((row: OutboxRow) => boolean); delayMs?: number } = {}) {
	const sent: OutboxRow[] = [];
	const transport: MailTransport = {
		async send(row) {
			if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
			const fail = typeof options.fail === 'function' ? options.fail(row) : options.fail;
			if (fail) throw new Error('550 mailbox unavailable');
			sent.push(row);
		}
	};
	return { transport, sent };
}

const opts = (worker = 'w1', maxAttempts = 3) => ({
	worker,
	from: 'Kreativlotse <no-reply@example.org>',
	maxAttempts,
	now: () => s.clock.now()
});

/** What deliverDue answers, in its field order. */
const tally = (sent: number, failed: number, dead: number, obsolete: number) => ({
	sent,
	failed,
	dead,
	obsolete
});

async function row(id: number) {
	return s.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function onlyId(): Promise<number> {
	const r = await s.db.selectFrom('outbox').select('id').executeTakeFirstOrThrow();
	return Number(r.id);
}

describe('backoffMs', () => {
	it.each([
		[0, 1],
		[1, 1],
		[2, 2],
		[3, 4],
		[4, 8],
		[5, 16],
		[9, 256],
		[10, 360],
		[20, 360]
	])('after %i attempt(s) waits %i minute(s)', (attempts, minutes) => {
		expect(backoffMs(attempts)).toBe(minutes * MINUTE);
	});
});

describe('deliverDue', () => {
	it('marks a mail obsolete instead of sending it once its purpose has passed (issue 12)', async () => {
		s = await testServices();
		const now = s.clock.now().getTime();
		const token = 'a'.repeat(43);
		const hold = (to: string, validUntil: number | null) =>
			sampleMail({
				to,
				template: 'booking.hold',
				validUntil,
				mail: renderMail(
					'de',
					'Bitte bestätigen',
					[{ kind: 'p', text: `https://k.example/termin/bestaetigen/${token}` }],
					'K'
				)
			});
		await enqueueMail(s.db, hold('late@example.org', now), s.clock.now());
		await enqueueMail(s.db, hold('soon@example.org', now + MINUTE), s.clock.now());
		await enqueueMail(s.db, hold('plain@example.org', null), s.clock.now());
		const { transport, sent } = memoryTransport();
		expect(await deliverDue(s.db, transport, opts())).toEqual(tally(2, 0, 0, 1));
		expect(sent.map((r) => r.to_address).sort()).toEqual(['plain@example.org', 'soon@example.org']);
		const late = await s.db
			.selectFrom('outbox')
			.selectAll()
			.where('to_address', '=', 'late@example.org')
			.executeTakeFirstOrThrow();
		expect(late).toMatchObject({ status: 'obsolete', sent_at: null, claimed_by: null });
		// Never sent, so its link is masked like a sent one's; nothing picks it up again.
		expect(late.text_body).not.toContain(token);
		expect(late.text_body).toContain('/termin/bestaetigen/');
		expect(await deliverDue(s.db, transport, opts())).toEqual(tally(0, 0, 0, 0));
	});

	it('a dead mail requeued after its deadline is marked obsolete, not sent (issue 12)', async () => {
		s = await testServices();
		const offer = s.clock.now().getTime() + 30 * MINUTE;
		await enqueueMail(s.db, sampleMail({ template: 'event.offer', validUntil: offer }), s.clock.now());
		const id = await onlyId();
		const failing = memoryTransport({ fail: true });
		expect(await deliverDue(s.db, failing.transport, opts('w1', 1))).toMatchObject({ dead: 1 });
		s.clock.advance(30 * MINUTE);
		expect(await requeueMail(s.db, id, s.clock.now())).toBe(true);
		const { transport, sent } = memoryTransport();
		expect(await deliverDue(s.db, transport, opts())).toEqual(tally(0, 0, 0, 1));
		expect(sent).toEqual([]);
		expect((await row(id)).status).toBe('obsolete');
		// Only dead mails can be requeued; an obsolete one stays put.
		expect(await requeueMail(s.db, id, s.clock.now())).toBe(false);
	});

	it('sends a due mail and marks it sent', async () => {
		s = await testServices();
		await enqueueMail(s.db, sampleMail(), s.clock.now());
		const { transport, sent } = memoryTransport();
		const report = await deliverDue(s.db, transport, opts());
		expect(report).toEqual(tally(1, 0, 0, 0));
		expect(sent.map((r) => r.to_address)).toEqual(['kreative@example.org']);
		const r = await row(await onlyId());
		expect(r.status).toBe('sent');
		expect(Number(r.attempts)).toBe(1);
		expect(Number(r.sent_at)).toBe(s.clock.now().getTime());
		// Nothing is sent twice.
		expect(await deliverDue(s.db, transport, opts())).toEqual(tally(0, 0, 0, 0));
	});

	it('does not send a mail before it is due', async () => {
		s = await testServices();
		await enqueueMail(s.db, sampleMail(), new Date(s.clock.now().getTime() + MINUTE));
		const { transport, sent } = memoryTransport();
		expect(await deliverDue(s.db, transport, opts())).toEqual(tally(0, 0, 0, 0));
		expect(sent).toHaveLength(0);
	});

	it('retries with backoff, gives up after maxAttempts, and an admin can requeue', async () => {
		s = await testServices();
		await enqueueMail(s.db, sampleMail(), s.clock.now());
		const id = await onlyId();
		const failing = memoryTransport({ fail: true });

		expect(await deliverDue(s.db, failing.transport, opts('w1', 3))).toEqual(tally(0, 1, 0, 0));
		let r = await row(id);
		expect(r.status).toBe('pending');
		expect(Number(r.attempts)).toBe(1);
		expect(r.last_error).toContain('550');
		expect(r.claimed_by).toBeNull();
		expect(Number(r.next_attempt_at)).toBe(s.clock.now().getTime() + backoffMs(1));

		// Not due yet: nothing happens.
		s.clock.advance(backoffMs(1) - 1);
		expect(await deliverDue(s.db, failing.transport, opts('w1', 3))).toEqual(tally(0, 0, 0, 0));

		s.clock.advance(1);
		expect(await deliverDue(s.db, failing.transport, opts('w1', 3))).toEqual(tally(0, 1, 0, 0));
		r = await row(id);
		expect(Number(r.attempts)).toBe(2);
		expect(Number(r.next_attempt_at)).toBe(s.clock.now().getTime() + backoffMs(2));

		s.clock.advance(backoffMs(2));
		expect(await deliverDue(s.db, failing.transport, opts('w1', 3))).toEqual(tally(0, 0, 1, 0));
		r = await row(id);
		expect(r.status).toBe('dead');
		expect(Number(r.attempts)).toBe(3);

		// Dead stays dead, however long we wait.
		s.clock.advance(24 * 60 * MINUTE);
		expect(await deliverDue(s.db, failing.transport, opts('w1', 3))).toEqual(tally(0, 0, 0, 0));

		// Requeue only takes dead mails.
		expect(await requeueMail(s.db, id, s.clock.now())).toBe(true);
		expect(await requeueMail(s.db, id, s.clock.now())).toBe(false);
		r = await row(id);
		expect(r.status).toBe('pending');
		expect(Number(r.attempts)).toBe(0);
		expect(r.last_error).toBeNull();

		const working = memoryTransport();
		expect(await deliverDue(s.db, working.transport, opts('w1', 3))).toEqual(tally(1, 0, 0, 0));
		expect((await row(id)).status).toBe('sent');
	});

	it('one failing mail does not hold up the others', async () => {
		s = await testServices();
		await enqueueMany(s.db, 3, s.clock.now());
		const t = memoryTransport({ fail: (r) => r.to_address === 'person1@example.org' });
		expect(await deliverDue(s.db, t.transport, opts())).toEqual(tally(2, 1, 0, 0));
		expect(t.sent.map((r) => r.to_address).sort()).toEqual(['person0@example.org', 'person2@example.org']);
	});

	it('two workers claiming at the same time never send the same mail twice', async () => {
		s = await testServices();
		await enqueueMany(s.db, 30, s.clock.now());
		// On PostgreSQL the second worker gets its own connection pool, like a second instance.
		// SQLite serialises writers on its single connection (BEGIN IMMEDIATE), as one process does.
		let db2 = s.db;
		if (s.dialect === 'postgres') {
			const second = createDb(s.config.database, { poolSize: 5 });
			extra.push(second);
			db2 = second.db;
		}
		const sentIds: number[] = [];
		const transport: MailTransport = {
			async send(r) {
				await new Promise((done) => setTimeout(done, Math.random() * 5));
				sentIds.push(Number(r.id));
			}
		};
		for (let round = 0; round < 10; round++) {
			const [a, b] = await Promise.all([
				deliverDue(s.db, transport, opts('worker-a')),
				deliverDue(db2, transport, opts('worker-b'))
			]);
			if (a.sent + b.sent === 0) break;
		}
		const ids = (await s.db.selectFrom('outbox').select('id').orderBy('id').execute()).map((r) =>
			Number(r.id)
		);
		expect(ids).toHaveLength(30);
		expect([...sentIds].sort((x, y) => x - y)).toEqual(ids);
		const statuses = await s.db.selectFrom('outbox').select('status').distinct().execute();
		expect(statuses.map((r) => r.status)).toEqual(['sent']);
	});

	it(raceTest('concurrent claims hand out disjoint sets of rows'), async () => {
		s = await testServices();
		await enqueueMany(s.db, 30, s.clock.now());
		const claims = await Promise.all(['a', 'b', 'c', 'd'].map((w) => claimDue(s.db, w, s.clock.now(), 10)));
		const all = claims.flat().map((r) => Number(r.id));
		expect(all).toHaveLength(30);
		expect(new Set(all).size).toBe(30);
	});

	it('reclaims a claim older than five minutes (a crashed instance)', async () => {
		s = await testServices();
		await enqueueMail(s.db, sampleMail(), s.clock.now());
		const id = await onlyId();
		const claimed = await claimDue(s.db, 'crashed', s.clock.now());
		expect(claimed.map((r) => Number(r.id))).toEqual([id]);
		expect((await row(id)).status).toBe('sending');

		const t = memoryTransport();
		s.clock.advance(4 * MINUTE);
		expect(await deliverDue(s.db, t.transport, opts('w2'))).toEqual(tally(0, 0, 0, 0));

		s.clock.advance(MINUTE);
		expect(await deliverDue(s.db, t.transport, opts('w2'))).toEqual(tally(1, 0, 0, 0));
		const r = await row(id);
		expect(r.status).toBe('sent');
		expect(r.claimed_by).toBe('w2');
		expect(t.sent).toHaveLength(1);
	});
});
