import { describe, expect, it } from 'vitest';
import { testServices } from '../../../../tests/support/test-database';
import { bookingFixture } from '../../../../tests/support/booking-fixtures';
import {
	confirmedBooking,
	consultant,
	noReferrals,
	officeScope,
	recordInput,
	kimWithNotesConsent
} from '../../../../tests/support/case-fixtures';
import { loadCase } from '../cases/load';
import { recordConsultation } from '../cases/record';
import { exportCreative } from './export';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

/** Issue 13, part 6: the export says who handled the person's data, what was mailed about them, and to whom. */
let s = servicesClosedAfterEach();

describe('export: access log, mails about me, recipients', () => {
	it('lists staff actions on my case and bookings without staff names or details, and nothing about others', async () => {
		s = await testServices();
		const f = await bookingFixture(s);
		const kim = await kimWithNotesConsent(s, f);
		const ole = await confirmedBooking(s, f, {
			day: '2026-06-17',
			email: 'ole@example.org',
			name: 'Ole Otto'
		});
		for (const caseId of [kim.caseId, ole.caseId]) {
			const r = await recordConsultation(
				s,
				consultant(f),
				officeScope(f.officeId),
				recordInput(caseId),
				noReferrals
			);
			expect(r.ok).toBe(true);
		}
		const creativeId = (await loadCase(s.db, kim.caseId))!.creativeId;
		const out = await exportCreative(s.db, creativeId, s.clock.now());
		expect(out).not.toBeNull();
		const office = await s.db
			.selectFrom('office')
			.select('name')
			.where('id', '=', f.officeId)
			.executeTakeFirstOrThrow();
		const consultantRow = await s.db
			.selectFrom('staff_user')
			.select('name')
			.where('id', '=', f.consultantId)
			.executeTakeFirstOrThrow();

		const staffRows = out!.access_log.filter((r) => r.role !== 'system');
		expect(staffRows.length).toBeGreaterThan(0);
		expect(staffRows).toContainEqual(expect.objectContaining({ office: office.name, role: 'consultant' }));
		for (const row of out!.access_log)
			expect(Object.keys(row).sort()).toEqual(['action', 'at', 'office', 'role']);
		const raw = JSON.stringify(out!.access_log);
		expect(raw).not.toContain(f.consultantEmail);
		expect(raw).not.toContain(consultantRow.name);

		// Ole's case has the same actions: counting rows shows none of them leaked into Kim's export.
		const aboutKim = await s.db
			.selectFrom('audit_event')
			.select('id')
			.where('actor_kind', 'in', ['staff', 'system'])
			.where((eb) =>
				eb.or([
					eb.and([eb('subject_kind', '=', 'case'), eb('subject_id', '=', String(kim.caseId))]),
					eb.and([eb('subject_kind', '=', 'booking'), eb('subject_id', '=', String(kim.bookingId))])
				])
			)
			.execute();
		expect(out!.access_log).toHaveLength(aboutKim.length);

		const staffMails = await s.db
			.selectFrom('outbox')
			.select(['subject'])
			.where('to_address', '!=', 'kim@example.org')
			.where('subject_kind', '=', 'booking')
			.where('subject_id', '=', String(kim.bookingId))
			.execute();
		expect(staffMails.length).toBeGreaterThan(0);
		expect(out!.mails_about_me.map((m) => m.subject)).toEqual(staffMails.map((m) => m.subject));
		for (const m of out!.mails_about_me)
			expect(Object.keys(m).sort()).toEqual(['created_at', 'sent_at', 'status', 'subject']);

		expect(out!.recipients.offices).toEqual([office.name]);
		expect(out!.recipients.consultants).toEqual([consultantRow.name]);
		expect(out!.recipients.contact_points).toEqual([]);
	});
});
