import { describe, expect, it } from 'vitest';
import { testServices, type TestServices } from '../../../../tests/support/test-database';
import { berlinDate, berlinInstant, berlinTime } from '../../time/berlin';
import { mintScope } from '../access/scope';
import { addOfficeMember } from '../../../../tests/support/identity-fixtures';
import {
	absenceSchema,
	overrideSchema,
	ruleSchema,
	settingsSchema,
	sprechtagSchema
} from './availability-schema';
import {
	addAbsence,
	addOverride,
	addRule,
	cancelSprechtag,
	createSprechtag,
	listAbsences,
	listRules,
	listSprechtage,
	removeAbsence,
	removeOverride,
	removeRule,
	updateSprechtag
} from './availability';
import { DEFAULT_BOOKING_SETTINGS } from './rules';
import { getBookingSettings, type OfficeActor, updateBookingSettings } from './settings';
import { isSlotOffered, listSlots } from './slots';
import { kimBookingRow } from '../../../../tests/support/booking-row';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

let s = servicesClosedAfterEach();

// Test clock: Sunday 2026-06-14 08:00 Berlin. Notice 24 h → from Monday 15th 08:00 bookable.
async function setup() {
	s = await testServices({ now: '2026-06-14T06:00:00Z' });
	const office = await s.db
		.selectFrom('office')
		.select(['id', 'key'])
		.where('key', '=', 'nw')
		.executeTakeFirstOrThrow();
	const lead = await addOfficeMember(s, 'Lea Leitung', 'nw', 'office_lead');
	const anna = await addOfficeMember(s, 'Anna Beraterin', 'nw', 'consultant');
	const ben = await addOfficeMember(s, 'Ben Berater', 'nw', 'consultant');
	const other = await addOfficeMember(s, 'Olga Anderswo', 'by', 'consultant');
	const as = (u: { id: number; email: string }, role: OfficeActor['role']): OfficeActor => ({
		id: u.id,
		email: u.email,
		role
	});
	return {
		s,
		officeId: Number(office.id),
		lead,
		anna,
		ben,
		other,
		leadActor: as(lead, 'office_lead'),
		annaActor: as(anna, 'consultant'),
		scope: mintScope(false, [Number(office.id)])
	};
}

const rule = (consultantId: number, over: Record<string, string> = {}) =>
	ruleSchema.parse({
		consultantId: String(consultantId),
		ruleFormat: 'office',
		ruleWeekday: '2',
		ruleStart: '09:00',
		ruleEnd: '12:00',
		ruleFrom: '',
		ruleTo: '',
		...over
	});

async function audits(svc: TestServices, action: string) {
	return svc.db
		.selectFrom('audit_event')
		.select(['action', 'data', 'actor_id'])
		.where('action', '=', action)
		.execute();
}

const fmt = (slots: { start: number; format: string; consultantName: string }[]) =>
	slots.map((x) => `${berlinDate(x.start)} ${berlinTime(x.start)} ${x.format} ${x.consultantName}`);

type Fixture = Awaited<ReturnType<typeof setup>>;

/** The result of a command that refused, for the reason given. */
const refused = (reason: string) => ({ ok: false, reason });

/** The office's slots from one Berlin day to another, as fmt lines. */
const slotsFrom = async (f: Fixture, from: string, to: string) =>
	fmt(await listSlots(f.s.db, { officeId: f.officeId, from, to }, f.s.clock.now()));

