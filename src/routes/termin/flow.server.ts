import type { RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { CONCERN_MAX, requestBooking } from '$lib/server/booking/commands';
import { hasUpcomingSprechtage, sprechtagPlaces } from '$lib/server/booking/queries';
import type { SlotFormat } from '$lib/server/booking/rules';
import { bookingIntake } from '$lib/server/booking/intake-form';
import { getBookingSettings } from '$lib/server/booking/settings';
import { isSlotOffered, listSlots } from '$lib/server/booking/slots';
import type { Db } from '$lib/server/db/transaction';
import type { FormValues } from '$lib/server/http/form';
import { freeTextFailure } from '$lib/server/http/free-text';
import { checkbox, email, optionalText, phone, requiredText } from '$lib/server/platform/form-fields';
import { readPostcode } from '$lib/server/reference/postcode-rules';
import { findOffice, getOfficeByKey, listOffices } from '$lib/server/reference/queries';
import type { Services } from '$lib/server/runtime';
import { addDays, berlinDate, isoWeekday } from '$lib/time/berlin';

/**
 * The public booking flow's steps 1–4 as GET parameters (bookmarkable, no JavaScript needed):
 * plz/land → buero → format → woche/slot. Each step is shown until its parameter is valid.
 */
export const FORMATS = ['office', 'phone', 'video', 'sprechtag'] as const;

export interface SlotChoice {
	start: number;
	consultantId: number;
	sprechtagId: number | null;
}

/** '1781683200000-12-0' ↔ start, consultant, Sprechtag (0 = none). */
export function slotKey(s: SlotChoice): string {
	return `${s.start}-${s.consultantId}-${s.sprechtagId ?? 0}`;
}

export function readSlotKey(value: string | null): SlotChoice | null {
	const m = /^(\d{10,15})-(\d{1,9})-(\d{1,9})$/.exec(value ?? '');
	if (!m) return null;
	return { start: Number(m[1]), consultantId: Number(m[2]), sprechtagId: Number(m[3]) || null };
}

const mondayOf = (date: string) => addDays(date, 1 - isoWeekday(date));

export interface FlowSlot {
	key: string;
	start: number;
	end: number;
	consultantName: string;
	place: string | null;
}

export async function loadFlow(db: Db, url: URL, now: Date) {
	const q = url.searchParams;
	const { found, base, query } = await placeStep(db, q, now);
	if (found.decision.kind !== 'result') return { step: 1 as const, ...base, query };
	const land = found.decision.land;

	const today = berlinDate(now.getTime());
	const { office, offices } = await officeStep(
		db,
		q,
		found.offices.map((o) => o.key),
		today
	);
	const step1 = { ...base, query: { plz: query.plz, land }, land };
	if (!office) {
		return { step: 2 as const, ...step1, offices, officeError: q.has('buero') };
	}
	const officeInfo = { key: office.key, name: office.name, phone: office.phone, id: office.id };
	const { formats, format } = await formatStep(db, q, office.id, today);
	if (!format) {
		return { step: 3 as const, ...step1, office: officeInfo, formats, formatError: q.has('format') };
	}

	const settings = await getBookingSettings(db, office.id);
	const chosen = await offeredSlotStep(db, q, office.id, format, now);
	if (chosen) {
		return { step: 5 as const, ...step1, office: officeInfo, format, slot: chosen.slot, week: chosen.week };
	}
	const week = await weekStep(
		db,
		q,
		{ officeId: office.id, format, today, horizonDays: settings.horizonDays },
		now
	);
	return { step: 4 as const, ...step1, office: officeInfo, format, ...week, slotGone: q.has('slot') };
}

/** Step 1: a postcode or a Land, answered by the offices responsible for it. */
async function placeStep(db: Db, q: URLSearchParams, now: Date) {
	const typed = q.get('plz')?.slice(0, 20) ?? '';
	const landParam = q.get('land')?.slice(0, 10) ?? '';
	const submitted = q.has('plz') || q.has('land');
	const found = await findOffice(
		db,
		{ submitted, plz: typed, land: landParam, choosing: q.has('wahl') },
		now
	);
	// "D-1067" travels on as "01067" (hidden fields, the intake form's postcode); a bad value as typed.
	const plz = found.plz ?? typed;
	const base = {
		decision: found.decision,
		laender: found.laender.map((l) => l.iso),
		matches: found.matches,
		osm: found.osm
	};
	return { found, base, query: { plz, land: landParam } };
}

/** Step 2: every office open today, the responsible ones first; `office` once the URL names one. */
async function officeStep(db: Db, q: URLSearchParams, responsible: string[], today: string) {
	const offices = (await listOffices(db, { activeOnly: true })).filter(
		(o) => (!o.validFrom || o.validFrom <= today) && (!o.validTo || o.validTo >= today)
	);
	const officeList = [...offices]
		.sort((a, b) => Number(responsible.includes(b.key)) - Number(responsible.includes(a.key)))
		.map((o) => ({ key: o.key, name: o.name, seat: o.seat, responsible: responsible.includes(o.key) }));
	const office = offices.find((o) => o.key === q.get('buero')) ?? null;
	return { office, offices: officeList };
}

/** Step 3: Sprechtag is only offered while the office has one ahead. */
async function formatStep(db: Db, q: URLSearchParams, officeId: number, today: string) {
	const sprechtage = await hasUpcomingSprechtage(db, officeId, today);
	const formats: SlotFormat[] = sprechtage ? [...FORMATS] : ['office', 'phone', 'video'];
	const format = formats.find((f) => f === q.get('format')) ?? null;
	return { formats, format };
}

/** Step 5 (the intake form): the URL's slot if it is still offered; null sends the person back to the week. */
async function offeredSlotStep(
	db: Db,
	q: URLSearchParams,
	officeId: number,
	format: SlotFormat,
	now: Date
): Promise<{ slot: FlowSlot; week: string } | null> {
	const chosen = readSlotKey(q.get('slot'));
	if (!chosen) return null;
	const offered = await isSlotOffered(
		db,
		{
			officeId,
			consultantId: chosen.consultantId,
			format,
			start: chosen.start,
			sprechtagId: chosen.sprechtagId
		},
		now
	);
	if (!offered) return null;
	const all = await listSlots(
		db,
		{
			officeId,
			from: berlinDate(offered.start),
			to: berlinDate(offered.start),
			format,
			consultantId: offered.consultantId
		},
		now
	);
	const places = await sprechtagPlaces(db, offered.sprechtagId ? [offered.sprechtagId] : []);
	const place = offered.sprechtagId ? places.get(offered.sprechtagId) : undefined;
	return {
		slot: {
			key: slotKey(offered),
			start: offered.start,
			end: offered.end,
			consultantName: all.find((s) => s.start === offered.start)?.consultantName ?? '',
			place: place ? `${place.venue}, ${place.town}` : null
		},
		week: mondayOf(berlinDate(offered.start))
	};
}

/** Step 4: one week of free slots within the booking horizon. */
async function weekStep(
	db: Db,
	q: URLSearchParams,
	at: { officeId: number; format: SlotFormat; today: string; horizonDays: number },
	now: Date
) {
	const firstWeek = mondayOf(at.today);
	const lastDay = addDays(at.today, at.horizonDays);
	const requestedWeek = q.get('woche');
	let week = requestedWeek && /^\d{4}-\d{2}-\d{2}$/.test(requestedWeek) ? mondayOf(requestedWeek) : firstWeek;
	if (week < firstWeek) week = firstWeek;
	const weekSlots = async (w: string) =>
		listSlots(db, { officeId: at.officeId, from: w, to: addDays(w, 6), format: at.format }, now);
	let slots = await weekSlots(week);
	// Without an explicit week, jump to the first week that has anything to offer.
	if (!requestedWeek) {
		while (slots.length === 0 && addDays(week, 7) <= lastDay) {
			week = addDays(week, 7);
			slots = await weekSlots(week);
		}
	}
	return slotWeek(db, slots, week, { firstWeek, lastDay });
}

export type Flow = Awaited<ReturnType<typeof loadFlow>>;

/**
 * One week of slots as booking and moving a booking show it: grouped by day, with the weeks
 * before and after while they lie within the booking horizon.
 */
async function slotWeek(
	db: Db,
	slots: Awaited<ReturnType<typeof listSlots>>,
	week: string,
	bounds: { firstWeek: string; lastDay: string }
) {
	return {
		week,
		weekEnd: addDays(week, 6),
		prevWeek: week > bounds.firstWeek ? addDays(week, -7) : null,
		nextWeek: addDays(week, 7) <= bounds.lastDay ? addDays(week, 7) : null,
		days: await slotDays(db, slots)
	};
}

/** A week's slots grouped by Berlin day, each with its Sprechtag place (for the booking and the move). */
async function slotDays(db: Db, slots: Awaited<ReturnType<typeof listSlots>>) {
	const places = await sprechtagPlaces(db, [
		...new Set(slots.map((s) => s.sprechtagId).filter((id): id is number => id !== null))
	]);
	const days: { date: string; slots: FlowSlot[] }[] = [];
	for (const s of slots) {
		const date = berlinDate(s.start);
		let day = days.find((d) => d.date === date);
		if (!day) {
			day = { date, slots: [] };
			days.push(day);
		}
		const place = s.sprechtagId ? places.get(s.sprechtagId) : undefined;
		day.slots.push({
			key: slotKey(s),
			start: s.start,
			end: s.end,
			consultantName: s.consultantName,
			place: place ? `${place.venue}, ${place.town}` : null
		});
	}
	return days;
}

/** Office, format and slot as the URL names them (for the final POST); null when incomplete. */
export async function chosenSlot(db: Db, url: URL) {
	const q = url.searchParams;
	const slot = readSlotKey(q.get('slot'));
	const format = FORMATS.find((f) => f === q.get('format'));
	const office = await getOfficeByKey(db, q.get('buero') ?? '');
	if (!slot || !format || !office?.active) return null;
	return { ...slot, format, officeId: office.id };
}

/** A field the browser did not send at all counts as empty (optional fields only). */
const blank = (v: unknown) => v ?? '';

/** The intake form (step 5). Reference keys are checked again by the command. */
export const intakeSchema = z.object({
	name: requiredText(200),
	email: email(),
	phone: z.preprocess(
		blank,
		phone().transform((v) => (v === '' ? null : v))
	),
	postcode: z.preprocess(
		(v) => {
			// What people type ("D-1067", "01 067") is stored as five digits; other text fails below.
			const read = readPostcode(typeof v === 'string' ? v : '');
			return read.kind === 'ok' ? read.plz : blank(v);
		},
		z
			.string()
			.trim()
			.regex(/^(\d{5})?$/, { message: 'booking.flow.error.postcode' })
			.transform((v) => (v === '' ? null : v))
	),
	land: requiredText(10),
	submarket: z.string().trim().min(1, { message: 'booking.flow.error.choose' }),
	stage: z.string().trim().min(1, { message: 'booking.flow.error.choose' }),
	topics: z.array(z.string().max(60)).max(30),
	concern: requiredText(CONCERN_MAX),
	heard_from: z.preprocess(blank, optionalText(200)),
	consent_processing: checkbox().refine((v) => v, { message: 'booking.flow.error.consent' }),
	consent_notes: checkbox(),
	consent_news: checkbox(),
	submission_id: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/)
});

