import { addDefaultSensitiveKeywords } from './sensitive-keyword-defaults';
import { type AuditActor, recordAudit } from '../audit/index';
import { type Db, isUniqueViolation, transact, type Tx } from '../db/transaction';
import type { Services } from '../runtime';
import { getOfficeById, type Office } from './queries';
import { entryKeyProblems, type FieldProblem, officeProblems } from './checks';
import type {
	EntryCreateInput,
	EntryInput,
	OfficeContactInput,
	OfficeCreateInput,
	OfficeInput,
	ReferenceKind
} from './schema';

/**
 * Changes to reference data. Each command is one transaction holding the change and its
 * audit row. Validation of shape happens in schema.ts; here are the checks that need the
 * database (unique keys, one active office per Land).
 */
export type CommandServices = Pick<Services, 'db' | 'clock'>;

/** What a command knows about the request that caused it (for the audit row). */
export interface CommandContext {
	requestId?: string | null;
}

export type { FieldProblem };

export type CommandFailure = { ok: false; notFound: boolean; problems: FieldProblem[] };
export type CommandResult<T> = { ok: true; value: T } | CommandFailure;

const notFound: CommandFailure = { ok: false, notFound: true, problems: [] };
const invalid = (problems: FieldProblem[]): CommandFailure => ({ ok: false, notFound: false, problems });

/** The audit actor for a signed-in staff member. */
export function staffAuditActor(staff: { id: number; email: string }): AuditActor {
	return { kind: 'staff', id: staff.id, label: staff.email };
}

/** Thrown inside a transaction to roll it back with field problems. */
class Rejected extends Error {
	constructor(readonly problems: FieldProblem[]) {
		super('rejected');
	}
}

async function runCommand<T>(
	db: Db,
	work: (trx: Tx) => Promise<CommandResult<T>>
): Promise<CommandResult<T>> {
	try {
		// SERIALIZABLE on PostgreSQL (with retry) and BEGIN IMMEDIATE on SQLite: the check
		// "no other active office covers this Land" cannot interleave with another save.
		return await transact(db, work, { serializable: true });
	} catch (err) {
		if (err instanceof Rejected) return invalid(err.problems);
		throw err;
	}
}

type OfficeColumns = {
	name: string;
	seat: string;
	seat_confirmed: number;
	phone: string;
	email: string;
	street: string;
	postcode: string;
	city: string;
	opening_hours: string;
	active: number;
	valid_from: string | null;
	valid_to: string | null;
};

function contactColumns(input: OfficeContactInput) {
	return {
		phone: input.phone,
		email: input.email ?? '',
		street: input.street ?? '',
		postcode: input.postcode ?? '',
		city: input.city ?? '',
		opening_hours: input.openingHours ?? ''
	};
}

function officeColumns(input: OfficeInput): OfficeColumns {
	return {
		name: input.name,
		seat: input.seat,
		seat_confirmed: input.seatConfirmed ? 1 : 0,
		...contactColumns(input),
		active: input.active ? 1 : 0,
		valid_from: input.validFrom,
		valid_to: input.validTo
	};
}

/** Field names (as in the forms) whose value differs between the stored office and the new columns. */
function changedFields(before: Office, after: Partial<OfficeColumns>, laender?: readonly string[]): string[] {
	const current: Record<keyof OfficeColumns, string | number | null> = {
		name: before.name,
		seat: before.seat,
		seat_confirmed: before.seatConfirmed ? 1 : 0,
		phone: before.phone,
		email: before.email,
		street: before.street,
		postcode: before.postcode,
		city: before.city,
		opening_hours: before.openingHours,
		active: before.active ? 1 : 0,
		valid_from: before.validFrom,
		valid_to: before.validTo
	};
	const formName: Record<keyof OfficeColumns, string> = {
		name: 'name',
		seat: 'seat',
		seat_confirmed: 'seatConfirmed',
		phone: 'phone',
		email: 'email',
		street: 'street',
		postcode: 'postcode',
		city: 'city',
		opening_hours: 'openingHours',
		active: 'active',
		valid_from: 'validFrom',
		valid_to: 'validTo'
	};
	const changed = (Object.keys(after) as (keyof OfficeColumns)[])
		.filter((k) => after[k] !== current[k])
		.map((k) => formName[k]);
	if (laender && [...laender].sort().join(' ') !== before.laender.join(' ')) changed.push('laender');
	return changed;
}

