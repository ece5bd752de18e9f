import { describe, expect, it } from 'vitest';
import { addOfficeLead } from '../../../../tests/support/identity-fixtures';
import { type TestServices, testServices } from '../../../../tests/support/test-database';
import { requestSubmission } from '../../../../tests/support/visibility-fixtures';
import { mintScope } from '../access/scope';
import { confirmRequest, moderateRequest, publicRequest, submitRequest } from './requests';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

/**
 * Issue 17 (visibility's tests brought to booking's level): a decision maker's request through
 * the office's three moves as a state table. Approve and reject act on a confirmed request waiting
 * for review, close on an open one; from any other state the move answers 'state' and writes
 * nothing. Approve and reject mail the decision maker; close does not.
 */
let s = servicesClosedAfterEach();

type State = 'pending' | 'open' | 'rejected' | 'closed';
type Move = 'approve' | 'reject' | 'close';
const PATH: Record<State, Move[]> = {
	pending: [],
	open: ['approve'],
	rejected: ['reject'],
	closed: ['approve', 'close']
};

// Rules as data: start state × move → answer, state after, public afterwards.
const TABLE: [State, Move, 'ok' | 'state', State, boolean][] = [
	['pending', 'approve', 'ok', 'open', true],
	['pending', 'reject', 'ok', 'rejected', false],
	['pending', 'close', 'state', 'pending', false],
	['open', 'approve', 'state', 'open', true],
	['open', 'reject', 'state', 'open', true],
	['open', 'close', 'ok', 'closed', false],
	['rejected', 'approve', 'state', 'rejected', false],
	['rejected', 'reject', 'state', 'rejected', false],
	['rejected', 'close', 'state', 'rejected', false],
	['closed', 'approve', 'state', 'closed', false],
	['closed', 'reject', 'state', 'closed', false],
	['closed', 'close', 'state', 'closed', false]
];

const DM = 'amt@potsdam.example';

async function confirmedRequest() {
	s = await testServices();
	const { officeId, staff, scope } = await addOfficeLead(s, 'be-bb');
	const submitted = await submitRequest(s, requestSubmission({ submission_id: 'req-987654321', email: DM }));
	if (!submitted.ok) throw new Error('the request was refused');
	const requestId = submitted.requestId;
	const mail = await s.db
		.selectFrom('outbox')
		.select('text_body')
		.where('to_address', '=', DM)
		.executeTakeFirstOrThrow();
	const token = /\/gesuche\/bestaetigen\/([A-Za-z0-9_-]+)/.exec(mail.text_body)![1]!;
	expect((await confirmRequest(s, token)).ok).toBe(true);
	const move = (action: Move) =>
		moderateRequest(s!, staff, scope, {
			officeId,
			requestId,
			action,
			reason: 'Kein Bezug zur Kreativwirtschaft.'
		});
	return { s, officeId, requestId, staff, move };
}

async function written(t: TestServices, requestId: number) {
	const [mails, audits] = await Promise.all([
		t.db.selectFrom('outbox').select('template').where('to_address', '=', DM).orderBy('id').execute(),
		t.db
			.selectFrom('audit_event')
			.select('action')
			.where('subject_kind', '=', 'project_request')
			.where('subject_id', '=', String(requestId))
			.orderBy('id')
			.execute()
	]);
	return { mails: mails.map((m) => m.template), audits: audits.map((a) => a.action) };
}

describe('request moderation, state × move', () => {
	for (const [state, move, answer, after, isPublic] of TABLE)
		it(`${state} + ${move} → ${answer}`, async () => {
			const r = await confirmedRequest();
			for (const step of PATH[state]) expect((await r.move(step)).ok).toBe(true);
			const before = await written(r.s, r.requestId);
			expect(await r.move(move)).toEqual(answer === 'ok' ? { ok: true } : { ok: false, reason: 'state' });
			const row = await r.s.db
				.selectFrom('project_request')
				.select(['status', 'reject_reason'])
				.where('id', '=', r.requestId)
				.executeTakeFirstOrThrow();
			expect(row.status).toBe(after);
			expect((await publicRequest(r.s.db, r.requestId)) !== null).toBe(isPublic);
			const now = await written(r.s, r.requestId);
			if (answer === 'state') {
				expect(now).toEqual(before);
				return;
			}
			const outcome = { approve: 'request.approved', reject: 'request.rejected', close: 'request.closed' }[
				move
			];
			expect(now.audits.slice(before.audits.length)).toEqual([outcome]);
			const mail = {
				approve: ['visibility.request_approved'],
				reject: ['visibility.request_rejected'],
				close: []
			}[move];
			expect(now.mails.slice(before.mails.length)).toEqual(mail);
			if (move === 'reject') expect(row.reject_reason).toBe('Kein Bezug zur Kreativwirtschaft.');
		});

	it('another office cannot move the request', async () => {
		const r = await confirmedRequest();
		const before = await written(r.s, r.requestId);
		for (const action of ['approve', 'reject', 'close'] as const)
			expect(
				await moderateRequest(r.s, r.staff, mintScope(false, [r.officeId + 1000]), {
					officeId: r.officeId,
					requestId: r.requestId,
					action,
					reason: null
				})
			).toEqual({ ok: false, reason: 'not_found' });
		expect(await written(r.s, r.requestId)).toEqual(before);
	});
});
