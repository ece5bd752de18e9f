import { addDays, berlinDate, isoWeekday } from '../../time/berlin';
import {
	bookFollowUp,
	confirmBooking,
	holdBooking,
	listSlots,
	type OfferedSlot,
	bookOnBehalf,
	cancelByStaff,
	markAttendance
} from '../booking/index';
import { recordConsultation } from '../cases/index';
import type { ConsultationOutcome } from '../db/schema';
import { createReferrals, suggestContactPoints } from '../referrals/index';
import type { DemoOffice, DemoStaff } from './acting-staff';
import { decideCaseFuture } from './case-life';
import { linkToken } from './mail-links';
import { makePerson } from './people';
import { count, laterDay, schedule, type Simulation, staffById } from './simulation';
import {
	ADVICE,
	CANCEL_REASONS,
	concernFor,
	SITUATIONS,
	STAGE_WEIGHTS,
	SUBMARKET_WEIGHTS,
	stepsFor,
	workFor
} from './texts';

/**
 * A year of consultations: people book first consultations (mostly through the public double
 * opt-in, some by phone through staff), a few cancel, some do not come, the rest are recorded
 * with topics, next steps and referrals; about half book a follow-up with the same consultant.
 */
const TOPICS = [
	'geschaeftsidee',
	'preise_honorare',
	'markteintritt',
	'marketing',
	'finanzierung',
	'foerderung',
	'gruendung_formales',
	'steuern',
	'soziale_sicherung',
	'recht_vertraege',
	'raeume',
	'netzwerk_kooperation',
	'wachstum_festigung',
	'internationalisierung',
	'krise'
] as const;

type Fate = 'attend' | 'no_show' | 'cancel';

/** Decides what becomes of a booking and schedules a cancellation before it. */
function decideFate(
	sim: Simulation,
	office: DemoOffice,
	bookingId: number,
	start: number,
	bookedOn: string
): void {
	const day = berlinDate(start);
	if (day >= sim.today) return; // today's and future appointments stay open for the newcomer
	const fate = sim.random.weighted<Fate>([
		['attend', 80],
		['no_show', 9],
		['cancel', 11]
	]);
	sim.fates.set(bookingId, fate);
	if (fate !== 'cancel') return;
	const cancelDay = addDays(bookedOn, 1) < day ? addDays(bookedOn, 1) : bookedOn;
	schedule(sim, cancelDay, async () => {
		const r = await cancelByStaff(
			sim.services,
			office.lead,
			office.lead.scope,
			bookingId,
			sim.random.pick(CANCEL_REASONS)
		);
		if (r.ok) count(sim, 'bookings cancelled');
	});
}

export async function freeSlots(
	sim: Simulation,
	officeId: number,
	from: string,
	to: string,
	consultantId?: number
) {
	const slots = await listSlots(sim.db, { officeId, from, to, consultantId }, sim.clock.now());
	return slots.filter((s) => s.sprechtagId == null && berlinDate(s.start) !== sim.today);
}

/** A new person books a first consultation in the coming days. */
export async function bookFirstConsultation(
	sim: Simulation,
	office: DemoOffice,
	day: string,
	slot: OfferedSlot
): Promise<number | null> {
	const { random } = sim;
	const person = makePerson(random, office.laender, ++sim.serial);
	const submarket = random.weighted(SUBMARKET_WEIGHTS);
	const topics = random.sample(TOPICS, random.int(1, 3));
	const viaPhone = random.chance(0.15);
	const intake = {
		name: person.name,
		email: person.email,
		phone: null,
		postcode: person.postcode,
		land: person.land,
		submarket,
		stage: random.weighted(STAGE_WEIGHTS),
		topics,
		concern: concernFor(random, topics[0]!, workFor(random, submarket)),
		heardFrom: random.pick(['Website', 'Empfehlung', 'Veranstaltung', 'Social Media', null])
	};
	const input = {
		officeId: office.id,
		consultantId: slot.consultantId,
		format: slot.format,
		start: slot.start,
		intake,
		consents: { processing: true, notes: random.chance(0.6), news: random.chance(0.3) },
		locale: 'de' as const
	};
	let bookingId: number;
	if (viaPhone) {
		const staff = staffById(sim, slot.consultantId) ?? office.lead;
		const r = await bookOnBehalf(sim.services, staff, staff.scope, input);
		if (!r.ok) return null;
		bookingId = r.bookingId;
	} else {
		const held = await holdBooking(sim.services, input);
		if (!held.ok) return null;
		const token = await linkToken(sim.db, person.email, '/termin/bestaetigen/');
		if (!token || !(await confirmBooking(sim.services, token)).ok) return null;
		bookingId = held.bookingId;
	}
	sim.people.set(bookingId, person);
	count(sim, 'first consultations booked');
	decideFate(sim, office, bookingId, slot.start, day);
	return bookingId;
}

