import { describe, expect, it } from 'vitest';
import { testServices } from '../../../../tests/support/test-database';
import { bookingFixture } from '../../../../tests/support/booking-fixtures';
import {
	confirmedBooking,
	consultant,
	lead,
	officeScope,
	kimWithNotesConsent
} from '../../../../tests/support/case-fixtures';
import { DAY } from '../../time/durations';
import { casePage, openCasePage, recordPage } from './page-queries';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

/** The staff case page as one read, against a real database (issue 17). */
let s = servicesClosedAfterEach();

describe('casePage', () => {
	it('shows the responsible consultant and the lead the case; the booked talk is next, then recordable', async () => {
		s = await testServices();
		const f = await bookingFixture(s);
		const b = await confirmedBooking(s, f, { day: '2026-06-16', email: 'kim@example.org' });
		await s.db.updateTable('case_file').set({ stage: 'idee' }).where('id', '=', b.caseId).execute();
		const scope = officeScope(f.officeId);
		const read = (actor = consultant(f)) =>
			casePage(s!.db, actor, scope, f.officeId, b.caseId, s!.clock.now(), 'de');

		const before = await read();
		expect(before).not.toBeNull();
		expect(before!.isLead).toBe(false);
		expect(before!.case).toMatchObject({ id: b.caseId, consultantId: f.consultantId });
		expect(before!.upcoming).toMatchObject({ id: b.bookingId, start: b.start, status: 'confirmed' });
		expect(before!.recordable).toEqual([]);
		expect(before!.today).toBe('2026-06-15');
		// Hand-over offers the others, merging is for leads.
		expect(before!.consultants.map((c) => c.id)).toEqual([f.secondConsultantId]);
		expect(before!.mergeCandidates).toEqual([]);
		expect(before!.reference.laender).toContain('DE-NW');
		expect(before!.reference.topics.length).toBeGreaterThan(0);
		expect(before!.case.stageName).toBe('Idee');

		s.clock.advance(DAY + DAY);
		const after = await read(lead(f.secondConsultantId));
		expect(after!.isLead).toBe(true);
		expect(after!.upcoming).toBeNull();
		expect(after!.recordable.map((x) => x.id)).toEqual([b.bookingId]);
	});

	it('answers null for a colleague, another office and an unknown case', async () => {
		s = await testServices();
		const f = await bookingFixture(s);
		const b = await confirmedBooking(s, f, { day: '2026-06-16', email: 'kim@example.org' });
		const now = s.clock.now();
		const scope = officeScope(f.officeId);
		expect(await casePage(s.db, consultant(f, 'second'), scope, f.officeId, b.caseId, now, 'de')).toBeNull();
		expect(
			await casePage(s.db, lead(1), officeScope(f.officeId + 1), f.officeId + 1, b.caseId, now, 'de')
		).toBeNull();
		expect(await casePage(s.db, lead(1), scope, f.officeId, b.caseId + 99, now, 'de')).toBeNull();
	});
});

describe('recordPage', () => {
	it("offers the record form of the actor's case with suggestions; notes only with consent", async () => {
		s = await testServices();
		const f = await bookingFixture(s);
		const b = await kimWithNotesConsent(s, f);
		const scope = officeScope(f.officeId);
		const now = s.clock.now();
		const page = await recordPage(s.db, consultant(f), scope, f.officeId, b.caseId, now, 'de');
		expect(page).toMatchObject({
			case: { id: b.caseId, status: 'open', notesAllowed: true },
			today: '2026-06-15',
			stepRows: 3
		});
		expect(page!.outcomes).toContain('plan_agreed');
		expect(page!.topics.every((t) => t.active)).toBe(true);
		expect(page!.suggestions.length).toBeLessThanOrEqual(12);
		expect(
			await recordPage(s.db, consultant(f, 'second'), scope, f.officeId, b.caseId, now, 'de')
		).toBeNull();
		expect(await recordPage(s.db, lead(1), scope, f.officeId + 1, b.caseId, now, 'de')).toBeNull();
	});
});

describe('openCasePage', () => {
	it('offers the active entries; only leads choose whom to make responsible', async () => {
		s = await testServices();
		const f = await bookingFixture(s);
		await s.db.updateTable('topic').set({ active: 0 }).where('key', '=', 'finanzierung').execute();
		const mine = await openCasePage(s.db, consultant(f), f.officeId, 'de');
		expect(mine.consultants).toEqual([]);
		expect(mine.topics.map((t) => t.key)).not.toContain('finanzierung');
		expect(mine.topics.length).toBeGreaterThan(0);
		expect(mine.laender.map((l) => l.iso)).toContain('DE-NW');
		const leads = await openCasePage(s.db, lead(1), f.officeId, 'de');
		expect(leads.consultants.map((c) => c.id).sort()).toEqual([f.consultantId, f.secondConsultantId].sort());
	});
});