/** Rolls the transaction back when one of the form's rules (checks.ts) refuses. */
function refuseOn(problems: FieldProblem[]): void {
	if (problems.length > 0) throw new Rejected(problems);
}

async function replaceLaender(trx: Tx, officeId: number, laender: readonly string[]): Promise<void> {
	await trx.deleteFrom('office_land').where('office_id', '=', officeId).execute();
	const unique = [...new Set(laender)];
	if (unique.length > 0)
		await trx
			.insertInto('office_land')
			.values(unique.map((land_iso) => ({ office_id: officeId, land_iso })))
			.execute();
}

export async function createOffice(
	services: CommandServices,
	actor: AuditActor,
	input: OfficeCreateInput,
	ctx: CommandContext = {}
): Promise<CommandResult<{ id: number; key: string }>> {
	const now = services.clock.now();
	const t = now.getTime();
	try {
		return await runCommand(services.db, async (trx) => {
			refuseOn(await officeProblems(trx, { id: null, ...input }));
			const { id } = await trx
				.insertInto('office')
				.values({ key: input.key, ...officeColumns(input), created_at: t, updated_at: t })
				.returning('id')
				.executeTakeFirstOrThrow();
			const officeId = Number(id);
			await replaceLaender(trx, officeId, input.laender);
			await addDefaultSensitiveKeywords(trx, officeId, t);
			await recordAudit(
				trx,
				actor,
				{
					action: 'office.created',
					subject: { kind: 'office', id: officeId },
					officeId,
					data: { key: input.key, laender: [...new Set(input.laender)].sort(), active: input.active }
				},
				{ now, requestId: ctx.requestId }
			);
			return { ok: true, value: { id: officeId, key: input.key } };
		});
	} catch (err) {
		// Two admins creating the same key at once: the unique index decides.
		if (isUniqueViolation(err)) return invalid([{ field: 'key', message: 'reference.error.officeKeyTaken' }]);
		throw err;
	}
}

/** Everything about an office except its key (which appears in URLs and never changes). */
export async function updateOffice(
	services: CommandServices,
	actor: AuditActor,
	officeId: number,
	input: OfficeInput,
	ctx: CommandContext = {}
): Promise<CommandResult<{ changed: string[] }>> {
	const now = services.clock.now();
	return runCommand(services.db, async (trx) => {
		const before = await getOfficeById(trx, officeId);
		if (!before) return notFound;
		refuseOn(await officeProblems(trx, { id: officeId, ...input }));
		const columns = officeColumns(input);
		const changed = changedFields(before, columns, input.laender);
		if (changed.length === 0) return { ok: true, value: { changed } };
		await trx
			.updateTable('office')
			.set({ ...columns, updated_at: now.getTime() })
			.where('id', '=', officeId)
			.execute();
		if (changed.includes('laender')) await replaceLaender(trx, officeId, input.laender);
		await recordAudit(
			trx,
			actor,
			{
				action: 'office.updated',
				subject: { kind: 'office', id: officeId },
				officeId,
				data: { changed, laender: [...new Set(input.laender)].sort(), active: input.active }
			},
			{ now, requestId: ctx.requestId }
		);
		return { ok: true, value: { changed } };
	});
}

