import { describe, expect, it } from 'vitest';
import { addOfficeLead } from '../../../../tests/support/identity-fixtures';
import { addCreative } from '../../../../tests/support/creative-fixtures';
import { type TestServices, testServices } from '../../../../tests/support/test-database';
import { profileInput } from '../../../../tests/support/visibility-fixtures';
import { mintScope } from '../access/scope';
import { moderateProfile, moderationOverview } from './moderation';
import { ownProfile, publishProfile, saveProfile } from './profiles';
import { reportProfile } from './public';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

/**
 * Issue 17 (visibility's tests brought to booking's level): the four staff moves on a profile as
 * a state table. Each move is a conditional update on the state it expects: from any other state
 * it answers 'state' and writes nothing (no mail, no audit row); a move that lands mails the
 * creative (except unhiding) and writes one audit row.
 */
let s = servicesClosedAfterEach();

const input = profileInput();

type State = 'pending' | 'published' | 'hidden' | 'rejected';
type Action = 'approve' | 'reject' | 'hide' | 'unhide';
/** The moves that lead from a new, submitted profile to each state. */
const PATH: Record<State, Action[]> = {
	pending: [],
	published: ['approve'],
	hidden: ['approve', 'hide'],
	rejected: ['reject']
};

// Rules as data: start state × move → answer, then (status, hidden) after it.
const TABLE: [State, Action, 'ok' | 'state', string, boolean][] = [
	['pending', 'approve', 'ok', 'published', false],
	['pending', 'reject', 'ok', 'rejected', false],
	['pending', 'hide', 'ok', 'pending', true],
	['pending', 'unhide', 'state', 'pending', false],
	['published', 'approve', 'state', 'published', false],
	['published', 'reject', 'state', 'published', false],
	['published', 'hide', 'ok', 'published', true],
	['published', 'unhide', 'state', 'published', false],
	['hidden', 'approve', 'state', 'published', true],
	['hidden', 'reject', 'state', 'published', true],
	['hidden', 'hide', 'state', 'published', true],
	['hidden', 'unhide', 'ok', 'published', false],
	['rejected', 'approve', 'state', 'rejected', false],
	['rejected', 'reject', 'state', 'rejected', false],
	['rejected', 'hide', 'ok', 'rejected', true],
	['rejected', 'unhide', 'state', 'rejected', false]
];

const AUDIT: Record<Action, string> = {
	approve: 'profile.approved',
	reject: 'profile.rejected',
	hide: 'profile.hidden',
	unhide: 'profile.unhidden'
};

async function submittedProfile() {
	s = await testServices();
	const creativeId = await addCreative(s, 'mara@example.org');
	const { officeId, staff, scope } = await addOfficeLead(s, 'be-bb');
	expect((await saveProfile(s, creativeId, input)).ok).toBe(true);
	expect((await publishProfile(s, creativeId)).ok).toBe(true);
	const profileId = (await ownProfile(s.db, creativeId, s.clock.now()))!.id;
	const move = (action: Action, reason: string | null = 'Passt nicht zu den Regeln.') =>
		moderateProfile(s!, staff, scope, { officeId, profileId, action, reason });
	return { s, creativeId, officeId, profileId, scope, staff, move };
}

async function written(t: TestServices, profileId: number) {
	const [mails, audits] = await Promise.all([
		t.db.selectFrom('outbox').select('template').where('to_address', '=', 'mara@example.org').execute(),
		t.db
			.selectFrom('audit_event')
			.select('action')
			.where('subject_kind', '=', 'profile')
			.where('subject_id', '=', String(profileId))
			.where('action', 'like', 'profile.%')
			.execute()
	]);
	return { mails: mails.map((m) => m.template), audits: audits.map((a) => a.action) };
}

describe('profile moderation, state × move', () => {
	for (const [state, action, answer, status, hidden] of TABLE)
		it(`${state} + ${action} → ${answer}`, async () => {
			const { s: t, profileId, move } = await submittedProfile();
			for (const step of PATH[state]) expect((await move(step)).ok).toBe(true);
			const before = await written(t, profileId);
			const r = await move(action);
			expect(r).toEqual(answer === 'ok' ? { ok: true } : { ok: false, reason: 'state' });
			const row = await t.db
				.selectFrom('profile')
				.select(['status', 'hidden_at', 'hidden_reason', 'reject_reason'])
				.where('id', '=', profileId)
				.executeTakeFirstOrThrow();
			expect({ status: row.status, hidden: row.hidden_at !== null }).toEqual({ status, hidden });
			const after = await written(t, profileId);
			if (answer === 'state') {
				expect(after).toEqual(before);
				return;
			}
			expect(after.audits.slice(before.audits.length)).toEqual([AUDIT[action]]);
			const outcome = { approve: 'approved', reject: 'rejected', hide: 'hidden', unhide: null }[action];
			expect(after.mails.slice(before.mails.length)).toEqual(
				outcome ? [`visibility.profile_${outcome}`] : []
			);
			if (action === 'reject') expect(row.reject_reason).toBe('Passt nicht zu den Regeln.');
			if (action === 'hide') expect(row.hidden_reason).toBe('Passt nicht zu den Regeln.');
		});

	it('another office cannot move the profile, and its queue is empty', async () => {
		const { s: t, officeId, profileId, staff } = await submittedProfile();
		const elsewhere = mintScope(false, [officeId + 1000]);
		const before = await written(t, profileId);
		for (const action of ['approve', 'reject', 'hide', 'unhide'] as const)
			expect(await moderateProfile(t, staff, elsewhere, { officeId, profileId, action })).toEqual({
				ok: false,
				reason: 'not_found'
			});
		expect(await moderationOverview(t.db, elsewhere, officeId)).toEqual({
			pending: [],
			reported: [],
			hidden: [],
			publishedCount: 0
		});
		expect(await written(t, profileId)).toEqual(before);
	});

	it('hiding resolves the open reports; the queue moves the profile from reported to hidden', async () => {
		const { s: t, officeId, profileId, scope, move } = await submittedProfile();
		expect((await move('approve')).ok).toBe(true);
		const report = await reportProfile(t, {
			profileId,
			reason: 'Werbung für etwas anderes.',
			clientAddress: '192.0.2.7'
		});
		expect(report.ok).toBe(true);
		expect((await moderationOverview(t.db, scope, officeId)).reported.map((p) => p.id)).toEqual([profileId]);
		expect((await move('hide')).ok).toBe(true);
		const open = await t.db
			.selectFrom('profile_report')
			.select(['resolution'])
			.where('profile_id', '=', profileId)
			.execute();
		expect(open.map((r) => r.resolution)).toEqual(['hidden']);
		const queue = await moderationOverview(t.db, scope, officeId);
		expect(queue.reported).toEqual([]);
		expect(queue.hidden.map((p) => p.id)).toEqual([profileId]);
		expect(queue.publishedCount).toBe(0);
	});
});
