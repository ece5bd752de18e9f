import { addDays, berlinInstant } from '../../time/berlin';
import { type OfficeScope, scopeIncludes } from '../access/scope';
import { type Insertable, type Selectable, sql } from 'kysely';
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
import type { OverrideInput, RuleInput } from './rules';
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

/** A weekly window as the rules engine reads it, with its row's id. */
export interface RuleView extends RuleInput {
	id: number;
}

/** A date override as the rules engine reads it, with its row's id. */
export interface OverrideView extends OverrideInput {
	id: number;
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

/**
 * One person's weekly windows or date overrides in one office (both tables carry office and
 * person; none outside the scope), ordered by `first` (weekday or date), then by start time.
 */
async function personRows<T extends 'availability_rule' | 'availability_override'>(
	db: Db,
	scope: OfficeScope,
	at: { table: T; officeId: number; consultantId: number; first: 'weekday' | 'date'; fromDate?: string }
): Promise<Selectable<DB[T]>[]> {
	if (!assertScope(scope, at.officeId)) return [];
	let q = db
		.selectFrom(at.table as 'availability_override')
		.selectAll()
		.where('office_id', '=', at.officeId)
		.where('consultant_id', '=', at.consultantId);
	if (at.fromDate !== undefined) q = q.where('date', '>=', at.fromDate);
	const rows = await q.orderBy(sql.ref(at.first)).orderBy('start_time').orderBy('id').execute();
	return rows as unknown as Selectable<DB[T]>[];
}

/** What a weekly window and a date override have in common, as the page shows them. */
function windowView<S extends string | null>(r: {
	id: number;
	consultant_id: number;
	start_time: S;
	end_time: S;
}) {
	return {
		id: Number(r.id),
		consultantId: Number(r.consultant_id),
		startTime: r.start_time,
		endTime: r.end_time
	};
}

export async function listRules(
	db: Db,
	scope: OfficeScope,
	officeId: number,
	consultantId: number
): Promise<RuleView[]> {
	const rows = await personRows(db, scope, {
		table: 'availability_rule',
		officeId,
		consultantId,
		first: 'weekday'
	});
	return rows.map((r) => ({
		...windowView(r),
		format: r.format,
		weekday: Number(r.weekday),
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
	const table = 'availability_override';
	const rows = await personRows(db, scope, { table, officeId, consultantId, first: 'date', fromDate });
	return rows.map((r) => ({ ...windowView(r), date: r.date, kind: r.kind, format: r.format }));
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

/** Where and when a Sprechtag is: what its staff view and the public events list both show. */
export const sprechtagPlaceColumns = [
	's.id',
	's.date',
	's.start_time',
	's.end_time',
	's.town',
	's.venue',
	's.address',
	's.accessibility'
] as const;

type PlaceRow = Pick<
	Selectable<DB['sprechtag']>,
	'id' | 'date' | 'start_time' | 'end_time' | 'town' | 'venue' | 'address' | 'accessibility'
>;

/** The view of `sprechtagPlaceColumns`. */
export function sprechtagPlace(r: PlaceRow) {
	return {
		id: Number(r.id),
		date: r.date,
		startTime: r.start_time,
		endTime: r.end_time,
		town: r.town,
		venue: r.venue,
		address: r.address,
		accessibility: r.accessibility
	};
}

const sprechtagColumns = [...sprechtagPlaceColumns, 's.consultant_id', 'u.name', 's.status'] as const;

function toSprechtagView(
	r: PlaceRow & { consultant_id: number; name: string; status: 'planned' | 'cancelled' }
): SprechtagView {
	return {
		...sprechtagPlace(r),
		consultantId: Number(r.consultant_id),
		consultantName: r.name,
		status: r.status
	};
}

/** An office's Sprechtage with their consultant's name, as every Sprechtag view reads them. */
function sprechtageOf(db: Db | Tx, officeId: number) {
	return db
		.selectFrom('sprechtag as s')
		.innerJoin('staff_user as u', 'u.id', 's.consultant_id')
		.select(sprechtagColumns)
		.where('s.office_id', '=', officeId);
}

/** Sprechtage of an office from `fromDate` on, soonest first. Public facts (no personal data). */
export async function listSprechtage(
	db: Db | Tx,
	officeId: number,
	fromDate: string
): Promise<SprechtagView[]> {
	const rows = await sprechtageOf(db, officeId)
		.where('s.date', '>=', fromDate)
		.orderBy('s.date')
		.orderBy('s.start_time')
		.orderBy('s.id')
		.execute();
	return rows.map(toSprechtagView);
}

export async function getSprechtag(db: Db | Tx, officeId: number, id: number): Promise<SprechtagView | null> {
	const row = await sprechtageOf(db, officeId).where('s.id', '=', id).executeTakeFirst();
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

/** Every command here: who acts, for which office, on what (a form's input or a row's id). */
type OfficeCommand<I> = (
	services: CommandServices,
	actor: OfficeActor,
	officeId: number,
	input: I,
	ctx?: RequestContext
) => Promise<AvailabilityResult>;

/** Who acts for which office and when: what every command here writes into its audit row. */
interface Act {
	actor: OfficeActor;
	officeId: number;
	now: Date;
	ctx: RequestContext;
}

type AuditData = NonNullable<AuditEntry['data']>;

/** The audit row of every command here: the acting staff member, the office, one subject. */
function auditAct(trx: Tx, act: Act, action: string, subject: { kind: string; id: number }, data: AuditData) {
	return recordAudit(
		trx,
		staffActor(act.actor),
		{ action, subject, officeId: act.officeId, data },
		{ now: act.now, requestId: act.ctx.requestId }
	);
}

/** The tables the add commands write; each table's name is also the audit subject's kind. */
type AddTable = 'availability_rule' | 'availability_override' | 'absence' | 'sprechtag';

/** What differs between the add commands: the rest is the one shape `addCommand` writes once. */
interface AddSpec<I extends { consultantId: number }, T extends AddTable> {
	table: T;
	action: string;
	allowed: (actor: OfficeActor, input: I) => boolean;
	/** A refusal found inside the transaction (e.g. an overlapping window), before the insert. */
	refuse?: (trx: Tx, input: I) => Promise<'overlap' | null>;
	row: (input: I, act: Act) => Insertable<DB[T]>;
	audit: (input: I) => AuditData;
}

/**
 * The one shape of every add command here: the actor may act → one transaction → the consultant
 * is a member of the office → the spec may refuse → the row → its audit row.
 */
function addCommand<I extends { consultantId: number }, T extends AddTable>(
	spec: AddSpec<I, T>
): OfficeCommand<I> {
	return async (services, actor, officeId, input, ctx = {}) => {
		if (!spec.allowed(actor, input)) return { ok: false, reason: 'forbidden' };
		const act: Act = { actor, officeId, now: services.clock.now(), ctx };
		return transact(services.db, async (trx) => {
			if (!(await isMember(trx, officeId, input.consultantId)))
				return { ok: false as const, reason: 'not_member' as const };
			const refused = await spec.refuse?.(trx, input);
			if (refused) return { ok: false as const, reason: refused };
			// Kysely cannot insert into a union of tables; each spec's row is typed for its own table.
			const row = await trx
				.insertInto(spec.table as 'sprechtag')
				.values(spec.row(input, act) as Insertable<DB['sprechtag']>)
				.returning('id')
				.executeTakeFirstOrThrow();
			const id = Number(row.id);
			await auditAct(trx, act, spec.action, { kind: spec.table, id }, spec.audit(input));
			return { ok: true as const, id };
		});
	};
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
 * slots would compete and the week would read ambiguously. The database answers whether one
 * clashes: times ('HH:MM') and dates ('YYYY-MM-DD') are fixed-width text, so they compare as
 * text, and an open end of a validity range (null) reaches every date.
 */
async function overlapsOwnRule(db: Db | Tx, rule: RuleWindow): Promise<boolean> {
	const clash = await db
		.selectFrom('availability_rule')
		.select('id')
		.where('consultant_id', '=', rule.consultantId)
		.where('weekday', '=', rule.weekday)
		.where((eb) => eb.and([eb('start_time', '<', rule.endTime), eb('end_time', '>', rule.startTime)]))
		.where((eb) =>
			eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', rule.validTo ?? '9999-12-31')])
		)
		.where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', rule.validFrom ?? '0000-00-00')]))
		.executeTakeFirst();
	return clash !== undefined;
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

export const addRule = addCommand<RuleFormInput, 'availability_rule'>({
	table: 'availability_rule',
	action: 'availability.rule.added',
	allowed: (actor, input) => mayActFor(actor, input.consultantId),
	refuse: async (trx, input) => ((await overlapsOwnRule(trx, input)) ? 'overlap' : null),
	row: (input, { officeId, now }) => ({
		consultant_id: input.consultantId,
		office_id: officeId,
		format: input.format,
		weekday: input.weekday,
		start_time: input.startTime,
		end_time: input.endTime,
		valid_from: input.validFrom,
		valid_to: input.validTo,
		created_at: now.getTime()
	}),
	audit: ({ consultantId, format, weekday, startTime, endTime, validFrom, validTo }) => ({
		consultantId,
		format,
		weekday,
		startTime,
		endTime,
		validFrom,
		validTo
	})
});

/** A row to remove as this office reaches it: whose it is and what its audit row says of it. */
type Found = { consultantId: number; audit: AuditData } | null;

/**
 * The one shape of every remove command here: one transaction → the row as this office reaches
 * it → the actor may act for its consultant → delete → the audit row with what was removed.
 */
function removeCommand(spec: {
	table: 'availability_rule' | 'availability_override' | 'absence';
	action: string;
	find: (trx: Tx, id: number, officeId: number) => Promise<Found>;
}): OfficeCommand<number> {
	return async (services, actor, officeId, id, ctx = {}) => {
		const act: Act = { actor, officeId, now: services.clock.now(), ctx };
		return transact(services.db, async (trx) => {
			const found = await spec.find(trx, id, officeId);
			if (!found) return { ok: false as const, reason: 'not_found' as const };
			if (!mayActFor(actor, found.consultantId)) return { ok: false as const, reason: 'forbidden' as const };
			await trx
				.deleteFrom(spec.table as 'absence')
				.where('id', '=', id)
				.execute();
			const data = { consultantId: found.consultantId, ...found.audit };
			await auditAct(trx, act, spec.action, { kind: spec.table, id }, data);
			return { ok: true as const };
		});
	};
}

/** Finds a weekly window or a date override: both tables carry their office. */
function inOffice<T extends 'availability_rule' | 'availability_override'>(
	table: T,
	summarize: (row: Selectable<DB[T]>) => AuditData
) {
	return async (trx: Tx, id: number, officeId: number): Promise<Found> => {
		const row = await trx
			.selectFrom(table as 'availability_rule')
			.selectAll()
			.where('id', '=', id)
			.where('office_id', '=', officeId)
			.executeTakeFirst();
		if (!row) return null;
		return { consultantId: Number(row.consultant_id), audit: summarize(row as unknown as Selectable<DB[T]>) };
	};
}

export const removeRule = removeCommand({
	table: 'availability_rule',
	action: 'availability.rule.removed',
	find: inOffice('availability_rule', (rule) => ({
		format: rule.format,
		weekday: Number(rule.weekday),
		startTime: rule.start_time,
		endTime: rule.end_time
	}))
});

export const addOverride = addCommand<OverrideFormInput, 'availability_override'>({
	table: 'availability_override',
	action: 'availability.override.added',
	allowed: (actor, input) => mayActFor(actor, input.consultantId),
	row: (input, { officeId, now }) => ({
		consultant_id: input.consultantId,
		office_id: officeId,
		date: input.date,
		kind: input.kind,
		format: input.format,
		start_time: input.startTime,
		end_time: input.endTime,
		created_at: now.getTime()
	}),
	audit: ({ consultantId, date, kind, format, startTime, endTime }) => ({
		consultantId,
		date,
		kind,
		format,
		startTime,
		endTime
	})
});

export const removeOverride = removeCommand({
	table: 'availability_override',
	action: 'availability.override.removed',
	find: inOffice('availability_override', (row) => ({ date: row.date, kind: row.kind }))
});

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

export const addAbsence = addCommand<AbsenceFormInput, 'absence'>({
	table: 'absence',
	action: 'absence.added',
	allowed: (actor, input) => mayActFor(actor, input.consultantId),
	row: (input, { actor, now }) => {
		const { start, end } = absenceInterval(input);
		return {
			consultant_id: input.consultantId,
			start_at: start,
			end_at: end,
			kind: input.kind,
			created_by: actor.id,
			created_at: now.getTime()
		};
	},
	// The kind stays out of the audit log: "illness" is health data.
	audit: (input) => ({ consultantId: input.consultantId, ...absenceInterval(input) })
});

export const removeAbsence = removeCommand({
	table: 'absence',
	action: 'absence.removed',
	find: async (trx, id, officeId) => {
		const row = await trx
			.selectFrom('absence')
			.select(['consultant_id', 'start_at', 'end_at'])
			.where('id', '=', id)
			.executeTakeFirst();
		// Absences carry no office: only those of this office's members can be reached from its page.
		if (!row || !(await isMember(trx, officeId, Number(row.consultant_id)))) return null;
		return {
			consultantId: Number(row.consultant_id),
			audit: { start: Number(row.start_at), end: Number(row.end_at) }
		};
	}
});

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

/** The columns the Sprechtag form sets, on creation and on every change. */
function sprechtagFacts(input: SprechtagFormInput, now: Date) {
	return {
		consultant_id: input.consultantId,
		date: input.date,
		start_time: input.startTime,
		end_time: input.endTime,
		town: input.town,
		venue: input.venue,
		address: input.address,
		accessibility: input.accessibility,
		updated_at: now.getTime()
	};
}

export const createSprechtag = addCommand<SprechtagFormInput, 'sprechtag'>({
	table: 'sprechtag',
	action: 'sprechtag.created',
	allowed: (actor) => isLead(actor),
	row: (input, { officeId, now }) => ({
		office_id: officeId,
		...sprechtagFacts(input, now),
		status: 'planned',
		created_at: now.getTime()
	}),
	audit: ({ consultantId, date, startTime, endTime, town }) => ({
		consultantId,
		date,
		startTime,
		endTime,
		town
	})
});

type Refusal = Extract<AvailabilityResult, { ok: false }>;

/**
 * The one shape of the changes to an existing Sprechtag: only a lead → one transaction → the
 * office's Sprechtag → `change` refuses or updates it and names its audit row → the audit row.
 */
async function changeSprechtag(
	services: CommandServices,
	act: Act,
	sprechtagId: number,
	change: (
		trx: Tx,
		day: Selectable<DB['sprechtag']>
	) => Promise<Refusal | { action: string; data: AuditData }>
): Promise<AvailabilityResult> {
	if (!isLead(act.actor)) return { ok: false, reason: 'forbidden' };
	return transact(services.db, async (trx) => {
		const day = await trx
			.selectFrom('sprechtag')
			.selectAll()
			.where('id', '=', sprechtagId)
			.where('office_id', '=', act.officeId)
			.executeTakeFirst();
		if (!day) return { ok: false as const, reason: 'not_found' as const };
		const done = await change(trx, day);
		if ('reason' in done) return done;
		await auditAct(trx, act, done.action, { kind: 'sprechtag', id: sprechtagId }, done.data);
		return { ok: true as const };
	});
}

/** Which of a Sprechtag's facts the form changes, by the names the audit row gives them. */
function changedFacts(day: Selectable<DB['sprechtag']>, input: SprechtagFormInput) {
	return (
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
	const act: Act = { actor, officeId, now: services.clock.now(), ctx };
	const result = await changeSprechtag(services, act, sprechtagId, async (trx, day) => {
		if (day.status !== 'planned') return { ok: false, reason: 'not_found' };
		if (!(await isMember(trx, officeId, input.consultantId))) return { ok: false, reason: 'not_member' };
		const changed = changedFacts(day, input);
		const timing = changed.some(
			(k) => k === 'consultantId' || k === 'date' || k === 'startTime' || k === 'endTime'
		);
		if (timing && (await activeBookingsOn(trx, sprechtagId, act.now)) > 0)
			return { ok: false, reason: 'has_bookings' };
		if (changed.length === 0) return { ok: false, reason: 'unchanged' };
		await trx
			.updateTable('sprechtag')
			.set(sprechtagFacts(input, act.now))
			.where('id', '=', sprechtagId)
			.execute();
		return { action: 'sprechtag.updated', data: { changed } };
	});
	return result.ok ? { ok: true, id: sprechtagId } : result;
}

/** Cancels a Sprechtag that nobody is booked on (bookings are moved or cancelled first). */
export const cancelSprechtag: OfficeCommand<number> = (services, actor, officeId, sprechtagId, ctx = {}) => {
	const act: Act = { actor, officeId, now: services.clock.now(), ctx };
	return changeSprechtag(services, act, sprechtagId, async (trx, day) => {
		if (day.status === 'cancelled') return { ok: false, reason: 'unchanged' };
		if ((await activeBookingsOn(trx, sprechtagId, act.now)) > 0) return { ok: false, reason: 'has_bookings' };
		await trx
			.updateTable('sprechtag')
			.set({ status: 'cancelled', updated_at: act.now.getTime() })
			.where('id', '=', sprechtagId)
			.execute();
		return { action: 'sprechtag.cancelled', data: { date: day.date } };
	});
};
