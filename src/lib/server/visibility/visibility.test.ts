import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { addCreative } from '../../../../tests/support/creative-fixtures';
import { type TestServices, testServices } from '../../../../tests/support/test-database';
import {
	approvedProfile,
	profileInput,
	proposeProfile,
	requestSubmission
} from '../../../../tests/support/visibility-fixtures';
import { DAY } from '../../time/durations';
import { mintScope } from '../access/scope';
import { addOfficeLead } from '../../../../tests/support/identity-fixtures';
import { eraseCreative } from '../privacy/erase';
import { exportCreative } from '../privacy/export';
import {
	introductionsForTimeline,
	respondToIntroduction,
	staffIntroductionAction,
	visibilityFigures
} from './introductions';
import { runOpenForProjectsJobs } from './jobs';
import { moderateProfile, moderationOverview } from './moderation';
import { ownProfile, publishProfile, saveProfile, setProfileImage, unpublishProfile } from './profiles';
import {
	apiProfiles,
	publicProfile,
	publicProfileImage,
	relayContact,
	reportProfile,
	searchProfiles
} from './public';
import {
	confirmRequest,
	expressInterest,
	INTERESTS_PER_CREATIVE_HOUR,
	moderateRequest,
	publicRequest,
	submitRequest
} from './requests';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';
import { openedCaseRow } from '../../../../tests/support/case-file-row';

let s = servicesClosedAfterEach();

const input = profileInput({
	kind: 'studio',
	displayName: 'Studio Nordlicht',
	bio: 'Grafik und Illustration für Kultur.',
	services: ['Illustration', 'Corporate Design'],
	links: ['https://nordlicht.example.org/'],
	openForProjects: true
});

async function setup() {
	s = await testServices();
	const creativeId = await addCreative(s, 'kim@example.org');
	return { s, creativeId, ...(await addOfficeLead(s, 'be-bb')) };
}

async function mailsTo(s: TestServices, to: string) {
	return s.db
		.selectFrom('outbox')
		.select(['template', 'text_body', 'html_body'])
		.where('to_address', '=', to)
		.orderBy('id')
		.execute();
}

