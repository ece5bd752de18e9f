import { addDays, berlinInstant } from '../../time/berlin';
import { type OfficeScope, scopeIncludes } from '../access/scope';
import type { Selectable } from 'kysely';
import { type AuditEntry, recordAudit } from '../audit/index';
import type { DB } from '../db/schema';
import type { Db, Tx } from '../db/transaction';
import { transact } from '../db/transaction';
import { type RequestContext, staffActor } from '../identity/index';
import type { Services } from '../runtime';
import type {
	AbsenceFormInput,
	OverrideFormInput,
	RuleFormInput,
	SprechtagFormInput
} from './availability-schema';
import type { WeeklyFormat } from './rules';
import { isLead, type OfficeActor } from './settings';
import { officeConsultants } from './slots';

/**
 * Weekly hours, date overrides, absences and Sprechtage: queries (taking an OfficeScope) and
 * commands (guard → transaction → audit row). A consultant manages their own hours, overrides
 * and absences; a lead (or network admin) manages anyone's in the office and the Sprechtage.
 */
type CommandServices = Pick<Services, 'db' | 'clock'>;

export type AvailabilityResult =
	| { ok: true; id?: number }
	| {
			ok: false;
			reason: 'forbidden' | 'not_found' | 'not_member' | 'overlap' | 'has_bookings' | 'unchanged';
	  };

// ------------------------------------------------------------------------------------------
// Queries

export interface RuleView {
	id: number;
	consultantId: number;
	format: WeeklyFormat;
	weekday: number;
	startTime: string;
	endTime: string;
	validFrom: string | null;
	validTo: string | null;
}

export interface OverrideView {
	id: number;
	consultantId: number;
	date: string;
	kind: 'extra' | 'blocked';
	format: WeeklyFormat | null;
	startTime: string | null;
	endTime: string | null;
}

export interface AbsenceView {
	id: number;
	consultantId: number;
	consultantName: string;
	kind: 'holiday' | 'illness' | 'other';
	start: number;
	end: number;
}

export interface SprechtagView {
	id: number;
	consultantId: number;
	consultantName: string;
	date: string;
	startTime: string;
	endTime: string;
	town: string;
	venue: string;
	address: string;
	accessibility: string;
	status: 'planned' | 'cancelled';
}

function assertScope(scope: OfficeScope, officeId: number): boolean {
	return scopeIncludes(scope, officeId);
}

export async function listRules(
	db: Db,
	scope: OfficeScope,
	officeId: number,
	consultantId: number
): Promise<RuleView[]> {
	if (!assertScope(scope, officeId)) return [];
	const rows = await db
		.selectFrom('availability_rule')
		.select(['id', 'consultant_id', 'format', 'weekday', 'start_time', 'end_time', 'valid_from', 'valid_to'])
		.where('office_id', '=', officeId)
		.where('consultant_id', '=', consultantId)
		.orderBy('weekday')
		.orderBy('start_time')
		.orderBy('id')
		.execute();
	return rows.map((r) => ({
		id: Number(r.id),
		consultantId: Number(r.consultant_id),
		format: r.format,
		weekday: Number(r.weekday),
		startTime: r.start_time,
		endTime: r.end_time,
		validFrom: r.valid_from,
		validTo: r.valid_to
	}));
}

/** Overrides from `fromDate` on (past ones no longer matter for booking). */
export async function listOverrides(
	db: Db,
	scope: OfficeScope,
	officeId: number,
	consultantId: number,
	fromDate: string
): Promise<OverrideView[]> {
	if (!assertScope(scope, officeId)) return [];
	const rows = await db
		.selectFrom('availability_override')
		.select(['id', 'consultant_id', 'date', 'kind', 'format', 'start_time', 'end_time'])
		.where('office_id', '=', officeId)
		.where('consultant_id', '=', consultantId)
		.where('date', '>=', fromDate)
		.orderBy('date')
		.orderBy('start_time')
		.orderBy('id')
		.execute();
	return rows.map((r) => ({
		id: Number(r.id),
		consultantId: Number(r.consultant_id),
		date: r.date,
		kind: r.kind,
		format: r.format,
		startTime: r.start_time,
		endTime: r.end_time
	}));
}

