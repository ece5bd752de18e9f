import { describe, expect, it } from 'vitest';
import { bookingFixture } from '../../../../tests/support/booking-fixtures';
import { confirmedBooking } from '../../../../tests/support/case-fixtures';
import { testServices } from '../../../../tests/support/test-database';
import { followUpPage, readFollowUpSlot } from './follow-up-queries';
import { creativeIdOf } from '../../../../tests/support/portal-fixtures';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

/** Issue 17: the portal's follow-up page as one read (which case, why nothing, which slots). */
let s = servicesClosedAfterEach();

/** Kim and Alex each with a case from a first talk on 16 June; `talked`: the talks took place. */
async function setup(talked = true) {
	s = await testServices();
	const f = await bookingFixture(s);
	const kim = await confirmedBooking(s, f, { day: '2026-06-16', email: 'kim@example.org' });
	const alex = await confirmedBooking(s, f, { day: '2026-06-16', email: 'alex@example.org', name: 'Alex' });
	if (talked) await s.db.updateTable('booking').set({ status: 'attended' }).execute();
	return { s, kim: await creativeIdOf(s, 'kim@example.org'), kimCase: kim.caseId, alexCase: alex.caseId };
}

describe('followUpPage', () => {
	it('two weeks of the consultant’s slots by Berlin day, from ?ab=, with the weeks around', async () => {
		const { s, kim, kimCase } = await setup();
		const page = await followUpPage(s.db, kim, { fall: null, ab: '2026-06-17' }, s.clock.now());
		expect(page?.case?.id).toBe(kimCase);
		expect(page?.week).toMatchObject({
			from: '2026-06-17',
			to: '2026-06-30',
			today: '2026-06-15',
			earlier: '2026-06-15',
			later: '2026-07-01'
		});
		const days = page!.week!.days;
		expect(days.length).toBeGreaterThan(0);
		expect(days.map((d) => d.date)).toEqual([...new Set(days.map((d) => d.date))].sort());
		for (const slot of days.flatMap((d) => d.slots))
			expect(readFollowUpSlot(slot.value)).toEqual({ start: slot.start, format: slot.format });
	});

	it.each([
		['another creative’s case', 'alex', null],
		['an unknown case', 'unknown', null],
		['a case without a talk yet', 'kim-no-talk', { noTalk: true, case: null, week: null }],
		['no case asked, none with a talk yet', 'none-no-talk', { noTalk: true, case: null, week: null }]
	] as const)('%s', async (_, which, expected) => {
		const { s, kim, kimCase, alexCase } = await setup(!which.includes('no-talk'));
		const fall = {
			alex: String(alexCase),
			unknown: '999999',
			'kim-no-talk': String(kimCase),
			'none-no-talk': null
		}[which];
		const page = await followUpPage(s.db, kim, { fall, ab: null }, s.clock.now());
		if (expected === null) expect(page).toBeNull();
		else expect(page).toMatchObject(expected);
	});
});

describe('readFollowUpSlot', () => {
	it.each([
		['1781683200000:office', { start: 1781683200000, format: 'office' }],
		['1781683200000:video', { start: 1781683200000, format: 'video' }],
		['1781683200000:sprechtag', null],
		['17816:office', null],
		['', null]
	])('%s → %o', (value, expected) => {
		expect(readFollowUpSlot(value)).toEqual(expected);
	});
});
