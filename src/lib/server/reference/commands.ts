import { addDefaultSensitiveKeywords } from './sensitive-keyword-defaults';
import { type AuditActor, type AuditEntry, recordAudit } from '../audit/index';
import type * as Checked from '../db/checked-transaction';
import { type AuditTime, notFound, refuseOn, runChecked } from '../db/checked-transaction';
import type { CommandContext, CommandServices } from '../db/checked-transaction';
import type { Tx } from '../db/transaction';
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
export type { CommandContext, CommandServices } from '../db/checked-transaction';
export type { FieldProblem };
export type CommandFailure = Checked.CommandFailure<FieldProblem>;
export type CommandResult<T> = Checked.CommandResult<T, FieldProblem>;

/** The audit actor for a signed-in staff member. */
export function staffAuditActor(staff: { id: number; email: string }): AuditActor {
	return { kind: 'staff', id: staff.id, label: staff.email };
}

/**
 * One reference-data command: SERIALIZABLE on PostgreSQL (with retry) and BEGIN IMMEDIATE on
 * SQLite, so the check "no other active office covers this Land" cannot interleave with another
 * save; a refused rule rolls it back with its field problems.
 */
function runCommand<T>(
	services: CommandServices,
	ctx: CommandContext,
	work: (trx: Tx, at: AuditTime) => Promise<CommandResult<T>>,
	keyTaken?: FieldProblem
): Promise<CommandResult<T>> {
	return runChecked(services, ctx, work, { serializable: true, keyTaken });
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

async function replaceLaender(trx: Tx, officeId: number, laender: readonly string[]): Promise<void> {
	await trx.deleteFrom('office_land').where('office_id', '=', officeId).execute();
	const unique = [...new Set(laender)];
	if (unique.length > 0)
		await trx
			.insertInto('office_land')
			.values(unique.map((land_iso) => ({ office_id: officeId, land_iso })))
			.execute();
}

export function createOffice(
	services: CommandServices,
	actor: AuditActor,
	input: OfficeCreateInput,
	ctx: CommandContext = {}
): Promise<CommandResult<{ id: number; key: string }>> {
	// Two admins creating the same key at once: the unique index decides.
	const keyTaken: FieldProblem = { field: 'key', message: 'reference.error.officeKeyTaken' };
	return runCommand(
		services,
		ctx,
		async (trx, at) => {
			refuseOn(await officeProblems(trx, { id: null, ...input }));
			const t = at.now.getTime();
			const { id } = await trx
				.insertInto('office')
				.values({ key: input.key, ...officeColumns(input), created_at: t, updated_at: t })
				.returning('id')
				.executeTakeFirstOrThrow();
			const officeId = Number(id);
			await replaceLaender(trx, officeId, input.laender);
			await addDefaultSensitiveKeywords(trx, officeId, t);
			const data = { key: input.key, laender: [...new Set(input.laender)].sort(), active: input.active };
			const subject = { kind: 'office', id: officeId };
			await recordAudit(trx, actor, { action: 'office.created', subject, officeId, data }, at);
			return { ok: true, value: { id: officeId, key: input.key } };
		},
		keyTaken
	);
}

/**
 * The one shape of both office edits (admin form, office page): the office → the columns the
 * form sets → nothing changed, or the row updated with its audit row (`audit` adds its facts).
 */
function changeOffice(
	services: CommandServices,
	actor: AuditActor,
	officeId: number,
	ctx: CommandContext,
	edit: {
		check?: (trx: Tx) => Promise<FieldProblem[]>;
		columns: Partial<OfficeColumns>;
		laender?: readonly string[];
		audit: NonNullable<AuditEntry['data']>;
	}
): Promise<CommandResult<{ changed: string[] }>> {
	return runCommand(services, ctx, async (trx, at) => {
		const before = await getOfficeById(trx, officeId);
		if (!before) return notFound;
		if (edit.check) refuseOn(await edit.check(trx));
		const changed = changedFields(before, edit.columns, edit.laender);
		if (changed.length === 0) return { ok: true, value: { changed } };
		await trx
			.updateTable('office')
			.set({ ...edit.columns, updated_at: at.now.getTime() })
			.where('id', '=', officeId)
			.execute();
		if (edit.laender && changed.includes('laender')) await replaceLaender(trx, officeId, edit.laender);
		const entry = { action: 'office.updated', subject: { kind: 'office', id: officeId }, officeId };
		await recordAudit(trx, actor, { ...entry, data: { changed, ...edit.audit } }, at);
		return { ok: true, value: { changed } };
	});
}

/** Both office edits are called alike: who edits which office with which form's input. */
type OfficeEdit<I> = (
	services: CommandServices,
	actor: AuditActor,
	officeId: number,
	input: I,
	ctx?: CommandContext
) => Promise<CommandResult<{ changed: string[] }>>;

/** Everything about an office except its key (which appears in URLs and never changes). */
export const updateOffice: OfficeEdit<OfficeInput> = (services, actor, officeId, input, ctx = {}) =>
	changeOffice(services, actor, officeId, ctx, {
		check: (trx) => officeProblems(trx, { id: officeId, ...input }),
		columns: officeColumns(input),
		laender: input.laender,
		audit: { laender: [...new Set(input.laender)].sort(), active: input.active }
	});

/** Contact data and opening hours, as an office lead edits them on the office page. */
export const updateOfficeContact: OfficeEdit<OfficeContactInput> = (
	services,
	actor,
	officeId,
	input,
	ctx = {}
) =>
	changeOffice(services, actor, officeId, ctx, {
		columns: contactColumns(input),
		audit: { via: 'office_page' }
	});

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
export function createEntry(
	services: CommandServices,
	actor: AuditActor,
	kind: ReferenceKind,
	input: EntryCreateInput,
	ctx: CommandContext = {}
): Promise<CommandResult<{ key: string }>> {
	const keyTaken: FieldProblem = { field: 'key', message: 'reference.error.entryKeyTaken' };
	return runCommand(
		services,
		ctx,
		async (trx, at) => {
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
			const data = { key: input.key, active: input.active };
			await recordAudit(
				trx,
				actor,
				{ action: `reference.${kind}.created`, subject: { kind, id: input.key }, data },
				at
			);
			return { ok: true, value: { key: input.key } };
		},
		keyTaken
	);
}

export function updateEntry(
	services: CommandServices,
	actor: AuditActor,
	kind: ReferenceKind,
	key: string,
	input: EntryInput,
	ctx: CommandContext = {}
): Promise<CommandResult<{ changed: string[] }>> {
	return runCommand(services, ctx, async (trx, at) => {
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
		const data = { changed, active: input.active };
		await recordAudit(
			trx,
			actor,
			{ action: `reference.${kind}.updated`, subject: { kind, id: key }, data },
			at
		);
		return { ok: true, value: { changed } };
	});
}