/** Weekday bookings of one office: 0–2 new people, slots 2–12 days ahead. */
export async function bookingsOfDay(sim: Simulation, office: DemoOffice, day: string): Promise<void> {
	if (isoWeekday(day) > 5) return;
	const n = sim.random.weighted([
		[0, 50],
		[1, 40],
		[2, 10]
	] as const);
	if (n === 0) return;
	const slots = await freeSlots(sim, office.id, addDays(day, 2), addDays(day, 12));
	for (const slot of sim.random.sample(slots, n)) await bookFirstConsultation(sim, office, day, slot);
}

async function referralTargets(
	sim: Simulation,
	land: string,
	topics: string[],
	submarket: string
): Promise<number[]> {
	const key = `${land}|${topics[0]}`;
	let ids = sim.referralTargets.get(key);
	if (!ids) {
		const found = await suggestContactPoints(sim.db, { landIso: land, topics, submarket, locale: 'de' });
		ids = found.slice(0, 4).map((s) => s.serviceId);
		sim.referralTargets.set(key, ids);
	}
	return sim.random.sample(ids.slice(0, 3), sim.random.int(1, 2));
}

/** The evening of a day: every appointment that took place is marked or recorded. */
export async function closeTheDay(sim: Simulation, day: string): Promise<void> {
	const { random } = sim;
	const rows = await sim.db
		.selectFrom('booking')
		.select([
			'id',
			'case_id',
			'consultant_id',
			'office_id',
			'kind',
			'land_iso',
			'submarket',
			'topics',
			'consent_notes_version'
		])
		.where('status', '=', 'confirmed')
		.where('start_at', '>=', Date.parse(`${addDays(day, -1)}T00:00:00Z`))
		.where('start_at', '<', sim.clock.now().getTime())
		.orderBy('id')
		.execute();
	for (const b of rows) {
		const bookingId = Number(b.id);
		const fate = sim.fates.get(bookingId);
		if (!fate || fate === 'cancel') continue;
		const consultant = staffById(sim, Number(b.consultant_id));
		const office = sim.offices.find((o) => o.id === Number(b.office_id));
		if (!consultant || !office) continue;
		if (fate === 'no_show') {
			const r = await markAttendance(sim.services, consultant, consultant.scope, bookingId, 'no_show');
			if (r.ok) count(sim, 'no-shows');
			continue;
		}
		const caseId = Number(b.case_id);
		const topics = JSON.parse(b.topics) as string[];
		const first = b.kind === 'first';
		const withReferral = first && random.chance(0.5);
		const outcome: ConsultationOutcome = withReferral
			? 'referred'
			: random.weighted<ConsultationOutcome>([
					['orientation_given', 25],
					['plan_agreed', 45],
					['follow_up_needed', 20],
					['no_further_need', 10]
				]);
		const notes = b.consent_notes_version != null && random.chance(0.7);
		const steps = stepsFor(topics).map(([text, owner]) => ({
			text,
			owner,
			dueOn: laterDay(sim, day, 10, 45)
		}));
		const followUp = outcome !== 'no_further_need' && random.chance(first ? 0.5 : 0.25);
		const r = await recordConsultation(
			sim.services,
			consultant,
			consultant.scope,
			{
				caseId,
				bookingId,
				heldAt: null,
				format: null,
				topics,
				outcome,
				situation: notes ? random.pick(SITUATIONS) : null,
				advice: notes ? random.pick(ADVICE) : null,
				followUpWeeks: followUp ? random.int(4, 8) : null,
				share: { advice: notes && random.chance(0.5), steps: true, referrals: true },
				steps,
				referralServiceIds: withReferral
					? await referralTargets(sim, b.land_iso ?? office.laender[0]!, topics, b.submarket)
					: [],
				idempotencyKey: null
			},
			createReferrals
		);
		if (!r.ok) continue;
		count(sim, first ? 'first consultations recorded' : 'follow-ups recorded');
		if (followUp) await bookFollowUpFor(sim, consultant, caseId, day);
		else await decideCaseFuture(sim, office, consultant, caseId, day, outcome === 'no_further_need');
	}
}

async function bookFollowUpFor(
	sim: Simulation,
	consultant: DemoStaff,
	caseId: number,
	day: string
): Promise<void> {
	const from = laterDay(sim, day, 21, 42);
	const slots = (await freeSlots(sim, consultant.officeId, from, addDays(from, 7), consultant.id)).filter(
		(s) => s.format !== 'sprechtag'
	);
	if (slots.length === 0) return;
	const slot = sim.random.pick(slots);
	const r = await bookFollowUp(
		sim.services,
		{ kind: 'staff', actor: consultant, scope: consultant.scope },
		{ caseId, start: slot.start, format: slot.format as 'office' | 'phone' | 'video', idempotencyKey: null }
	);
	if (!r.ok) return;
	count(sim, 'follow-ups booked');
	const office = sim.offices.find((o) => o.id === consultant.officeId)!;
	decideFate(sim, office, r.bookingId, slot.start, day);
}