describe('weekly hours and slots', () => {
	it('a consultant adds their own hours; slots appear with their name; the audit row is written', async () => {
		const f = await setup();
		const result = await addRule(f.s, f.annaActor, f.officeId, rule(f.anna.id));
		expect(result).toMatchObject({ ok: true });
		expect(
			(await listRules(f.s.db, f.scope, f.officeId, f.anna.id)).map(
				(r) => `${r.weekday} ${r.startTime}-${r.endTime}`
			)
		).toEqual(['2 09:00-12:00']);
		expect(await slotsFrom(f, '2026-06-15', '2026-06-16')).toEqual([
			'2026-06-16 09:00 office Anna Beraterin',
			'2026-06-16 10:15 office Anna Beraterin'
		]);
		const rows = await audits(f.s, 'availability.rule.added');
		expect(rows).toHaveLength(1);
		expect(rows[0]!.actor_id).toBe(f.anna.id);
	});

	it("a consultant may not change a colleague's hours; a lead may", async () => {
		const f = await setup();
		expect(await addRule(f.s, f.annaActor, f.officeId, rule(f.ben.id))).toEqual(refused('forbidden'));
		expect(await addRule(f.s, f.leadActor, f.officeId, rule(f.ben.id))).toMatchObject({ ok: true });
		const [r] = await listRules(f.s.db, f.scope, f.officeId, f.ben.id);
		expect(await removeRule(f.s, f.annaActor, f.officeId, r!.id)).toEqual({ ok: false, reason: 'forbidden' });
		expect(await removeRule(f.s, f.leadActor, f.officeId, r!.id)).toEqual({ ok: true });
		expect(await listRules(f.s.db, f.scope, f.officeId, f.ben.id)).toEqual([]);
		expect(await audits(f.s, 'availability.rule.removed')).toHaveLength(1);
	});

	it('refuses hours for someone outside the office and overlapping windows', async () => {
		const f = await setup();
		expect(await addRule(f.s, f.leadActor, f.officeId, rule(f.other.id))).toEqual(refused('not_member'));
		await addRule(f.s, f.annaActor, f.officeId, rule(f.anna.id));
		expect(
			await addRule(
				f.s,
				f.annaActor,
				f.officeId,
				rule(f.anna.id, { ruleFormat: 'phone', ruleStart: '11:00', ruleEnd: '13:00' })
			)
		).toEqual({ ok: false, reason: 'overlap' });
		// Same times, but a validity range that does not meet the open-ended rule's? It is open, so it meets.
		expect(await addRule(f.s, f.annaActor, f.officeId, rule(f.anna.id, { ruleFrom: '2026-09-01' }))).toEqual(
			refused('overlap')
		);
		expect(
			await addRule(f.s, f.annaActor, f.officeId, rule(f.anna.id, { ruleStart: '12:00', ruleEnd: '13:00' }))
		).toMatchObject({
			ok: true
		});
		expect(await audits(f.s, 'availability.rule.added')).toHaveLength(2);
	});

	it('active bookings (held, confirmed) hide slots; expired holds and cancellations do not; a reschedule ignores its own', async () => {
		const f = await setup();
		await addRule(f.s, f.annaActor, f.officeId, rule(f.anna.id));
		const now = f.s.clock.now();
		const start = berlinInstant('2026-06-16', '09:00');
		const booking = (status: 'held' | 'confirmed' | 'cancelled', holdUntil: number | null) =>
			f.s.db
				.insertInto('booking')
				.values({
					...kimBookingRow({
						officeId: f.officeId,
						consultantId: f.anna.id,
						start,
						end: start + 3_600_000,
						status,
						at: now.getTime()
					}),
					hold_expires_at: holdUntil
				})
				.returning('id')
				.executeTakeFirstOrThrow();
		const q = { officeId: f.officeId, consultantId: f.anna.id, format: 'office' as const, start };
		expect(await isSlotOffered(f.s.db, q, now)).not.toBeNull();

		await booking('cancelled', null);
		expect(await isSlotOffered(f.s.db, q, now)).not.toBeNull();

		const held = await booking('held', now.getTime() + 30 * 60_000);
		expect(await isSlotOffered(f.s.db, q, now)).toBeNull();
		// The neighbour 10:15 is still free: 10:00 + 15 min buffer = 10:15.
		expect(
			await isSlotOffered(f.s.db, { ...q, start: berlinInstant('2026-06-16', '10:15') }, now)
		).not.toBeNull();
		expect(await isSlotOffered(f.s.db, q, now, { ignoreBookingId: Number(held.id) })).not.toBeNull();
		// 31 minutes later the unconfirmed hold no longer blocks.
		f.s.clock.advance(31 * 60_000);
		expect(await isSlotOffered(f.s.db, q, f.s.clock.now())).not.toBeNull();
		await f.s.db.updateTable('booking').set({ status: 'expired' }).where('id', '=', held.id).execute();
		await booking('confirmed', null);
		expect(await isSlotOffered(f.s.db, q, f.s.clock.now())).toBeNull();
		// A start that is not on the grid, or another format, is not offered.
		expect(await isSlotOffered(f.s.db, { ...q, start: start + 60_000 }, now)).toBeNull();
		expect(
			await isSlotOffered(f.s.db, { ...q, format: 'video', start: berlinInstant('2026-06-16', '10:15') }, now)
		).toBeNull();
	});

	it('a disabled consultant offers no slots', async () => {
		const f = await setup();
		await addRule(f.s, f.annaActor, f.officeId, rule(f.anna.id));
		await f.s.db.updateTable('staff_user').set({ disabled_at: 1 }).where('id', '=', f.anna.id).execute();
		expect(
			await listSlots(f.s.db, { officeId: f.officeId, from: '2026-06-15', to: '2026-06-30' }, f.s.clock.now())
		).toEqual([]);
	});
});