describe('profiles', () => {
	it('are not public until published, approved, and vanish at once when unpublished or hidden', async () => {
		const { s, creativeId, officeId, staff, scope } = await setup();
		expect((await saveProfile(s, creativeId, input)).ok).toBe(true);
		const own = (await ownProfile(s.db, creativeId, s.clock.now()))!;
		const jpegBytes = jpeg.encode({ data: Buffer.alloc(4 * 4 * 4, 90), width: 4, height: 4 }, 80).data;
		expect((await setProfileImage(s, creativeId, { bytes: jpegBytes, alt: 'Logo' })).ok).toBe(true);
		const isPublic = async () => ({
			page: (await publicProfile(s.db, own.id, s.clock.now())) !== null,
			image: (await publicProfileImage(s.db, own.id)) !== null,
			search: (await searchProfiles(s.db, { q: 'nordlicht' }, s.clock.now())).total,
			api: (await apiProfiles(s.db, 'https://kl.example', s.clock.now())).profiles.length
		});
		const hiddenEverywhere = { page: false, image: false, search: 0, api: 0 };
		expect(await isPublic()).toEqual(hiddenEverywhere);

		expect((await publishProfile(s, creativeId)).ok).toBe(true);
		expect(await isPublic()).toEqual(hiddenEverywhere);
		const queue = await moderationOverview(s.db, scope, officeId);
		expect(queue.pending.map((p) => p.id)).toEqual([own.id]);
		// Another office's scope sees nothing and cannot act.
		expect(
			await moderateProfile(s, staff, mintScope(false, [999]), {
				officeId,
				profileId: own.id,
				action: 'approve'
			})
		).toEqual({ ok: false, reason: 'not_found' });
		expect(
			(await moderateProfile(s, staff, scope, { officeId, profileId: own.id, action: 'approve' })).ok
		).toBe(true);
		expect(
			await moderateProfile(s, staff, scope, { officeId, profileId: own.id, action: 'approve' })
		).toEqual({ ok: false, reason: 'state' });
		expect(await isPublic()).toEqual({ page: true, image: true, search: 1, api: 1 });
		const api = await apiProfiles(s.db, 'https://kl.example', s.clock.now());
		expect(JSON.stringify(api)).not.toContain('kim@example.org');
		expect(
			(
				await searchProfiles(
					s.db,
					{ submarket: 'design', land: 'DE-BE', service: 'illustration' },
					s.clock.now()
				)
			).total
		).toBe(1);
		expect((await searchProfiles(s.db, { submarket: 'film' }, s.clock.now())).total).toBe(0);

		expect((await unpublishProfile(s, creativeId)).ok).toBe(true);
		expect(await isPublic()).toEqual(hiddenEverywhere);
		expect(
			(
				await relayContact(s, {
					profileId: own.id,
					name: 'A',
					email: 'a@example.org',
					message: 'Hallo Studio!',
					submissionId: 'x'.repeat(12),
					clientAddress: '1.2.3.4'
				})
			).ok
		).toBe(false);

		await publishProfile(s, creativeId);
		await moderateProfile(s, staff, scope, { officeId, profileId: own.id, action: 'approve' });
		expect(
			(await reportProfile(s, { profileId: own.id, reason: 'Falsche Angaben', clientAddress: '1.2.3.4' })).ok
		).toBe(true);
		expect((await moderationOverview(s.db, scope, officeId)).reported).toHaveLength(1);
		await moderateProfile(s, staff, scope, {
			officeId,
			profileId: own.id,
			action: 'hide',
			reason: 'Prüfung'
		});
		expect(await isPublic()).toEqual(hiddenEverywhere);
		const mails = await mailsTo(s, 'kim@example.org');
		expect(mails.map((m) => m.template)).toEqual([
			'visibility.profile_approved',
			'visibility.profile_approved',
			'visibility.profile_hidden'
		]);
	});

	it('relays a contact message to the creative without showing the sender any address, once per submission', async () => {
		const { s, creativeId, officeId, staff, scope } = await setup();
		const { profileId } = await approvedProfile(s, creativeId, { officeId, staff, scope }, input);
		const msg = {
			profileId,
			name: 'Gemeinde Beispiel',
			email: 'kultur@gemeinde.example',
			message: 'Wir suchen ein Plakat.',
			submissionId: 'sub-123456789',
			clientAddress: '1.2.3.4'
		};
		expect(await relayContact(s, msg)).toEqual({ ok: true });
		expect(await relayContact(s, msg)).toEqual({ ok: true });
		const relayed = (await mailsTo(s, 'kim@example.org')).filter((m) => m.template === 'visibility.contact');
		expect(relayed).toHaveLength(1);
		expect(relayed[0]!.text_body).toContain('kultur@gemeinde.example');
		expect(relayed[0]!.text_body).toContain('Wir suchen ein Plakat.');
		expect(await mailsTo(s, 'kultur@gemeinde.example')).toEqual([]);
		// Rate limit per client address: 5 per hour.
		for (let i = 0; i < 4; i++) await relayContact(s, { ...msg, submissionId: `sub-x-${i}-12345` });
		expect((await relayContact(s, { ...msg, submissionId: 'sub-last-123456' })).ok).toBe(false);
	});

	it('reminds once 3 days before "open for projects" lapses and clears it after 30 days', async () => {
		const { s, creativeId } = await setup();
		await saveProfile(s, creativeId, input);
		expect((await ownProfile(s.db, creativeId, s.clock.now()))!.open).toBe(true);
		s.clock.advance(26 * DAY);
		expect(await runOpenForProjectsJobs(s)).toEqual({ openReminders: 0, openExpired: 0 });
		s.clock.advance(1 * DAY + 1000);
		expect(await runOpenForProjectsJobs(s)).toEqual({ openReminders: 1, openExpired: 0 });
		expect(await runOpenForProjectsJobs(s)).toEqual({ openReminders: 0, openExpired: 0 });
		s.clock.advance(3 * DAY);
		expect(await runOpenForProjectsJobs(s)).toEqual({ openReminders: 0, openExpired: 1 });
		expect((await ownProfile(s.db, creativeId, s.clock.now()))!.open).toBe(false);
	});
});

