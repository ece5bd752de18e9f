import { describe, expect, it } from 'vitest';
import { addCreative } from '../../../../tests/support/creative-fixtures';
import { testServices } from '../../../../tests/support/test-database';
import { DAY } from '../../time/durations';
import { addOfficeLead } from '../../../../tests/support/identity-fixtures';
import { approvedProfile, profileInput } from '../../../../tests/support/visibility-fixtures';
import { visibilityFigures } from './visibility';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

let s = servicesClosedAfterEach();

/** Issue 6: the "Sichtbarkeit" figures come from issue 7's tables, narrowed by office and Land. */
describe('visibility figures on the dashboard', () => {
	it('counts a profile approved in the period for its office and Land, and nowhere else', async () => {
		s = await testServices();
		const t = s.clock.now().getTime();
		const creativeId = await addCreative(s, 'kim@example.org');
		const { officeId, staff, scope } = await addOfficeLead(s, 'be-bb');
		const { approved } = await approvedProfile(
			s,
			creativeId,
			{ officeId, staff, scope },
			profileInput({
				kind: 'studio',
				displayName: 'Studio Nordlicht',
				bio: 'Grafik und Illustration für Kultur.'
			})
		);
		expect(approved.ok).toBe(true);

		const period = { start: t - DAY, end: t + DAY };
		const count = async (officeIds: number[] | null, land: string | null, p = period) =>
			(await visibilityFigures(s!.db, { officeIds, land, ...p })).profilesPublished;
		expect(await count(null, null)).toBe(1);
		expect(await count([officeId], null)).toBe(1);
		expect(await count(null, 'DE-BB')).toBe(1);
		expect(await count(null, 'DE-BY')).toBe(0);
		expect(await count([officeId + 1], null)).toBe(0);
		expect(await count(null, null, { start: t + DAY, end: t + 2 * DAY })).toBe(0);
		expect((await visibilityFigures(s.db, { officeIds: null, land: null, ...period })).available).toBe(true);
	});
});