describe('overrides and absences', () => {
	it('a blocked day removes the slots, an extra window adds some; removing restores', async () => {
		const f = await setup();
		await addRule(f.s, f.annaActor, f.officeId, rule(f.anna.id));
		const block = overrideSchema.parse({
			consultantId: String(f.anna.id),
			overrideDate: '2026-06-16',
			overrideKind: 'blocked',
			overrideFormat: '',
			overrideStart: '',
			overrideEnd: ''
		});
		const extra = overrideSchema.parse({
			consultantId: String(f.anna.id),
			overrideDate: '2026-06-17',
			overrideKind: 'extra',
			overrideFormat: 'video',
			overrideStart: '14:00',
			overrideEnd: '15:00'
		});
		const blocked = await addOverride(f.s, f.annaActor, f.officeId, block);
		await addOverride(f.s, f.annaActor, f.officeId, extra);
		const query = { officeId: f.officeId, from: '2026-06-16', to: '2026-06-17' };
		expect(fmt(await listSlots(f.s.db, query, f.s.clock.now()))).toEqual([
			'2026-06-17 14:00 video Anna Beraterin'
		]);
		expect(await removeOverride(f.s, f.leadActor, f.officeId, (blocked as { id: number }).id)).toEqual({
			ok: true
		});
		expect(await listSlots(f.s.db, query, f.s.clock.now())).toHaveLength(3);
		expect(await audits(f.s, 'availability.override.added')).toHaveLength(2);
		expect(await audits(f.s, 'availability.override.removed')).toHaveLength(1);
	});

	it('absences: own or by the lead, hide slots, kind not in the audit log, listed for the office', async () => {
		const f = await setup();
		await addRule(f.s, f.annaActor, f.officeId, rule(f.anna.id));
		const absence = (consultantId: number) =>
			absenceSchema.parse({
				absenceConsultant: String(consultantId),
				absenceKind: 'illness',
				absenceStartDate: '2026-06-16',
				absenceStartTime: '',
				absenceEndDate: '2026-06-16',
				absenceEndTime: '10:30'
			});
		expect(await addAbsence(f.s, f.annaActor, f.officeId, absence(f.ben.id))).toEqual(refused('forbidden'));
		const added = await addAbsence(f.s, f.annaActor, f.officeId, absence(f.anna.id));
		expect(added).toMatchObject({ ok: true });
		expect(await addAbsence(f.s, f.leadActor, f.officeId, absence(f.ben.id))).toMatchObject({ ok: true });
		expect(await slotsFrom(f, '2026-06-16', '2026-06-16')).toEqual([]);
		const list = await listAbsences(f.s.db, f.scope, f.officeId, f.s.clock.now());
		expect(
			list.map((a) => `${a.consultantName} ${a.kind} ${berlinTime(a.start)}-${berlinTime(a.end)}`)
		).toEqual(['Anna Beraterin illness 00:00-10:30', 'Ben Berater illness 00:00-10:30']);
		expect((await listAbsences(f.s.db, f.scope, f.officeId, f.s.clock.now(), f.anna.id)).length).toBe(1);
		// Another office's scope sees nothing.
		expect(await listAbsences(f.s.db, mintScope(false, [999]), f.officeId, f.s.clock.now())).toEqual([]);
		const rows = await audits(f.s, 'absence.added');
		expect(rows).toHaveLength(2);
		for (const r of rows) expect(String(r.data)).not.toContain('illness');
		expect(await removeAbsence(f.s, f.annaActor, f.officeId, (added as { id: number }).id)).toEqual({
			ok: true
		});
		expect(await audits(f.s, 'absence.removed')).toHaveLength(1);
	});

	it('whole-day absences run to the end of the last day', async () => {
		const parsed = absenceSchema.parse({
			absenceConsultant: '1',
			absenceKind: 'holiday',
			absenceStartDate: '2026-10-24',
			absenceStartTime: '',
			absenceEndDate: '2026-10-25',
			absenceEndTime: ''
		});
		const { absenceInterval } = await import('./availability');
		const { start, end } = absenceInterval(parsed);
		expect(new Date(start).toISOString()).toBe('2026-10-23T22:00:00.000Z');
		expect(new Date(end).toISOString()).toBe('2026-10-25T23:00:00.000Z');
	});
});