/**
 * Absences that have not ended, of the office's consultants (or only of `consultantId`).
 * The kind (illness!) is personal data: only leads and the person themselves see it.
 */
export async function listAbsences(
	db: Db,
	scope: OfficeScope,
	officeId: number,
	now: Date,
	consultantId?: number
): Promise<AbsenceView[]> {
	if (!assertScope(scope, officeId)) return [];
	let q = db
		.selectFrom('absence as a')
		.innerJoin('staff_membership as m', (j) =>
			j.onRef('m.user_id', '=', 'a.consultant_id').on('m.office_id', '=', officeId)
		)
		.innerJoin('staff_user as u', 'u.id', 'a.consultant_id')
		.select(['a.id', 'a.consultant_id', 'u.name', 'a.kind', 'a.start_at', 'a.end_at'])
		.where('a.end_at', '>', now.getTime());
	if (consultantId !== undefined) q = q.where('a.consultant_id', '=', consultantId);
	const rows = await q.orderBy('a.start_at').orderBy('a.id').execute();
	return rows.map((r) => ({
		id: Number(r.id),
		consultantId: Number(r.consultant_id),
		consultantName: r.name,
		kind: r.kind,
		start: Number(r.start_at),
		end: Number(r.end_at)
	}));
}

function toSprechtagView(r: {
	id: number;
	consultant_id: number;
	name: string;
	date: string;
	start_time: string;
	end_time: string;
	town: string;
	venue: string;
	address: string;
	accessibility: string;
	status: 'planned' | 'cancelled';
}): SprechtagView {
	return {
		id: Number(r.id),
		consultantId: Number(r.consultant_id),
		consultantName: r.name,
		date: r.date,
		startTime: r.start_time,
		endTime: r.end_time,
		town: r.town,
		venue: r.venue,
		address: r.address,
		accessibility: r.accessibility,
		status: r.status
	};
}

const sprechtagColumns = [
	's.id',
	's.consultant_id',
	'u.name',
	's.date',
	's.start_time',
	's.end_time',
	's.town',
	's.venue',
	's.address',
	's.accessibility',
	's.status'
] as const;

/** Sprechtage of an office from `fromDate` on, soonest first. Public facts (no personal data). */
export async function listSprechtage(
	db: Db | Tx,
	officeId: number,
	fromDate: string
): Promise<SprechtagView[]> {
	const rows = await db
		.selectFrom('sprechtag as s')
		.innerJoin('staff_user as u', 'u.id', 's.consultant_id')
		.select(sprechtagColumns)
		.where('s.office_id', '=', officeId)
		.where('s.date', '>=', fromDate)
		.orderBy('s.date')
		.orderBy('s.start_time')
		.orderBy('s.id')
		.execute();
	return rows.map(toSprechtagView);
}

export async function getSprechtag(db: Db | Tx, officeId: number, id: number): Promise<SprechtagView | null> {
	const row = await db
		.selectFrom('sprechtag as s')
		.innerJoin('staff_user as u', 'u.id', 's.consultant_id')
		.select(sprechtagColumns)
		.where('s.office_id', '=', officeId)
		.where('s.id', '=', id)
		.executeTakeFirst();
	return row ? toSprechtagView(row) : null;
}

// ------------------------------------------------------------------------------------------
// Commands

/** A consultant acts for themselves; a lead for any member of the office. */
function mayActFor(actor: OfficeActor, consultantId: number): boolean {
	return isLead(actor) || actor.id === consultantId;
}

async function isMember(trx: Db | Tx, officeId: number, consultantId: number): Promise<boolean> {
	const members = await officeConsultants(trx, officeId);
	return members.some((m) => m.id === consultantId);
}

function rangesOverlap(
	aFrom: string | null,
	aTo: string | null,
	bFrom: string | null,
	bTo: string | null
): boolean {
	return (aFrom ?? '0000-00-00') <= (bTo ?? '9999-12-31') && (bFrom ?? '0000-00-00') <= (aTo ?? '9999-12-31');
}

