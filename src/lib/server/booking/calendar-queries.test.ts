import { describe, expect, it } from 'vitest';
import { testServices, type TestServices } from '../../../../tests/support/test-database';
import { mintScope } from '../access/scope';
import { recordAudit } from '../audit/record';
import {
	bookingReferenceKeys,
	calendarConsultants,
	calendarDays,
	calendarNavigation,
	getCalendarBooking,
	listCalendar
} from './calendar-queries';
import type { OfficeActor } from './settings';
import { addOfficeStaff } from '../../../../tests/support/staff-member';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

let s = servicesClosedAfterEach({ ignoreCloseErrors: true });

describe('calendar days', () => {
	it.each([
		['2026-07-01', 'tag', ['2026-07-01']],
		[
			'2026-07-01',
			'woche',
			['2026-06-29', '2026-06-30', '2026-07-01', '2026-07-02', '2026-07-03', '2026-07-04', '2026-07-05']
		],
		[
			'2026-07-05',
			'woche',
			['2026-06-29', '2026-06-30', '2026-07-01', '2026-07-02', '2026-07-03', '2026-07-04', '2026-07-05']
		],
		// The DST weeks are ordinary weeks of seven days.
		[
			'2026-03-29',
			'woche',
			['2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26', '2026-03-27', '2026-03-28', '2026-03-29']
		],
		[
			'2026-10-26',
			'woche',
			['2026-10-26', '2026-10-27', '2026-10-28', '2026-10-29', '2026-10-30', '2026-10-31', '2026-11-01']
		]
	] as const)('%s %s', (day, view, expected) => {
		expect(calendarDays(day, view)).toEqual(expected);
	});

	it('navigates by day or week; today is the Berlin date', () => {
		// 23:30 UTC on 30 June is already 1 July in Berlin.
		const now = new Date('2026-06-30T23:30:00Z');
		expect(calendarNavigation('2026-07-01', 'tag', now)).toEqual({
			previous: '2026-06-30',
			next: '2026-07-02',
			today: '2026-07-01'
		});
		expect(calendarNavigation('2026-07-01', 'woche', now)).toMatchObject({
			previous: '2026-06-24',
			next: '2026-07-08'
		});
	});
});

