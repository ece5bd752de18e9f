import { type OfficeScope, scopeIncludes } from '../access/scope';
import { type AuditActor, type AuditEntry, recordAudit } from '../audit/index';
import { type Db, type Tx, transact } from '../db/transaction';
import type { RequestContext } from '../identity/index';
import type { Services } from '../runtime';
import { mailRegistrant } from './notify';
import { type EventRecord, loadEvent, loadRegistration, registrationsOf } from './records';
import { ACTIVE_STATUSES, type EventAction, eventActionAllowed, toldOfEventChanges } from './rules';
import type { EventInput } from './schema';
import { fillFreedPlaces, lockEvent } from './waitlist';

/**
 * What staff do with events: create (draft), edit, publish, cancel in one action (everyone
 * told), mark attendance. Office events belong to the office's staff (consultants and leads);
 * events of the whole network (office_id null) to network admins only. Every change is audited
 * in its transaction.
 */
export interface EventStaff {
	id: number;
	email: string;
	/** The gate's proof of which offices the caller may see. */
	scope: OfficeScope;
	isNetworkAdmin: boolean;
}

export const staffEventActor = (s: EventStaff): AuditActor => ({ kind: 'staff', id: s.id, label: s.email });

/** Office events: members of that office (and admins); network events: admins only. */
export function mayManage(staff: EventStaff, officeId: number | null): boolean {
	if (officeId === null) return staff.isNetworkAdmin;
	return scopeIncludes(staff.scope, officeId);
}

export type StaffResult<T = { eventId: number }> =
	| ({ ok: true } & T)
	| {
			ok: false;
			reason: 'not_found' | 'forbidden' | 'not_allowed' | 'invalid';
			fields?: Record<string, string>;
	  };

/**
 * The keys an event names that the reference data does not know, as field codes ('unknown').
 * Read-only: the commands ask it in their transaction, and the routes ask it of a form that
 * failed its schema anyway, so these errors come with the others in one round (issue 16).
 */
export async function validateReferences(
	trx: Db | Tx,
	input: Pick<EventInput, 'submarkets' | 'topics' | 'venueLand'>
): Promise<Record<string, string>> {
	const fields: Record<string, string> = {};
	if (input.submarkets.length > 0) {
		const rows = await trx
			.selectFrom('submarket')
			.select('key')
			.where('key', 'in', input.submarkets)
			.execute();
		if (rows.length !== input.submarkets.length) fields.submarkets = 'unknown';
	}
	if (input.topics.length > 0) {
		const rows = await trx.selectFrom('topic').select('key').where('key', 'in', input.topics).execute();
		if (rows.length !== input.topics.length) fields.topics = 'unknown';
	}
	if (input.venueLand) {
		const land = await trx
			.selectFrom('land')
			.select('iso')
			.where('iso', '=', input.venueLand)
			.executeTakeFirst();
		if (!land) fields.venue_land = 'unknown';
	}
	return fields;
}

function columns(input: EventInput) {
	return {
		type: input.type,
		title: input.title,
		description: input.description,
		submarkets: JSON.stringify(input.submarkets),
		topics: JSON.stringify(input.topics),
		format: input.format,
		venue_name: input.venueName,
		venue_address: input.venueAddress,
		venue_land: input.venueLand,
		accessibility: input.accessibility,
		online_url: input.onlineUrl,
		start_at: input.start,
		end_at: input.end,
		capacity: input.capacity,
		registration_opens_at: input.registrationOpensAt,
		registration_closes_at: input.registrationClosesAt,
		offer_hours: input.offerHours,
		questions: JSON.stringify(input.questions),
		contact_name: input.contactName,
		contact_email: input.contactEmail,
		materials_url: input.materialsUrl
	};
}

