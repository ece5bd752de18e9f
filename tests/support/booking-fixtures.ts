import { type TestServices, testServices } from './test-database';
import { officeId as officeIdOf } from './office-lookup';
import { addOfficeStaff, addWeekdayHours } from './staff-member';
import type { HoldInput } from '../../src/lib/server/booking/hold';
import { listSlots } from '../../src/lib/server/booking/slots';
import { confirmBooking, holdBooking } from '../../src/lib/server/booking/commands';

/**
 * Helpers for the booking command tests (imported by *.test.ts only): an office with one
 * consultant and weekly hours, written straight into the real test database.
 */
export interface BookingFixture {
	officeId: number;
	consultantId: number;
	consultantEmail: string;
	secondConsultantId: number;
}

async function addConsultant(s: TestServices, officeId: number, name: string, email: string) {
	const id = await addOfficeStaff(s, { email, name, officeId, role: 'consultant' });
	await addWeekdayHours(s, {
		consultantId: id,
		officeId,
		formats: ['office', 'phone', 'video'],
		officeHours: ['09:00', '13:00'],
		otherHours: ['14:00', '17:00']
	});
	return id;
}

/** Fresh services holding the booking fixture (closeServicesAfterEach closes them after the test). */
export async function servicesWithBookingFixture(): Promise<{ s: TestServices; f: BookingFixture }> {
	const s = await testServices();
	return { s, f: await bookingFixture(s) };
}

/** Fresh services (with env) holding the booking fixture and its first consultant's slots on a Berlin day. */
export async function servicesWithSlotsOn(
	date: string,
	format: 'office' | 'phone' | 'video' = 'office',
	env: Record<string, string> = {}
): Promise<{ s: TestServices; f: BookingFixture; slots: Awaited<ReturnType<typeof slotsOn>> }> {
	const s = await testServices({ env });
	const f = await bookingFixture(s);
	return { s, f, slots: await slotsOn(s, f, date, format) };
}

export async function bookingFixture(s: TestServices): Promise<BookingFixture> {
	const officeId = await officeIdOf(s, 'nw');
	await s.db
		.updateTable('office')
		.set({ phone: '0234 123456', email: 'nw@kreativlotse.example' })
		.where('id', '=', officeId)
		.execute();
	const consultantId = await addConsultant(s, officeId, 'Berta Beraterin', 'berta@kreativlotse.example');
	// A second consultant on the same hours: "any consultant" picks one of them.
	const secondConsultantId = await addConsultant(s, officeId, 'Zeno Zweiter', 'zeno@kreativlotse.example');
	return { officeId, consultantId, consultantEmail: 'berta@kreativlotse.example', secondConsultantId };
}

/** The offered slots of the fixture's first consultant on a Berlin day. */
export async function slotsOn(
	s: TestServices,
	f: BookingFixture,
	date: string,
	format: 'office' | 'phone' | 'video' = 'office'
) {
	return listSlots(
		s.db,
		{ officeId: f.officeId, from: date, to: date, format, consultantId: f.consultantId },
		s.clock.now()
	);
}

export function holdInput(f: BookingFixture, start: number, overrides: Partial<HoldInput> = {}): HoldInput {
	return {
		officeId: f.officeId,
		consultantId: f.consultantId,
		format: 'office',
		start,
		intake: {
			name: 'Kim Kreativ',
			email: 'kim@example.org',
			phone: null,
			postcode: '44787',
			land: 'DE-NW',
			submarket: 'design',
			stage: 'idee',
			topics: ['preise_honorare'],
			concern: 'Ich möchte wissen, wie ich meine Preise kalkuliere.',
			heardFrom: null
		},
		consents: { processing: true, notes: false, news: false },
		locale: 'de',
		...overrides
	};
}

/** The token at the end of a link in a mail's text body. */
export function tokenFrom(text: string, path: '/termin/bestaetigen/' | '/termin/verwalten/'): string {
	const m = new RegExp(`${path.replace(/\//g, '\\/')}([A-Za-z0-9_-]+)`).exec(text);
	if (!m) throw new Error(`no ${path} link in mail`);
	return m[1]!;
}

/** The confirmation token in the hold mail of a booking. */
export async function holdMailToken(s: Pick<TestServices, 'db'>, bookingId: number): Promise<string> {
	const mail = await s.db
		.selectFrom('outbox')
		.select('text_body')
		.where('template', '=', 'booking.hold')
		.where('subject_id', '=', String(bookingId))
		.executeTakeFirstOrThrow();
	return tokenFrom(mail.text_body, '/termin/bestaetigen/');
}

/** Holds a booking and confirms it through the link of its hold mail; throws where either fails. */
export async function holdAndConfirm(
	s: TestServices,
	input: HoldInput
): Promise<{ bookingId: number; manageToken: string }> {
	const held = await holdBooking(s, input);
	if (!held.ok) throw new Error(`hold failed: ${JSON.stringify(held)}`);
	const confirmed = await confirmBooking(s, await holdMailToken(s, held.bookingId));
	if (!confirmed.ok) throw new Error('confirm failed');
	return { bookingId: held.bookingId, manageToken: confirmed.manageToken };
}

export async function outbox(s: TestServices) {
	return s.db.selectFrom('outbox').selectAll().orderBy('id').execute();
}