async function fixture(svc: TestServices) {
	const t = svc.clock.now().getTime();
	const office = async (key: string) =>
		Number(
			(await svc.db.selectFrom('office').select('id').where('key', '=', key).executeTakeFirstOrThrow()).id
		);
	const nw = await office('nw');
	const by = await office('by');
	const user = (name: string, officeId: number, role: 'office_lead' | 'consultant') =>
		addOfficeStaff(svc, { email: `${name}@example.org`, name, officeId, role });
	const lead = await user('Lea Leitung', nw, 'office_lead');
	const anna = await user('Anna Beratung', nw, 'consultant');
	const ben = await user('Ben Beratung', nw, 'consultant');
	const bayern = await user('Bayern Beratung', by, 'consultant');
	let n = 0;
	const book = async (
		officeId: number,
		consultantId: number,
		startUtc: string,
		status: 'held' | 'confirmed' | 'cancelled' | 'expired' | 'attended' = 'confirmed'
	) => {
		const start = Date.parse(startUtc);
		const row = await svc.db
			.insertInto('booking')
			.values({
				office_id: officeId,
				consultant_id: consultantId,
				format: 'office',
				start_at: start,
				end_at: start + 3_600_000,
				status,
				name: `Person ${++n}`,
				email: `p${n}@example.org`,
				land_iso: 'DE-NW',
				submarket: 'design',
				stage: 'idee',
				topics: JSON.stringify(['finanzierung']),
				concern: 'Gründung',
				consent_processing_version: 1,
				consent_notes_version: 1,
				consented_at: t,
				created_at: t,
				updated_at: t
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		return Number(row.id);
	};
	return { nw, by, lead, anna, ben, bayern, book };
}

const actor = (id: number, role: OfficeActor['role']): OfficeActor => ({ id, email: 'x@example.org', role });

describe('calendar reads (scoped)', () => {
	it('leads see the whole office, consultants only their own; other offices nothing', async () => {
		s = await testServices();
		const f = await fixture(s);
		// Wednesday 1 July 2026: 00:30 Berlin is still 30 June in UTC.
		const early = await f.book(f.nw, f.anna, '2026-06-30T22:30:00Z');
		const annaLate = await f.book(f.nw, f.anna, '2026-07-01T14:00:00Z', 'cancelled');
		const ben = await f.book(f.nw, f.ben, '2026-07-01T08:00:00Z', 'held');
		await f.book(f.nw, f.ben, '2026-07-01T10:00:00Z', 'expired');
		await f.book(f.nw, f.ben, '2026-07-01T22:30:00Z'); // 2 July in Berlin
		await f.book(f.by, f.bayern, '2026-07-01T08:00:00Z');
		const scope = mintScope(false, [f.nw]);
		const days = ['2026-07-01'];

		const asLead = await listCalendar(s.db, scope, actor(f.lead, 'office_lead'), { officeId: f.nw, days });
		expect(asLead.map((b) => b.id)).toEqual([early, ben, annaLate]);
		expect(asLead[1]).toMatchObject({
			consultantName: 'Ben Beratung',
			status: 'held',
			kind: 'first',
			format: 'office'
		});
		const onlyBen = await listCalendar(s.db, scope, actor(f.lead, 'office_lead'), {
			officeId: f.nw,
			days,
			consultantId: f.ben
		});
		expect(onlyBen.map((b) => b.id)).toEqual([ben]);

		const asAnna = await listCalendar(s.db, scope, actor(f.anna, 'consultant'), {
			officeId: f.nw,
			days,
			consultantId: f.ben
		});
		expect(asAnna.map((b) => b.id)).toEqual([early, annaLate]);

		const otherOffice = await listCalendar(s.db, mintScope(false, [f.by]), actor(f.lead, 'office_lead'), {
			officeId: f.nw,
			days
		});
		expect(otherOffice).toEqual([]);

		const week = await listCalendar(s.db, scope, actor(f.lead, 'network_admin'), {
			officeId: f.nw,
			days: calendarDays('2026-07-01', 'woche')
		});
		expect(week).toHaveLength(4);
	});

	it('lists whom the viewer may see', async () => {
		s = await testServices();
		const f = await fixture(s);
		const scope = mintScope(false, [f.nw]);
		const all = await calendarConsultants(s.db, scope, actor(f.lead, 'office_lead'), f.nw);
		expect(all.map((c) => c.name)).toEqual(['Anna Beratung', 'Ben Beratung', 'Lea Leitung']);
		const own = await calendarConsultants(s.db, scope, actor(f.anna, 'consultant'), f.nw);
		expect(own).toEqual([{ id: f.anna, name: 'Anna Beratung' }]);
		expect(
			await calendarConsultants(s.db, mintScope(false, [f.by]), actor(f.lead, 'office_lead'), f.nw)
		).toEqual([]);
	});

	it('shows one booking with intake, consents and history; hides it from others', async () => {
		s = await testServices();
		const f = await fixture(s);
		const id = await f.book(f.nw, f.anna, '2026-07-01T08:00:00Z');
		const now = s.clock.now();
		await recordAudit(
			s.db,
			{ kind: 'staff', id: f.lead, label: 'lea@example.org' },
			{
				action: 'booking.booked_by_staff',
				subject: { kind: 'booking', id },
				officeId: f.nw,
				data: { format: 'office' }
			},
			{ now }
		);
		await recordAudit(
			s.db,
			{ kind: 'staff', id: f.anna, label: 'anna@example.org' },
			{
				action: 'booking.attendance',
				subject: { kind: 'booking', id },
				officeId: f.nw,
				data: { outcome: 'attended' }
			},
			{ now: new Date(now.getTime() + 1000) }
		);
		const scope = mintScope(false, [f.nw]);
		const detail = await getCalendarBooking(s.db, scope, actor(f.anna, 'consultant'), f.nw, id);
		expect(detail).toMatchObject({
			id,
			email: `p1@example.org`,
			topics: ['finanzierung'],
			consents: { processingVersion: 1, notesVersion: 1, newsVersion: null }
		});
		expect(detail!.history.map((h) => [h.action, h.actorLabel, h.data])).toEqual([
			['booking.booked_by_staff', 'lea@example.org', { format: 'office' }],
			['booking.attendance', 'anna@example.org', { outcome: 'attended' }]
		]);
		expect(await getCalendarBooking(s.db, scope, actor(f.ben, 'consultant'), f.nw, id)).toBeNull();
		expect(await getCalendarBooking(s.db, scope, actor(f.lead, 'office_lead'), f.nw, id)).not.toBeNull();
		expect(
			await getCalendarBooking(s.db, mintScope(false, [f.by]), actor(f.lead, 'office_lead'), f.nw, id)
		).toBeNull();
		expect(await getCalendarBooking(s.db, scope, actor(f.lead, 'office_lead'), f.by, id)).toBeNull();
	});

	it('knows the reference keys a booking may name', async () => {
		s = await testServices();
		const keys = await bookingReferenceKeys(s.db);
		expect(keys.laender).toContain('DE-NW');
		expect(keys.submarkets).toContain('design');
		expect(keys.stages).toContain('idee');
		expect(keys.topics).toContain('finanzierung');
	});
});
