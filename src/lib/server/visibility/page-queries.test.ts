import { describe, expect, it } from 'vitest';
import { addCreative } from '../../../../tests/support/creative-fixtures';
import { addOfficeLead } from '../../../../tests/support/identity-fixtures';
import { type TestServices, testServices } from '../../../../tests/support/test-database';
import { profileInput } from '../../../../tests/support/visibility-fixtures';
import { moderateProfile } from './moderation';
import { ownProfilePage, publicProfilePage, requestFormPage } from './page-queries';
import { ownProfile, publishProfile, saveProfile } from './profiles';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

/** Issue 17: the visibility pages as one read each, on a migrated database. */
let s = servicesClosedAfterEach();

const at = (svc: TestServices, locale: 'de' | 'en') => ({
	locale,
	now: svc.clock.now(),
	publicBaseUrl: 'https://kreativlotse.example'
});

describe('ownProfilePage and requestFormPage', () => {
	it.each([
		['de', 'Berlin'],
		['en', 'Berlin']
	] as const)('name the choices and the consent in the visitor’s language (%s)', async (locale, berlin) => {
		s = await testServices();
		const creativeId = await addCreative(s, 'kim@example.org');
		const own = await ownProfilePage(s.db, creativeId, locale, s.clock.now());
		const form = await requestFormPage(s.db, locale);
		expect(own.profile).toBeNull();
		for (const page of [own, form]) {
			expect(page.laender).toHaveLength(16);
			expect(page.laender).toContainEqual({ iso: 'DE-BE', name: berlin });
			expect(page.submarkets.every((c) => Object.keys(c).join() === 'key,name')).toBe(true);
			expect(page.submarkets.map((c) => c.key)).toContain('design');
			expect(page.consentText.length).toBeGreaterThan(20);
		}
		expect(own.consentText).not.toBe(form.consentText);
	});
});

describe('publicProfilePage', () => {
	it('is null until the profile is published and approved, then names its sub-markets and has its JSON-LD', async () => {
		s = await testServices();
		const creativeId = await addCreative(s, 'kim@example.org');
		expect((await saveProfile(s, creativeId, profileInput())).ok).toBe(true);
		const { id } = (await ownProfile(s.db, creativeId, s.clock.now()))!;
		expect(await publicProfilePage(s.db, id, at(s, 'de'))).toBeNull();
		await publishProfile(s, creativeId);
		const lead = await addOfficeLead(s, 'be-bb');
		const approved = await moderateProfile(s, lead.staff, lead.scope, {
			officeId: lead.officeId,
			profileId: id,
			action: 'approve'
		});
		expect(approved.ok).toBe(true);
		const page = await publicProfilePage(s.db, id, at(s, 'en'));
		expect(page?.profile).toMatchObject({ id, displayName: 'Mara Mond', submarkets: ['design'] });
		expect(page?.profile.submarketNames).toEqual(['Design industry']);
		expect(page?.jsonLd).toContain('https://kreativlotse.example/kreative/');
		expect(page?.jsonLd).not.toContain('kim@example.org');
		expect(page?.relayConsent.length).toBeGreaterThan(20);
		expect(await publicProfilePage(s.db, id + 1000, at(s, 'en'))).toBeNull();
	});
});