/** What an add command inserts: the new row's id and what its audit row says of it. */
type Added = { id: number; audit: NonNullable<AuditEntry['data']> };

/**
 * The one shape of every add command here: the actor may act → one transaction → the consultant
 * is a member of the office → the row (`insert` may refuse, e.g. an overlap) → its audit row.
 */
async function addForMember(
	services: CommandServices,
	actor: OfficeActor,
	officeId: number,
	target: { consultantId: number; allowed: boolean; action: string; kind: string },
	insert: (trx: Tx, now: Date) => Promise<Added | { refused: 'overlap' }>,
	ctx: RequestContext
): Promise<AvailabilityResult> {
	if (!target.allowed) return { ok: false, reason: 'forbidden' };
	const now = services.clock.now();
	return transact(services.db, async (trx) => {
		if (!(await isMember(trx, officeId, target.consultantId)))
			return { ok: false as const, reason: 'not_member' as const };
		const added = await insert(trx, now);
		if ('refused' in added) return { ok: false as const, reason: added.refused };
		await recordAudit(
			trx,
			staffActor(actor),
			{ action: target.action, subject: { kind: target.kind, id: added.id }, officeId, data: added.audit },
			{ now, requestId: ctx.requestId }
		);
		return { ok: true as const, id: added.id };
	});
}

/** One weekly window of one person, as the rule form describes it. */
export interface RuleWindow {
	consultantId: number;
	weekday: number;
	startTime: string;
	endTime: string;
	validFrom: string | null;
	validTo: string | null;
}

/**
 * Two windows of one person on one weekday may not overlap (in any office or format): the
 * slots would compete and the week would read ambiguously.
 */
async function overlapsOwnRule(db: Db | Tx, rule: RuleWindow): Promise<boolean> {
	const sameDay = await db
		.selectFrom('availability_rule')
		.select(['start_time', 'end_time', 'valid_from', 'valid_to'])
		.where('consultant_id', '=', rule.consultantId)
		.where('weekday', '=', rule.weekday)
		.execute();
	return sameDay.some(
		(r) =>
			r.start_time < rule.endTime &&
			rule.startTime < r.end_time &&
			rangesOverlap(r.valid_from, r.valid_to, rule.validFrom, rule.validTo)
	);
}

/**
 * The overlap rule of addRule, read-only, for a rule form that failed its schema too: the
 * overlap is reported in the same round (issue 16). It answers only where addRule would get
 * that far (the actor may act for the person, who is a member here) and only when every part
 * of the window passed the schema, start before end and "from" not after "to".
 */
export async function ruleWouldOverlap(
	db: Db | Tx,
	actor: OfficeActor,
	officeId: number,
	rule: { [K in keyof RuleWindow]?: RuleWindow[K] | undefined }
): Promise<boolean> {
	const { consultantId, weekday, startTime, endTime, validFrom, validTo } = rule;
	if (consultantId === undefined || weekday === undefined || startTime === undefined) return false;
	if (endTime === undefined || validFrom === undefined || validTo === undefined) return false;
	if (endTime <= startTime || (validFrom && validTo && validTo < validFrom)) return false;
	if (!mayActFor(actor, consultantId)) return false;
	if (!(await isMember(db, officeId, consultantId))) return false;
	return overlapsOwnRule(db, { consultantId, weekday, startTime, endTime, validFrom, validTo });
}

