import { describe, expect, it } from 'vitest';
import { testServices } from '../../../../tests/support/test-database';
import { bookingFixture } from '../../../../tests/support/booking-fixtures';
import { confirmedBooking, consultant, lead, officeScope } from '../../../../tests/support/case-fixtures';
import { addDays } from '../../time/berlin';
import { followUpSlotSchema } from './follow-up-schema';
import { staffFollowUpWeeks } from './follow-up-queries';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

/** The staff follow-up page's read and form (issue 17), against a real database. */
let s = servicesClosedAfterEach();

describe('staffFollowUpWeeks', () => {
	it('offers nothing before a talk, then two weeks of the consultant’s slots by day; others get null', async () => {
		s = await testServices();
		const f = await bookingFixture(s);
		const b = await confirmedBooking(s, f, { day: '2026-06-16', email: 'kim@example.org' });
		const scope = officeScope(f.officeId);
		const weeks = (actor = consultant(f), asked: string | null = null, officeId = f.officeId) =>
			staffFollowUpWeeks(s!.db, actor, scope, officeId, b.caseId, asked, s!.clock.now());

		expect(await weeks()).toMatchObject({
			case: { id: b.caseId, name: 'Kim Kreativ', consultantName: 'Berta Beraterin' },
			noTalk: true,
			from: '2026-06-15',
			next: '2026-06-29',
			days: []
		});
		await s.db.updateTable('booking').set({ status: 'attended' }).where('id', '=', b.bookingId).execute();
		const offered = (await weeks(lead(1), '2026-06-22'))!;
		expect(offered.noTalk).toBe(false);
		expect(offered.from).toBe('2026-06-22');
		expect(offered.next).toBe(addDays('2026-06-22', 14));
		expect(offered.days[0]!.day).toBe('2026-06-22');
		expect(offered.days.every((d) => d.day >= '2026-06-22' && d.day < '2026-07-06')).toBe(true);
		expect(new Set(offered.days[0]!.slots.map((x) => x.format))).toEqual(
			new Set(['office', 'phone', 'video'])
		);
		// A day in the past starts today.
		expect((await weeks(consultant(f), '2026-06-01'))!.from).toBe('2026-06-15');

		expect(await weeks(consultant(f, 'second'))).toBeNull();
		expect(await weeks(lead(1), null, f.officeId + 1)).toBeNull();
	});
});

describe('followUpSlotSchema', () => {
	it.each([
		{
			form: { slot: '1781596800000:phone', idempotencyKey: 'k' },
			ok: { start: 1781596800000, format: 'phone', idempotencyKey: 'k' }
		},
		{
			form: { slot: '1781596800000:video', idempotencyKey: '' },
			ok: { start: 1781596800000, format: 'video', idempotencyKey: null }
		},
		{ form: { slot: '1781596800000:sprechtag', idempotencyKey: '' }, ok: null },
		{ form: { slot: 'morgen', idempotencyKey: '' }, ok: null }
	])('$form.slot', ({ form, ok }) => {
		const r = followUpSlotSchema.safeParse(form);
		expect(r.success ? r.data : null).toEqual(ok);
	});
});