describe('booking settings', () => {
	it('defaults without a row; a lead saves; a consultant may not; durations change the slots', async () => {
		const f = await setup();
		expect(await getBookingSettings(f.s.db, f.officeId)).toEqual(DEFAULT_BOOKING_SETTINGS);
		const input = settingsSchema.parse({
			durationOffice: '30',
			durationPhone: '45',
			durationVideo: '60',
			durationSprechtag: '30',
			bufferMinutes: '0',
			minNoticeMinutes: '120',
			horizonDays: '28',
			changeNoticeMinutes: '720',
			reminderHours: '48'
		});
		expect(await updateBookingSettings(f.s, f.annaActor, f.officeId, input)).toEqual(refused('forbidden'));
		expect(await updateBookingSettings(f.s, f.leadActor, f.officeId, input)).toEqual({ ok: true });
		expect(await getBookingSettings(f.s.db, f.officeId)).toEqual({
			durationOffice: 30,
			durationPhone: 45,
			durationVideo: 60,
			durationSprechtag: 30,
			bufferMinutes: 0,
			minNoticeMinutes: 120,
			horizonDays: 28,
			changeNoticeMinutes: 720,
			reminderHours: 48
		});
		expect(await updateBookingSettings(f.s, f.leadActor, f.officeId, { ...input, bufferMinutes: 5 })).toEqual(
			{ ok: true }
		);
		const rows = await audits(f.s, 'booking.settings.updated');
		expect(rows).toHaveLength(2);
		expect(JSON.parse(String(rows[1]!.data)).changed).toEqual(['bufferMinutes']);
		await addRule(f.s, f.annaActor, f.officeId, rule(f.anna.id, { ruleStart: '09:00', ruleEnd: '10:30' }));
		expect(await slotsFrom(f, '2026-06-16', '2026-06-16')).toEqual([
			'2026-06-16 09:00 office Anna Beraterin',
			'2026-06-16 09:35 office Anna Beraterin'
		]);
	});

	it('rejects out-of-range settings', () => {
		const r = settingsSchema.safeParse({
			...Object.fromEntries(Object.keys(DEFAULT_BOOKING_SETTINGS).map((k) => [k, '60'])),
			durationOffice: '5',
			bufferMinutes: 'x'
		});
		expect(r.success).toBe(false);
		expect(r.error?.issues.map((i) => `${String(i.path[0])}:${i.message}`).sort()).toEqual([
			'bufferMinutes:availability.error.buffer',
			'durationOffice:availability.error.duration'
		]);
	});
});