export type Intake = z.output<typeof intakeSchema>;

/** Free slots of the booking's office and format in one week, for moving a booking. */
export async function rescheduleWeek(
	db: Db,
	booking: { officeId: number; format: SlotFormat; start: number },
	requestedWeek: string | null,
	now: Date
) {
	const today = berlinDate(now.getTime());
	const settings = await getBookingSettings(db, booking.officeId);
	const firstWeek = mondayOf(today);
	const lastDay = addDays(today, settings.horizonDays);
	let week =
		requestedWeek && /^\d{4}-\d{2}-\d{2}$/.test(requestedWeek)
			? mondayOf(requestedWeek)
			: mondayOf(berlinDate(booking.start));
	if (week < firstWeek) week = firstWeek;
	const slots = (
		await listSlots(
			db,
			{ officeId: booking.officeId, from: week, to: addDays(week, 6), format: booking.format },
			now
		)
	).filter((s) => s.start !== booking.start);
	return slotWeek(db, slots, week, { firstWeek, lastDay });
}

/**
 * The final POST of a parsed intake. What was chosen in steps 2–4 comes from the URL; the command
 * re-checks the slot under its lock (and a double submit finds its first booking by the
 * submission id first).
 */
export async function submitIntake(
	services: Services,
	event: Pick<RequestEvent, 'url' | 'locals' | 'getClientAddress'>,
	intake: { data: Intake; values: FormValues }
) {
	const { locale, requestId } = event.locals;
	const { data: d, values } = intake;
	const chosen = await chosenSlot(services.db, event.url);
	if (!chosen) return { kind: 'slot_gone' as const };
	// Issue 13, part 5: a concern with an ID number or an Art. 9 word is not sent until the person chooses.
	const refused = await freeTextFailure(services.db, {
		officeId: chosen.officeId,
		texts: { concern: d.concern },
		form: values,
		values,
		locale
	});
	if (refused) return { kind: 'refused' as const, failure: refused };
	const result = await requestBooking(
		services,
		{
			officeId: chosen.officeId,
			consultantId: chosen.consultantId,
			format: chosen.format,
			start: chosen.start,
			sprechtagId: chosen.sprechtagId,
			...bookingIntake('public', d),
			locale,
			idempotencyKey: `form:${d.submission_id}`
		},
		{ requestId, clientAddress: event.getClientAddress() }
	);
	return { kind: 'requested' as const, result };
}
