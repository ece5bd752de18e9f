import { describe, expect, it } from 'vitest';
import { TEST_NOW, testServices } from '../../../../tests/support/test-database';
import { DAY } from '../../time/durations';
import { mintScope } from '../access/scope';
import type { CaseActor } from '../cases/case-actor';
import { answerCheckIn } from './answer';
import {
	addCase,
	addConsultant,
	addStep,
	auditRows,
	tokenFromMail
} from '../../../../tests/support/checkin-fixtures';
import { checkInsForCase, unseenAnswersForOffice } from './queries';
import { markCheckInSeen } from './seen';
import { sendDueCheckIns } from './send';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

let s = servicesClosedAfterEach();

/** Two consultants in nw with one answered check-in each, and one case in by. */
async function setup() {
	s = await testServices();
	const bea = await addConsultant(s, 'nw', { name: 'Bea' });
	const carl = await addConsultant(s, 'nw', { name: 'Carl' });
	const lead = await addConsultant(s, 'nw', { role: 'office_lead', name: 'Lea' });
	const other = await addConsultant(s, 'by', { name: 'Otto' });
	const a = await addCase(s, { consultantId: bea.id, name: 'Anna', nextContactDueAt: TEST_NOW - DAY });
	const b = await addCase(s, { consultantId: carl.id, name: 'Ben', nextContactDueAt: TEST_NOW - DAY });
	const x = await addCase(s, {
		officeKey: 'by',
		consultantId: other.id,
		name: 'Xaver',
		nextContactDueAt: TEST_NOW - DAY
	});
	const step = await addStep(s, a.caseId, { text: 'Förderprogramm prüfen' });
	expect(await sendDueCheckIns(s)).toBe(3);
	s.clock.advance(DAY);
	for (const [f, follow] of [
		[a, true],
		[b, false],
		[x, false]
	] as const) {
		const token = await tokenFromMail(s, 'checkins.check_in', f.email, '/rueckmeldung');
		const r = await answerCheckIn(s, token, {
			stepsDone: f === a ? [step] : [],
			changed: `Neues von ${f.caseId}`,
			questions: '',
			wantsFollowUp: follow
		});
		if (!r.ok) throw new Error(r.reason);
		s.clock.advance(1000);
	}
	const checkInOf = async (caseId: number) =>
		Number(
			(
				await s!.db
					.selectFrom('check_in')
					.select('id')
					.where('case_id', '=', caseId)
					.executeTakeFirstOrThrow()
			).id
		);
	const actor = (u: { id: number; email: string }, role: CaseActor['role']): CaseActor => ({
		id: u.id,
		email: u.email,
		role
	});
	return {
		s,
		a,
		b,
		x,
		step,
		ids: { a: await checkInOf(a.caseId), b: await checkInOf(b.caseId), x: await checkInOf(x.caseId) },
		bea: actor(bea, 'consultant'),
		carl: actor(carl, 'consultant'),
		lead: actor(lead, 'office_lead'),
		nwScope: mintScope(false, [a.officeId]),
		byScope: mintScope(false, [x.officeId])
	};
}

describe('unseen answers and a case check-ins', () => {
	it('lists unseen answers per office, narrowed to one consultant on request, newest first', async () => {
		const { s, a, b, ids, nwScope, byScope, bea } = await setup();
		const all = await unseenAnswersForOffice(s.db, nwScope, a.officeId, null);
		expect(all.map((u) => [u.checkInId, u.caseId, u.name, u.wantsFollowUp])).toEqual([
			[ids.b, b.caseId, 'Ben', false],
			[ids.a, a.caseId, 'Anna', true]
		]);
		expect((await unseenAnswersForOffice(s.db, nwScope, a.officeId, bea.id)).map((u) => u.caseId)).toEqual([
			a.caseId
		]);
		// Outside the scope: nothing.
		expect(await unseenAnswersForOffice(s.db, byScope, a.officeId, null)).toEqual([]);
	});

	it('returns a case check-ins with answers and ticked steps; null outside the scope', async () => {
		const { s, a, step, ids, nwScope, byScope } = await setup();
		const list = await checkInsForCase(s.db, nwScope, a.caseId);
		expect(list).toEqual([
			expect.objectContaining({
				id: ids.a,
				changed: `Neues von ${a.caseId}`,
				questions: null,
				wantsFollowUp: true,
				seenAt: null,
				stepsDone: [{ id: step, text: 'Förderprogramm prüfen' }]
			})
		]);
		expect(await checkInsForCase(s.db, byScope, a.caseId)).toBeNull();
	});
});

describe('markCheckInSeen', () => {
	it('the responsible consultant marks an answer seen, once, with an audit row', async () => {
		const { s, a, ids, nwScope, bea } = await setup();
		expect(await markCheckInSeen(s, bea, nwScope, ids.a, { requestId: 'r' })).toEqual({
			ok: true,
			changed: true
		});
		expect(await markCheckInSeen(s, bea, nwScope, ids.a)).toEqual({ ok: true, changed: false });
		expect(
			(await unseenAnswersForOffice(s.db, nwScope, a.officeId, null)).map((u) => u.checkInId)
		).not.toContain(ids.a);
		expect(await auditRows(s, 'checkin.seen')).toEqual([
			expect.objectContaining({ actor_kind: 'staff', actor_id: bea.id, subject_id: String(ids.a) })
		]);
	});

	it.each([
		['another office (scope without the case office)', 'x', 'lead', 'nw'],
		['another consultant of the same office', 'b', 'bea', 'nw'],
		['the right office but a scope of another', 'a', 'bea', 'by'],
		['an unknown check-in', 'none', 'lead', 'nw']
	] as const)('is not_found for %s', async (_label, which, who, scopeOf) => {
		const ctx = await setup();
		const id = which === 'none' ? 999999 : ctx.ids[which];
		const scope = scopeOf === 'nw' ? ctx.nwScope : ctx.byScope;
		expect(await markCheckInSeen(ctx.s, ctx[who], scope, id)).toEqual({ ok: false, reason: 'not_found' });
		expect(await auditRows(ctx.s, 'checkin.seen')).toEqual([]);
	});

	it('an office lead may mark any answer of the office', async () => {
		const { s, ids, nwScope, lead } = await setup();
		expect(await markCheckInSeen(s, lead, nwScope, ids.b)).toEqual({ ok: true, changed: true });
	});

	it('an unanswered check-in cannot be marked seen', async () => {
		const { s, nwScope, lead } = await setup();
		const c = await addCase(s, { consultantId: lead.id, nextContactDueAt: s.clock.now().getTime() });
		expect(await sendDueCheckIns(s)).toBe(1);
		const row = await s.db
			.selectFrom('check_in')
			.select('id')
			.where('case_id', '=', c.caseId)
			.executeTakeFirstOrThrow();
		expect(await markCheckInSeen(s, lead, nwScope, Number(row.id))).toEqual({
			ok: false,
			reason: 'not_answered'
		});
	});
});