describe('Sprechtage', () => {
	const day = (consultantId: number, over: Record<string, string> = {}) =>
		sprechtagSchema.parse({
			consultantId: String(consultantId),
			date: '2026-06-18',
			startTime: '10:00',
			endTime: '12:00',
			town: 'Münster',
			venue: 'Coworking am Hafenweg',
			address: 'Hafenweg 16, 48155 Münster',
			accessibility: '',
			...over
		});

	it('a lead creates one; it gives sprechtag slots; consultants may not create; update and cancel are audited', async () => {
		const f = await setup();
		expect(await createSprechtag(f.s, f.annaActor, f.officeId, day(f.anna.id))).toEqual(refused('forbidden'));
		expect(await createSprechtag(f.s, f.leadActor, f.officeId, day(f.other.id))).toEqual(
			refused('not_member')
		);
		const created = await createSprechtag(f.s, f.leadActor, f.officeId, day(f.anna.id));
		expect(created).toMatchObject({ ok: true });
		const id = (created as { id: number }).id;
		const query = {
			officeId: f.officeId,
			from: '2026-06-18',
			to: '2026-06-18',
			format: 'sprechtag' as const
		};
		const slots = await listSlots(f.s.db, query, f.s.clock.now());
		expect(fmt(slots)).toEqual([
			'2026-06-18 10:00 sprechtag Anna Beraterin',
			'2026-06-18 11:00 sprechtag Anna Beraterin'
		]);
		expect(slots[0]!.sprechtagId).toBe(id);
		expect(
			await isSlotOffered(
				f.s.db,
				{
					officeId: f.officeId,
					consultantId: f.anna.id,
					format: 'sprechtag',
					start: slots[0]!.start,
					sprechtagId: id
				},
				f.s.clock.now()
			)
		).not.toBeNull();

		expect(await updateSprechtag(f.s, f.leadActor, f.officeId, id, day(f.anna.id))).toEqual(
			refused('unchanged')
		);
		expect(
			await updateSprechtag(
				f.s,
				f.leadActor,
				f.officeId,
				id,
				day(f.anna.id, { startTime: '13:00', endTime: '15:00' })
			)
		).toMatchObject({
			ok: true
		});
		expect(fmt(await listSlots(f.s.db, query, f.s.clock.now()))[0]).toBe(
			'2026-06-18 13:00 sprechtag Anna Beraterin'
		);
		expect(await cancelSprechtag(f.s, f.annaActor, f.officeId, id)).toEqual(refused('forbidden'));
		expect(await cancelSprechtag(f.s, f.leadActor, f.officeId, id)).toEqual({ ok: true });
		expect(await cancelSprechtag(f.s, f.leadActor, f.officeId, id)).toEqual(refused('unchanged'));
		expect(await listSlots(f.s.db, query, f.s.clock.now())).toEqual([]);
		const list = await listSprechtage(f.s.db, f.officeId, '2026-06-01');
		expect(list.map((d) => `${d.date} ${d.town} ${d.status} ${d.consultantName}`)).toEqual([
			'2026-06-18 Münster cancelled Anna Beraterin'
		]);
		for (const action of ['sprechtag.created', 'sprechtag.updated', 'sprechtag.cancelled'])
			expect(await audits(f.s, action)).toHaveLength(1);
	});

	it('refuses to move or cancel a Sprechtag with bookings, but lets the venue text change', async () => {
		const f = await setup();
		const created = (await createSprechtag(f.s, f.leadActor, f.officeId, day(f.anna.id))) as { id: number };
		const now = f.s.clock.now().getTime();
		await f.s.db
			.insertInto('booking')
			.values({
				...kimBookingRow({
					officeId: f.officeId,
					consultantId: f.anna.id,
					start: berlinInstant('2026-06-18', '10:00'),
					end: berlinInstant('2026-06-18', '10:45'),
					status: 'confirmed',
					at: now
				}),
				format: 'sprechtag',
				sprechtag_id: created.id
			})
			.execute();
		expect(await cancelSprechtag(f.s, f.leadActor, f.officeId, created.id)).toEqual(refused('has_bookings'));
		expect(
			await updateSprechtag(f.s, f.leadActor, f.officeId, created.id, day(f.anna.id, { date: '2026-06-19' }))
		).toEqual(refused('has_bookings'));
		expect(
			await updateSprechtag(
				f.s,
				f.leadActor,
				f.officeId,
				created.id,
				day(f.anna.id, { venue: 'Stadtbibliothek' })
			)
		).toMatchObject({
			ok: true
		});
	});

	it('validates times and dates', () => {
		const bad = sprechtagSchema.safeParse({
			consultantId: '1',
			date: '2026-02-30',
			startTime: '12:00',
			endTime: '11:00',
			town: '',
			venue: 'x',
			address: 'y',
			accessibility: ''
		});
		expect(bad.success).toBe(false);
		expect(bad.error?.issues.map((i) => `${String(i.path[0])}:${i.message}`).sort()).toEqual(
			expect.arrayContaining(['date:availability.error.date', 'endTime:availability.error.endAfterStart'])
		);
		const r = ruleSchema.safeParse({
			consultantId: '1',
			ruleFormat: 'fax',
			ruleWeekday: '8',
			ruleStart: '9:00',
			ruleEnd: '25:00',
			ruleFrom: '',
			ruleTo: ''
		});
		expect(r.error?.issues.map((i) => String(i.path[0])).sort()).toEqual([
			'ruleEnd',
			'ruleFormat',
			'ruleStart',
			'ruleWeekday'
		]);
	});
});