/** A new event as a draft, for the office (or, by a network admin with `network`, for all). */
export async function createEvent(
	services: Services,
	staff: EventStaff,
	officeId: number,
	input: EventInput,
	ctx: RequestContext = {}
): Promise<StaffResult> {
	const owner = input.network ? null : officeId;
	if (!mayManage(staff, owner)) return { ok: false, reason: 'forbidden' };
	const now = services.clock.now();
	const t = now.getTime();
	if (input.start <= t) return { ok: false, reason: 'invalid', fields: { start_date: 'past' } };
	return transact(services.db, async (trx): Promise<StaffResult> => {
		const fields = await validateReferences(trx, input);
		if (Object.keys(fields).length > 0) return { ok: false, reason: 'invalid', fields };
		const row = await trx
			.insertInto('event')
			.values({
				office_id: owner,
				...columns(input),
				status: 'draft',
				created_by: staff.id,
				created_at: t,
				updated_at: t
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const id = Number(row.id);
		await auditByStaff(
			trx,
			staff,
			now,
			ctx,
			{ id, officeId: owner },
			{ action: 'event.created', data: { type: input.type, start: input.start } }
		);
		return { ok: true, eventId: id };
	});
}

/** A staff action on the locked event, once the event's state and time allow the action. */
async function guarded<T extends { eventId: number }>(
	services: Services,
	staff: EventStaff,
	eventId: number,
	action: EventAction,
	work: (trx: Tx, e: EventRecord, now: Date) => Promise<StaffResult<T>>
): Promise<StaffResult<T>> {
	return transact(services.db, async (trx): Promise<StaffResult<T>> => {
		if (!(await lockEvent(trx, eventId))) return { ok: false, reason: 'not_found' };
		const e = (await loadEvent(trx, eventId))!;
		// Another office's event answers like a missing one.
		if (!mayManage(staff, e.officeId)) return { ok: false, reason: 'not_found' };
		const now = services.clock.now();
		if (!eventActionAllowed(e.status, action, { now: now.getTime(), start: e.start, end: e.end })) {
			return { ok: false, reason: 'not_allowed' };
		}
		return work(trx, e, now);
	});
}

/**
 * The audit entry of a staff change to an event (or, given a subject, to one of its registrations),
 * written in its transaction; the event's office scopes it.
 */
function auditByStaff(
	trx: Tx,
	staff: EventStaff,
	now: Date,
	ctx: RequestContext,
	event: { id: number; officeId: number | null },
	change: Pick<AuditEntry, 'action' | 'data'>,
	subject: AuditEntry['subject'] = { kind: 'event', id: event.id }
) {
	return recordAudit(
		trx,
		staffEventActor(staff),
		{ ...change, subject, officeId: event.officeId },
		{ now, requestId: ctx.requestId }
	);
}

export function updateEvent(
	services: Services,
	staff: EventStaff,
	eventId: number,
	input: EventInput,
	ctx: RequestContext = {}
): Promise<StaffResult> {
	return guarded(services, staff, eventId, 'edit', async (trx, e, now) => {
		const t = now.getTime();
		// Who organises it is fixed once created (the audience and scope of the data depend on it).
		const fields = await validateReferences(trx, input);
		if (Object.keys(fields).length > 0) return { ok: false, reason: 'invalid', fields };
		const timeChanged = input.start !== e.start || input.end !== e.end;
		// What a registrant plans around: when, where, how, and the link to join.
		const practicalChanged =
			timeChanged ||
			input.format !== e.format ||
			input.venueName !== e.venueName ||
			input.venueAddress !== e.venueAddress ||
			input.onlineUrl !== e.onlineUrl;
		await trx
			.updateTable('event')
			.set(columns(input))
			.set((eb) => ({
				ics_sequence: practicalChanged ? eb('ics_sequence', '+', 1) : eb.ref('ics_sequence'),
				updated_at: t
			}))
			.where('id', '=', e.id)
			.execute();
		await auditByStaff(trx, staff, now, ctx, e, {
			action: 'event.updated',
			data: { timeChanged, practicalChanged }
		});
		// A published event whose time, place, format or link changed: everyone still registered or
		// waiting is told, confirmed registrants with an updated calendar entry.
		if (e.status === 'published' && practicalChanged) {
			const after = (await loadEvent(trx, e.id))!;
			for (const r of await registrationsOf(trx, e.id)) {
				if (!toldOfEventChanges(r, now.getTime())) continue;
				await mailRegistrant(trx, services, 'changed', after, r, now);
			}
		}
		// More places (or none limited any more): the waiting list moves up at once.
		if (e.status === 'published') await fillFreedPlaces(trx, services, e.id, now, staffEventActor(staff));
		return { ok: true, eventId: e.id };
	});
}

export function publishEvent(
	services: Services,
	staff: EventStaff,
	eventId: number,
	ctx: RequestContext = {}
): Promise<StaffResult> {
	return guarded(services, staff, eventId, 'publish', async (trx, e, now) => {
		const t = now.getTime();
		await trx
			.updateTable('event')
			.set({ status: 'published', published_at: t, updated_at: t })
			.where('id', '=', e.id)
			.where('status', '=', 'draft')
			.execute();
		await auditByStaff(trx, staff, now, ctx, e, { action: 'event.published' });
		return { ok: true, eventId: e.id };
	});
}

type EventCancelled = { eventId: number; told: number };

/**
 * Cancels the event in one action: every registrant and every person on the waiting list gets
 * a mail with the reason (confirmed ones with a METHOD:CANCEL calendar entry), and the public
 * page shows it cancelled.
 */
export function cancelEvent(
	services: Services,
	staff: EventStaff,
	eventId: number,
	reason: string,
	ctx: RequestContext = {}
): Promise<StaffResult<EventCancelled>> {
	return guarded<EventCancelled>(services, staff, eventId, 'cancel', async (trx, e, now) => {
		const t = now.getTime();
		await trx
			.updateTable('event')
			.set((eb) => ({
				status: 'cancelled',
				cancelled_at: t,
				cancel_reason: reason.trim(),
				ics_sequence: eb('ics_sequence', '+', 1),
				updated_at: t
			}))
			.where('id', '=', e.id)
			.where('status', '=', 'published')
			.execute();
		const after = (await loadEvent(trx, e.id))!;
		const regs = await registrationsOf(trx, e.id);
		let told = 0;
		for (const r of regs) {
			if (!ACTIVE_STATUSES.includes(r.status)) continue;
			await trx
				.updateTable('event_registration')
				.set({
					status: 'cancelled',
					cancelled_at: t,
					cancelled_by: 'event',
					hold_expires_at: null,
					offer_expires_at: null,
					updated_at: t
				})
				.where('id', '=', r.id)
				.execute();
			if (!toldOfEventChanges(r, t)) continue;
			await mailRegistrant(trx, services, 'eventCancelled', after, r, now, { reason: reason.trim() });
			told++;
		}
		await auditByStaff(trx, staff, now, ctx, e, {
			action: 'event.cancelled',
			data: { told, withReason: true }
		});
		return { ok: true, eventId: e.id, told };
	});
}

/** Attended / no-show (or cleared again) for a confirmed registration, from the check-in list. */
export function markAttendance(
	services: Services,
	staff: EventStaff,
	eventId: number,
	registrationId: number,
	attendance: 'attended' | 'no_show' | null,
	ctx: RequestContext = {}
): Promise<StaffResult> {
	return guarded(services, staff, eventId, 'check_in', async (trx, e, now) => {
		const t = now.getTime();
		const r = await loadRegistration(trx, registrationId);
		if (!r || r.eventId !== e.id) return { ok: false, reason: 'not_found' };
		if (r.status !== 'confirmed') return { ok: false, reason: 'not_allowed' };
		await trx
			.updateTable('event_registration')
			.set({ attendance, attendance_at: attendance ? t : null, updated_at: t })
			.where('id', '=', r.id)
			.execute();
		await auditByStaff(
			trx,
			staff,
			now,
			ctx,
			e,
			{ action: 'event.attendance', data: { eventId: e.id, attendance } },
			{ kind: 'event_registration', id: r.id }
		);
		return { ok: true, eventId: e.id };
	});
}
