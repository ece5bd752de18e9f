import { describe, expect, it } from 'vitest';
import { testServices } from '../../../../tests/support/test-database';
import { bookingFixture } from '../../../../tests/support/booking-fixtures';
import { confirmedBooking, consultant, officeScope } from '../../../../tests/support/case-fixtures';
import { recordConsultation } from '../cases/record';
import { eraseCreative } from './erase';
import { exportCreative } from './export';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

let s = servicesClosedAfterEach();

/** Issue 4 acceptance: the export holds all of my case rows and none of anyone else's. */
describe('case data in export and erasure', () => {
	it('exports my case, records with notes and steps only; erasure keeps the statistics and drops the words', async () => {
		s = await testServices();
		const f = await bookingFixture(s);
		const scope = officeScope(f.officeId);
		const mine = await confirmedBooking(s, f, {
			day: '2026-06-16',
			email: 'anna@example.org',
			name: 'Anna A',
			notesConsent: true
		});
		const theirs = await confirmedBooking(s, f, {
			day: '2026-06-16',
			email: 'bert@example.org',
			name: 'Bert B',
			notesConsent: true
		});
		for (const [b, secret] of [
			[mine, 'Geheimnis von Anna'],
			[theirs, 'Geheimnis von Bert']
		] as const) {
			const r = await recordConsultation(
				s,
				consultant(f),
				scope,
				{
					caseId: b.caseId,
					bookingId: null,
					heldAt: null,
					format: 'phone',
					topics: ['finanzierung'],
					outcome: 'plan_agreed',
					situation: secret,
					advice: null,
					followUpWeeks: null,
					share: { advice: false, steps: true, referrals: true },
					steps: [{ text: `Schritt: ${secret}`, owner: 'creative', dueOn: null }],
					referralServiceIds: [],
					idempotencyKey: null
				},
				async () => []
			);
			expect(r.ok).toBe(true);
		}
		const anna = await s.db
			.selectFrom('creative')
			.select('id')
			.where('email', '=', 'anna@example.org')
			.executeTakeFirstOrThrow();
		const exported = await exportCreative(s.db, Number(anna.id), s.clock.now());
		const text = JSON.stringify(exported);
		expect(exported?.case_file).toHaveLength(1);
		expect(exported?.consultation_record).toHaveLength(1);
		expect(exported?.next_step).toHaveLength(1);
		expect(exported?.case_event.length).toBeGreaterThan(0);
		expect(text).toContain('Geheimnis von Anna');
		const i = text.indexOf('Bert B');
		expect(i).toBe(-1);
		expect(text).not.toContain('Geheimnis von Bert');
		expect(text).not.toContain('bert@example.org');
		expect(text).not.toContain('token_hash');

		const erased = await eraseCreative(s, Number(anna.id));
		expect(erased.ok).toBe(true);
		const cases = await s.db.selectFrom('case_file').selectAll().orderBy('id').execute();
		// The erased case closes with the reason "erased" and leaves the caseload (issue 13).
		expect(
			cases.map((c) => [c.name, c.status, c.close_reason, c.next_contact_due_at === null, c.submarket])
		).toEqual([
			['', 'closed', 'erased', true, 'design'],
			['Bert B', 'open', null, false, 'design']
		]);
		const records = await s.db.selectFrom('consultation_record').selectAll().orderBy('id').execute();
		expect(records.map((r) => [r.situation, r.outcome])).toEqual([
			[null, 'plan_agreed'],
			['Geheimnis von Bert', 'plan_agreed']
		]);
		const steps = await s.db.selectFrom('next_step').select('text').orderBy('id').execute();
		expect(steps.map((x) => x.text)).toEqual(['', 'Schritt: Geheimnis von Bert']);
		expect(await exportCreative(s.db, Number(anna.id), s.clock.now())).toBeNull();
	});
});