/** Contact data and opening hours, as an office lead edits them on the office page. */
export async function updateOfficeContact(
	services: CommandServices,
	actor: AuditActor,
	officeId: number,
	input: OfficeContactInput,
	ctx: CommandContext = {}
): Promise<CommandResult<{ changed: string[] }>> {
	const now = services.clock.now();
	return runCommand(services.db, async (trx) => {
		const before = await getOfficeById(trx, officeId);
		if (!before) return notFound;
		const columns = contactColumns(input);
		const changed = changedFields(before, columns);
		if (changed.length === 0) return { ok: true, value: { changed } };
		await trx
			.updateTable('office')
			.set({ ...columns, updated_at: now.getTime() })
			.where('id', '=', officeId)
			.execute();
		await recordAudit(
			trx,
			actor,
			{
				action: 'office.updated',
				subject: { kind: 'office', id: officeId },
				officeId,
				data: { changed, via: 'office_page' }
			},
			{ now, requestId: ctx.requestId }
		);
		return { ok: true, value: { changed } };
	});
}

function entryColumns(kind: ReferenceKind, input: EntryInput) {
	const base = {
		name_de: input.nameDe,
		name_en: input.nameEn,
		active: input.active ? 1 : 0,
		sort: input.sort
	};
	return kind === 'submarket' && input.group ? { ...base, grp: input.group } : base;
}

/** A new sub-market, topic or stage. The key is checked against all entries of that kind. */
export async function createEntry(
	services: CommandServices,
	actor: AuditActor,
	kind: ReferenceKind,
	input: EntryCreateInput,
	ctx: CommandContext = {}
): Promise<CommandResult<{ key: string }>> {
	const now = services.clock.now();
	try {
		return await runCommand(services.db, async (trx) => {
			refuseOn(await entryKeyProblems(trx, kind, input.key));
			const columns = entryColumns(kind, input);
			if (kind === 'submarket')
				await trx
					.insertInto('submarket')
					.values({ key: input.key, grp: 'sonstige', optional: 0, ...columns })
					.execute();
			else
				await trx
					.insertInto(kind)
					.values({ key: input.key, ...columns })
					.execute();
			await recordAudit(
				trx,
				actor,
				{
					action: `reference.${kind}.created`,
					subject: { kind, id: input.key },
					data: { key: input.key, active: input.active }
				},
				{ now, requestId: ctx.requestId }
			);
			return { ok: true, value: { key: input.key } };
		});
	} catch (err) {
		if (isUniqueViolation(err)) return invalid([{ field: 'key', message: 'reference.error.entryKeyTaken' }]);
		throw err;
	}
}

export async function updateEntry(
	services: CommandServices,
	actor: AuditActor,
	kind: ReferenceKind,
	key: string,
	input: EntryInput,
	ctx: CommandContext = {}
): Promise<CommandResult<{ changed: string[] }>> {
	const now = services.clock.now();
	return runCommand(services.db, async (trx) => {
		const before =
			kind === 'submarket'
				? await trx.selectFrom('submarket').selectAll().where('key', '=', key).executeTakeFirst()
				: await trx.selectFrom(kind).selectAll().where('key', '=', key).executeTakeFirst();
		if (!before) return notFound;
		const columns = entryColumns(kind, input);
		const formName = { name_de: 'nameDe', name_en: 'nameEn', active: 'active', sort: 'sort', grp: 'group' };
		const changed = Object.entries(columns)
			.filter(([column, value]) => String((before as Record<string, unknown>)[column]) !== String(value))
			.map(([column]) => formName[column as keyof typeof formName]);
		if (changed.length === 0) return { ok: true, value: { changed } };
		if (kind === 'submarket')
			await trx.updateTable('submarket').set(columns).where('key', '=', key).execute();
		else await trx.updateTable(kind).set(columns).where('key', '=', key).execute();
		await recordAudit(
			trx,
			actor,
			{
				action: `reference.${kind}.updated`,
				subject: { kind, id: key },
				data: { changed, active: input.active }
			},
			{ now, requestId: ctx.requestId }
		);
		return { ok: true, value: { changed } };
	});
}