describe('requests and introductions', () => {
	it('brokers an introduction: contact data only after acceptance, outcome counted', async () => {
		const { s, creativeId, officeId, staff, scope } = await setup();
		const { profileId } = await approvedProfile(s, creativeId, { officeId, staff, scope }, input);

		const submitted = await submitRequest(
			s,
			requestSubmission({
				budget_min: 2000,
				budget_max: 5000,
				deadline: '2026-09-01',
				clientAddress: '1.2.3.4'
			})
		);
		expect(submitted.ok).toBe(true);
		if (!submitted.ok) return;
		const requestId = submitted.requestId;
		expect(await publicRequest(s.db, requestId)).toBeNull();
		const confirmMail = (await mailsTo(s, 'amt@potsdam.example'))[0]!;
		const token = /\/gesuche\/bestaetigen\/([A-Za-z0-9_-]+)/.exec(confirmMail.text_body)![1]!;
		expect((await confirmRequest(s, token)).ok).toBe(true);
		expect(
			(await moderateRequest(s, staff, scope, { officeId, requestId, action: 'approve', reason: null })).ok
		).toBe(true);
		expect(await publicRequest(s.db, requestId)).not.toBeNull();
		expect(JSON.stringify(await publicRequest(s.db, requestId))).not.toContain('amt@potsdam.example');

		const lead = { officeId, staff, scope };
		const proposed = await proposeProfile(s, lead, { requestId, creativeId, profileId }, 'Passt gut!');
		expect(proposed.ok).toBe(true);
		expect((await proposeProfile(s, lead, { requestId, creativeId, profileId })).ok).toBe(false);
		const proposal = (await mailsTo(s, 'kim@example.org')).find((m) => m.template === 'visibility.proposal')!;
		expect(proposal.text_body).not.toContain('amt@potsdam.example');
		const introToken = /\/vorstellung\/([A-Za-z0-9_-]+)/.exec(proposal.text_body)![1]!;
		// Before acceptance nobody has the other's address.
		expect(
			(await mailsTo(s, 'amt@potsdam.example')).some((m) => m.text_body.includes('kim@example.org'))
		).toBe(false);

		expect(
			await respondToIntroduction(s, { token: introToken, decision: 'accept', message: 'Gern!' })
		).toEqual({ ok: true, status: 'accepted' });
		expect(await respondToIntroduction(s, { token: introToken, decision: 'decline', message: null })).toEqual(
			{ ok: false, reason: 'answered' }
		);
		const toDm = (await mailsTo(s, 'amt@potsdam.example')).find(
			(m) => m.template === 'visibility.intro_decision_maker'
		)!;
		expect(toDm.text_body).toContain('kim@example.org');
		const toCreative = (await mailsTo(s, 'kim@example.org')).find(
			(m) => m.template === 'visibility.intro_creative'
		)!;
		expect(toCreative.text_body).toContain('amt@potsdam.example');

		const introductionId = proposed.ok ? proposed.introductionId : 0;
		expect(
			(
				await staffIntroductionAction(s, staff, scope, {
					officeId,
					introductionId,
					action: 'outcome',
					outcome: 'cooperation'
				})
			).ok
		).toBe(true);
		const now = s.clock.now().getTime();
		expect(await visibilityFigures(s.db, { officeIds: [officeId], from: now - DAY, to: now + DAY })).toEqual({
			profilesPublished: 1,
			introductionsProposed: 1,
			introductionsAccepted: 1,
			cooperations: 1
		});
		expect(await visibilityFigures(s.db, { officeIds: [], from: 0, to: now + DAY })).toEqual({
			profilesPublished: 0,
			introductionsProposed: 0,
			introductionsAccepted: 0,
			cooperations: 0
		});

		// Case timeline: a case of this creative in this office shows the introduction.
		const t = s.clock.now().getTime();
		const caseRow = await s.db
			.insertInto('case_file')
			.values(
				openedCaseRow(t, {
					office_id: officeId,
					creative_id: creativeId,
					consultant_id: staff.id,
					name: 'Kim',
					land_iso: 'DE-BE',
					submarket: 'design'
				})
			)
			.returning('id')
			.executeTakeFirstOrThrow();
		const events = (await introductionsForTimeline(s.db, Number(caseRow.id))).map((e) => e.event).sort();
		expect(events).toEqual(['introduction.accepted', 'introduction.outcome', 'introduction.proposed']);

		// Export and erasure.
		const exported = (await exportCreative(s.db, creativeId, s.clock.now()))!;
		expect(exported.profile).toHaveLength(1);
		expect(exported.introduction).toHaveLength(1);
		expect((await eraseCreative(s, creativeId)).ok).toBe(true);
		expect(await publicProfile(s.db, profileId, s.clock.now())).toBeNull();
		const after = await s.db
			.selectFrom('profile')
			.select(['display_name', 'erased_at'])
			.where('id', '=', profileId)
			.executeTakeFirstOrThrow();
		expect(after.display_name).toBe('');
		expect(after.erased_at).not.toBeNull();
		const intro = await s.db
			.selectFrom('introduction')
			.select(['creative_message', 'outcome'])
			.executeTakeFirstOrThrow();
		expect(intro).toEqual({ creative_message: null, outcome: 'cooperation' });
	});
});

describe('interest in requests', () => {
	it('is rate limited per creative', async () => {
		const { s, creativeId } = await setup();
		for (let i = 0; i < INTERESTS_PER_CREATIVE_HOUR; i++) {
			expect(await expressInterest(s, creativeId, { requestId: 999_999, message: '' })).toEqual({
				ok: false,
				reason: 'not_found'
			});
		}
		expect(await expressInterest(s, creativeId, { requestId: 999_999, message: '' })).toMatchObject({
			ok: false,
			reason: 'throttled'
		});
	});
});
