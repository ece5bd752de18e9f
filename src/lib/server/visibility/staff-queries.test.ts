import { describe, expect, it } from 'vitest';
import { addCreative } from '../../../../tests/support/creative-fixtures';
import { addOfficeLead } from '../../../../tests/support/identity-fixtures';
import { testServices } from '../../../../tests/support/test-database';
import {
	profileInput,
	proposeProfile,
	requestSubmission
} from '../../../../tests/support/visibility-fixtures';
import { mintScope } from '../access/scope';
import { moderateProfile } from './moderation';
import { ownProfile, publishProfile, saveProfile } from './profiles';
import { confirmRequest, moderateRequest, submitRequest } from './requests';
import { requestDesk, visibilityDesk } from './staff-queries';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

/**
 * Issue 17: the office's two visibility pages each read one view. The views compose reads that
 * have their own tests; these hold what the pages rely on — the office's scope bounds both, a
 * request's candidates are searched only on demand, and what was brokered shows on the request.
 */
let s = servicesClosedAfterEach();

async function officeWithRequestAndProfile() {
	s = await testServices();
	const { officeId, staff, scope } = await addOfficeLead(s, 'be-bb');
	const submitted = await submitRequest(s, requestSubmission());
	if (!submitted.ok) throw new Error('the request was refused');
	const mail = await s.db
		.selectFrom('outbox')
		.select('text_body')
		.where('to_address', '=', 'amt@potsdam.example')
		.executeTakeFirstOrThrow();
	const token = /\/gesuche\/bestaetigen\/([A-Za-z0-9_-]+)/.exec(mail.text_body)![1]!;
	expect((await confirmRequest(s, token)).ok).toBe(true);
	const requestId = submitted.requestId;
	const creativeId = await addCreative(s, 'mara@example.org');
	expect((await saveProfile(s, creativeId, profileInput({ displayName: 'Mara Mond' }))).ok).toBe(true);
	expect((await publishProfile(s, creativeId)).ok).toBe(true);
	const profileId = (await ownProfile(s.db, creativeId, s.clock.now()))!.id;
	return { s, officeId, staff, scope, requestId, creativeId, profileId };
}

describe('visibilityDesk', () => {
	it("shows the office's profiles to review and its requests, and nothing to another office", async () => {
		const { s, officeId, scope, requestId, profileId } = await officeWithRequestAndProfile();
		const desk = await visibilityDesk(s.db, scope, officeId);
		expect(desk.overview.pending.map((p) => p.id)).toEqual([profileId]);
		expect(desk.requests.map((r) => [r.id, r.status, r.decisionMaker.email])).toEqual([
			[requestId, 'pending', 'amt@potsdam.example']
		]);
		expect(await visibilityDesk(s.db, mintScope(false, [999]), officeId)).toEqual({
			overview: { pending: [], reported: [], hidden: [], publishedCount: 0 },
			requests: []
		});
	});
});

describe('requestDesk', () => {
	it('searches candidates only when asked, shows brokered introductions, offers active sub-markets', async () => {
		const { s, officeId, staff, scope, requestId, creativeId, profileId } =
			await officeWithRequestAndProfile();
		expect((await moderateProfile(s, staff, scope, { officeId, profileId, action: 'approve' })).ok).toBe(
			true
		);
		expect(
			(await moderateRequest(s, staff, scope, { officeId, requestId, action: 'approve', reason: null })).ok
		).toBe(true);

		const unsearched = await requestDesk(s.db, scope, officeId, requestId, 'de', null);
		expect(unsearched.candidates).toBeNull();
		expect(unsearched.introductions).toEqual([]);
		expect(unsearched.submarkets.length).toBeGreaterThan(0);
		expect(Object.keys(unsearched.submarkets[0]!).sort()).toEqual(['key', 'name']);
		expect(unsearched.submarkets.map((m) => m.key)).toContain('design');

		const search = { q: 'mond', submarket: null };
		const found = await requestDesk(s.db, scope, officeId, requestId, 'de', search);
		expect(found.candidates?.map((c) => [c.name, c.source, c.alreadyIntroduced])).toEqual([
			['Mara Mond', 'profile', false]
		]);
		expect(
			(await requestDesk(s.db, scope, officeId, requestId, 'de', { q: 'niemand', submarket: null }))
				.candidates
		).toEqual([]);

		const proposed = await proposeProfile(
			s,
			{ officeId, staff, scope },
			{ requestId, creativeId, profileId }
		);
		expect(proposed.ok).toBe(true);
		const after = await requestDesk(s.db, scope, officeId, requestId, 'de', search);
		expect(after.introductions.map((n) => [n.name, n.origin, n.status])).toEqual([
			['Mara Mond', 'consultant', 'proposed']
		]);
		expect(after.candidates?.map((c) => c.alreadyIntroduced)).toEqual([true]);

		const elsewhere = await requestDesk(s.db, mintScope(false, [999]), officeId, requestId, 'de', search);
		expect({ ...elsewhere, submarkets: [] }).toEqual({ candidates: [], introductions: [], submarkets: [] });
	});
});
