import { expect, it } from 'vitest';
import { addCreative } from '../../../../tests/support/creative-fixtures';
import { addOfficeLead } from '../../../../tests/support/identity-fixtures';
import { testServices } from '../../../../tests/support/test-database';
import { profileInput } from '../../../../tests/support/visibility-fixtures';
import { eraseCreative } from '../privacy/erase';
import { moderateProfile } from './moderation';
import { ownProfile, publishProfile, saveProfile, unpublishProfile } from './profiles';
import { searchProfiles } from './public';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

/**
 * Issue 14: a text-only search on /kreative counts its matches from the search index alone,
 * which is exact only while the index holds exactly the listed profiles. Every way a profile
 * leaves (or never reaches) the list is here; the count must agree with the list and with the
 * count that reads every profile row (any other filter takes that path).
 */
let s = servicesClosedAfterEach();

type Fate = 'published' | 'pending' | 'draft' | 'hidden' | 'rejected' | 'unpublished' | 'erased';
const FATES: [string, Fate][] = [
	['Nordlicht Anna', 'published'],
	['Nordlicht Berta', 'published'],
	['Nordlicht Clara', 'pending'],
	['Nordlicht Dora', 'draft'],
	['Nordlicht Emil', 'hidden'],
	['Nordlicht Fritz', 'rejected'],
	['Nordlicht Greta', 'unpublished'],
	['Nordlicht Hanna', 'erased']
];

it('a text-only search counts exactly the listed profiles, whatever became of the others', async () => {
	s = await testServices();
	const t = s;
	const { officeId, staff, scope } = await addOfficeLead(t, 'be-bb');
	for (const [i, [displayName, fate]] of FATES.entries()) {
		const creativeId = await addCreative(t, `person${i}@example.org`);
		expect((await saveProfile(t, creativeId, profileInput({ displayName }))).ok).toBe(true);
		if (fate === 'draft') continue;
		expect((await publishProfile(t, creativeId)).ok).toBe(true);
		const profileId = (await ownProfile(t.db, creativeId, t.clock.now()))!.id;
		const move = (action: 'approve' | 'reject' | 'hide') =>
			moderateProfile(t, staff, scope, { officeId, profileId, action, reason: 'Passt nicht.' });
		if (fate === 'pending') continue;
		if (fate === 'rejected') {
			expect((await move('reject')).ok).toBe(true);
			continue;
		}
		expect((await move('approve')).ok).toBe(true);
		if (fate === 'hidden') expect((await move('hide')).ok).toBe(true);
		if (fate === 'unpublished') expect((await unpublishProfile(t, creativeId)).ok).toBe(true);
		if (fate === 'erased') expect((await eraseCreative(t, creativeId)).ok).toBe(true);
	}
	const now = t.clock.now();
	const byText = await searchProfiles(t.db, { q: 'nordlicht' }, now);
	const byRows = await searchProfiles(t.db, { q: 'nordlicht', land: 'DE-BE' }, now);
	const listed = FATES.filter(([, fate]) => fate === 'published').map(([name]) => name);
	expect(byText.profiles.map((p) => p.displayName)).toEqual(listed);
	expect({ text: byText.total, rows: byRows.total }).toEqual({ text: listed.length, rows: listed.length });
	// Another filter is never dropped: no listed profile is in Hamburg.
	expect((await searchProfiles(t.db, { q: 'nordlicht', land: 'DE-HH' }, now)).total).toBe(0);
	// A prefix as people type, and a word nobody used.
	expect((await searchProfiles(t.db, { q: 'nordl' }, now)).total).toBe(listed.length);
	expect((await searchProfiles(t.db, { q: 'südwind' }, now)).total).toBe(0);
	// No filter at all: the index's own count is the list's length, and agrees with the count
	// over the profile rows (an open-only filter that every listed profile passes would not).
	const all = await searchProfiles(t.db, {}, now);
	expect(all.total).toBe(listed.length);
	expect(all.profiles.map((p) => p.displayName)).toEqual(listed);
	expect((await searchProfiles(t.db, { land: 'DE-BE' }, now)).total).toBe(listed.length);
	// Past the cap the count stops and says "more", on each of the three ways of counting; at the
	// cap it is exact.
	for (const filters of [{ q: 'nordlicht' }, { q: 'nordlicht', land: 'DE-BE' }, {}]) {
		const capped = await searchProfiles(t.db, filters, now, 1, listed.length - 1);
		expect({ total: capped.total, more: capped.more }).toEqual({ total: listed.length - 1, more: true });
		const exact = await searchProfiles(t.db, filters, now, 1, listed.length);
		expect({ total: exact.total, more: exact.more }).toEqual({ total: listed.length, more: false });
	}
});