export function addRule(
	services: CommandServices,
	actor: OfficeActor,
	officeId: number,
	input: RuleFormInput,
	ctx: RequestContext = {}
): Promise<AvailabilityResult> {
	const target = {
		consultantId: input.consultantId,
		allowed: mayActFor(actor, input.consultantId),
		action: 'availability.rule.added',
		kind: 'availability_rule'
	};
	return addForMember(
		services,
		actor,
		officeId,
		target,
		async (trx, now) => {
			if (await overlapsOwnRule(trx, input)) return { refused: 'overlap' };
			const row = await trx
				.insertInto('availability_rule')
				.values({
					consultant_id: input.consultantId,
					office_id: officeId,
					format: input.format,
					weekday: input.weekday,
					start_time: input.startTime,
					end_time: input.endTime,
					valid_from: input.validFrom,
					valid_to: input.validTo,
					created_at: now.getTime()
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			const { consultantId, format, weekday, startTime, endTime, validFrom, validTo } = input;
			return {
				id: Number(row.id),
				audit: { consultantId, format, weekday, startTime, endTime, validFrom, validTo }
			};
		},
		ctx
	);
}

/**
 * Removes one of a consultant's availability rows (weekly hours or a date override) in one
 * office, if the actor may act for that consultant; audited with what was removed.
 */
async function removeOwnedRow<T extends 'availability_rule' | 'availability_override'>(
	services: CommandServices,
	actor: OfficeActor,
	officeId: number,
	target: { table: T; id: number; action: string },
	summarize: (row: Selectable<DB[T]>) => NonNullable<AuditEntry['data']>,
	ctx: RequestContext
): Promise<AvailabilityResult> {
	const now = services.clock.now();
	return transact(services.db, async (trx) => {
		const table = target.table as 'availability_rule';
		const row = await trx
			.selectFrom(table)
			.selectAll()
			.where('id', '=', target.id)
			.where('office_id', '=', officeId)
			.executeTakeFirst();
		if (!row) return { ok: false as const, reason: 'not_found' as const };
		if (!mayActFor(actor, Number(row.consultant_id)))
			return { ok: false as const, reason: 'forbidden' as const };
		await trx.deleteFrom(table).where('id', '=', target.id).execute();
		await recordAudit(
			trx,
			staffActor(actor),
			{
				action: target.action,
				subject: { kind: target.table, id: target.id },
				officeId,
				data: { consultantId: Number(row.consultant_id), ...summarize(row as unknown as Selectable<DB[T]>) }
			},
			{ now, requestId: ctx.requestId }
		);
		return { ok: true as const };
	});
}

export function removeRule(
	services: CommandServices,
	actor: OfficeActor,
	officeId: number,
	ruleId: number,
	ctx: RequestContext = {}
): Promise<AvailabilityResult> {
	return removeOwnedRow(
		services,
		actor,
		officeId,
		{ table: 'availability_rule', id: ruleId, action: 'availability.rule.removed' },
		(rule) => ({
			format: rule.format,
			weekday: Number(rule.weekday),
			startTime: rule.start_time,
			endTime: rule.end_time
		}),
		ctx
	);
}

export function addOverride(
	services: CommandServices,
	actor: OfficeActor,
	officeId: number,
	input: OverrideFormInput,
	ctx: RequestContext = {}
): Promise<AvailabilityResult> {
	const target = {
		consultantId: input.consultantId,
		allowed: mayActFor(actor, input.consultantId),
		action: 'availability.override.added',
		kind: 'availability_override'
	};
	return addForMember(
		services,
		actor,
		officeId,
		target,
		async (trx, now) => {
			const row = await trx
				.insertInto('availability_override')
				.values({
					consultant_id: input.consultantId,
					office_id: officeId,
					date: input.date,
					kind: input.kind,
					format: input.format,
					start_time: input.startTime,
					end_time: input.endTime,
					created_at: now.getTime()
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			const { consultantId, date, kind, format, startTime, endTime } = input;
			return { id: Number(row.id), audit: { consultantId, date, kind, format, startTime, endTime } };
		},
		ctx
	);
}

export function removeOverride(
	services: CommandServices,
	actor: OfficeActor,
	officeId: number,
	overrideId: number,
	ctx: RequestContext = {}
): Promise<AvailabilityResult> {
	return removeOwnedRow(
		services,
		actor,
		officeId,
		{ table: 'availability_override', id: overrideId, action: 'availability.override.removed' },
		(row) => ({ date: row.date, kind: row.kind }),
		ctx
	);
}

/** [start, end) of an absence from dates and optional times (no times = whole days). */
export function absenceInterval(
	input: Pick<AbsenceFormInput, 'startDate' | 'startTime' | 'endDate' | 'endTime'>
): {
	start: number;
	end: number;
} {
	const start = berlinInstant(input.startDate, input.startTime ?? '00:00');
	const end = input.endTime
		? berlinInstant(input.endDate, input.endTime)
		: berlinInstant(addDays(input.endDate, 1), '00:00');
	return { start, end };
}

export function addAbsence(
	services: CommandServices,
	actor: OfficeActor,
	officeId: number,
	input: AbsenceFormInput,
	ctx: RequestContext = {}
): Promise<AvailabilityResult> {
	const { start, end } = absenceInterval(input);
	const target = {
		consultantId: input.consultantId,
		allowed: mayActFor(actor, input.consultantId),
		action: 'absence.added',
		kind: 'absence'
	};
	return addForMember(
		services,
		actor,
		officeId,
		target,
		async (trx, now) => {
			const row = await trx
				.insertInto('absence')
				.values({
					consultant_id: input.consultantId,
					start_at: start,
					end_at: end,
					kind: input.kind,
					created_by: actor.id,
					created_at: now.getTime()
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			// The kind stays out of the audit log: "illness" is health data.
			return { id: Number(row.id), audit: { consultantId: input.consultantId, start, end } };
		},
		ctx
	);
}

export async function removeAbsence(
	services: CommandServices,
	actor: OfficeActor,
	officeId: number,
	absenceId: number,
	ctx: RequestContext = {}
): Promise<AvailabilityResult> {
	const now = services.clock.now();
	return transact(services.db, async (trx) => {
		const row = await trx
			.selectFrom('absence')
			.select(['id', 'consultant_id', 'start_at', 'end_at'])
			.where('id', '=', absenceId)
			.executeTakeFirst();
		// Only absences of this office's members can be reached from this office's page.
		if (!row || !(await isMember(trx, officeId, Number(row.consultant_id))))
			return { ok: false as const, reason: 'not_found' as const };
		if (!mayActFor(actor, Number(row.consultant_id)))
			return { ok: false as const, reason: 'forbidden' as const };
		await trx.deleteFrom('absence').where('id', '=', absenceId).execute();
		await recordAudit(
			trx,
			staffActor(actor),
			{
				action: 'absence.removed',
				subject: { kind: 'absence', id: absenceId },
				officeId,
				data: {
					consultantId: Number(row.consultant_id),
					start: Number(row.start_at),
					end: Number(row.end_at)
				}
			},
			{ now, requestId: ctx.requestId }
		);
		return { ok: true as const };
	});
}

async function activeBookingsOn(trx: Tx, sprechtagId: number, now: Date): Promise<number> {
	const row = await trx
		.selectFrom('booking')
		.select((eb) => eb.fn.countAll<number | string>().as('n'))
		.where('sprechtag_id', '=', sprechtagId)
		.where((eb) =>
			eb.or([
				eb('status', '=', 'confirmed'),
				eb.and([eb('status', '=', 'held'), eb('hold_expires_at', '>', now.getTime())])
			])
		)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export function createSprechtag(
	services: CommandServices,
	actor: OfficeActor,
	officeId: number,
	input: SprechtagFormInput,
	ctx: RequestContext = {}
): Promise<AvailabilityResult> {
	const target = {
		consultantId: input.consultantId,
		allowed: isLead(actor),
		action: 'sprechtag.created',
		kind: 'sprechtag'
	};
	return addForMember(
		services,
		actor,
		officeId,
		target,
		async (trx, now) => {
			const row = await trx
				.insertInto('sprechtag')
				.values({
					office_id: officeId,
					consultant_id: input.consultantId,
					date: input.date,
					start_time: input.startTime,
					end_time: input.endTime,
					town: input.town,
					venue: input.venue,
					address: input.address,
					accessibility: input.accessibility,
					status: 'planned',
					created_at: now.getTime(),
					updated_at: now.getTime()
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			const { consultantId, date, startTime, endTime, town } = input;
			return { id: Number(row.id), audit: { consultantId, date, startTime, endTime, town } };
		},
		ctx
	);
}

/**
 * Changes a planned Sprechtag. Venue texts may change at any time; date, hours and consultant
 * only while nobody is booked (their bookings would no longer match; move them first).
 */
export async function updateSprechtag(
	services: CommandServices,
	actor: OfficeActor,
	officeId: number,
	sprechtagId: number,
	input: SprechtagFormInput,
	ctx: RequestContext = {}
): Promise<AvailabilityResult> {
	if (!isLead(actor)) return { ok: false, reason: 'forbidden' };
	const now = services.clock.now();
	return transact(services.db, async (trx) => {
		const day = await trx
			.selectFrom('sprechtag')
			.selectAll()
			.where('id', '=', sprechtagId)
			.where('office_id', '=', officeId)
			.executeTakeFirst();
		if (day?.status !== 'planned') return { ok: false as const, reason: 'not_found' as const };
		if (!(await isMember(trx, officeId, input.consultantId)))
			return { ok: false as const, reason: 'not_member' as const };
		const timing =
			day.date !== input.date ||
			day.start_time !== input.startTime ||
			day.end_time !== input.endTime ||
			Number(day.consultant_id) !== input.consultantId;
		if (timing && (await activeBookingsOn(trx, sprechtagId, now)) > 0)
			return { ok: false as const, reason: 'has_bookings' as const };
		const changed = (
			[
				['consultantId', Number(day.consultant_id) !== input.consultantId],
				['date', day.date !== input.date],
				['startTime', day.start_time !== input.startTime],
				['endTime', day.end_time !== input.endTime],
				['town', day.town !== input.town],
				['venue', day.venue !== input.venue],
				['address', day.address !== input.address],
				['accessibility', day.accessibility !== input.accessibility]
			] as const
		)
			.filter(([, c]) => c)
			.map(([k]) => k);
		if (changed.length === 0) return { ok: false as const, reason: 'unchanged' as const };
		await trx
			.updateTable('sprechtag')
			.set({
				consultant_id: input.consultantId,
				date: input.date,
				start_time: input.startTime,
				end_time: input.endTime,
				town: input.town,
				venue: input.venue,
				address: input.address,
				accessibility: input.accessibility,
				updated_at: now.getTime()
			})
			.where('id', '=', sprechtagId)
			.execute();
		await recordAudit(
			trx,
			staffActor(actor),
			{
				action: 'sprechtag.updated',
				subject: { kind: 'sprechtag', id: sprechtagId },
				officeId,
				data: { changed: [...changed] }
			},
			{ now, requestId: ctx.requestId }
		);
		return { ok: true as const, id: sprechtagId };
	});
}

/** Cancels a Sprechtag that nobody is booked on (bookings are moved or cancelled first). */
export async function cancelSprechtag(
	services: CommandServices,
	actor: OfficeActor,
	officeId: number,
	sprechtagId: number,
	ctx: RequestContext = {}
): Promise<AvailabilityResult> {
	if (!isLead(actor)) return { ok: false, reason: 'forbidden' };
	const now = services.clock.now();
	return transact(services.db, async (trx) => {
		const day = await trx
			.selectFrom('sprechtag')
			.select(['id', 'status', 'date'])
			.where('id', '=', sprechtagId)
			.where('office_id', '=', officeId)
			.executeTakeFirst();
		if (!day) return { ok: false as const, reason: 'not_found' as const };
		if (day.status === 'cancelled') return { ok: false as const, reason: 'unchanged' as const };
		if ((await activeBookingsOn(trx, sprechtagId, now)) > 0)
			return { ok: false as const, reason: 'has_bookings' as const };
		await trx
			.updateTable('sprechtag')
			.set({ status: 'cancelled', updated_at: now.getTime() })
			.where('id', '=', sprechtagId)
			.execute();
		await recordAudit(
			trx,
			staffActor(actor),
			{
				action: 'sprechtag.cancelled',
				subject: { kind: 'sprechtag', id: sprechtagId },
				officeId,
				data: { date: day.date }
			},
			{ now, requestId: ctx.requestId }
		);
		return { ok: true as const };
	});
}
