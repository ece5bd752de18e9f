import { type AuditActor, recordAudit } from '../audit/index';
import { type Db, isUniqueViolation, transact, type Tx } from '../db/transaction';
import type { Services } from '../runtime';
import { contactPointProblems, type FieldProblem } from './checks';
import { type ContactPoint, getContactPoint } from './queries';
import type { ContactPointCreateInput, ContactPointInput } from './schema';

/**
 * Changes to the directory. Each command is one transaction holding the change and its audit
 * row. Saving an entry counts as verifying it: staff edit what they have just checked, so the
 * save stamps "last verified" (who, when). Who may edit is decided by the route.
 */
export type CommandServices = Pick<Services, 'db' | 'clock'>;

export interface CommandContext {
	requestId?: string | null;
}

export type { FieldProblem };

export type CommandFailure = { ok: false; notFound: boolean; problems: FieldProblem[] };
export type CommandResult<T> = { ok: true; value: T } | CommandFailure;

const notFound: CommandFailure = { ok: false, notFound: true, problems: [] };

class Rejected extends Error {
	constructor(readonly problems: FieldProblem[]) {
		super('rejected');
	}
}

async function run<T>(db: Db, work: (trx: Tx) => Promise<CommandResult<T>>): Promise<CommandResult<T>> {
	try {
		return await transact(db, work);
	} catch (err) {
		if (err instanceof Rejected) return { ok: false, notFound: false, problems: err.problems };
		throw err;
	}
}

/** Rolls the transaction back when one of the form's rules (checks.ts) refuses. */
function refuseOn(problems: FieldProblem[]): void {
	if (problems.length > 0) throw new Rejected(problems);
}

function organizationColumns(input: ContactPointInput) {
	return {
		name: input.name,
		description: input.organizationDescription ?? '',
		website: input.website,
		email: input.email,
		phone: input.phone,
		is_advocacy: input.advocacy ? 1 : 0
	};
}

function serviceColumns(input: ContactPointInput) {
	return {
		name: input.name,
		description: input.description,
		kind: input.kind,
		cost: input.cost,
		active: input.active ? 1 : 0
	};
}

/** Replaces a service's areas and taxonomy terms (used by the commands and the HSDS import). */
export async function replaceAreasAndTerms(
	trx: Tx,
	serviceId: number,
	v: {
		scope: 'bund' | 'land';
		laender: readonly string[];
		topics: readonly string[];
		submarkets: readonly string[];
	}
): Promise<void> {
	await trx.deleteFrom('cp_service_area').where('service_id', '=', serviceId).execute();
	await trx.deleteFrom('cp_service_taxonomy').where('service_id', '=', serviceId).execute();
	const areas =
		v.scope === 'bund'
			? [{ service_id: serviceId, scope: 'bund' as const, land_iso: null }]
			: [...new Set(v.laender)].map((land_iso) => ({
					service_id: serviceId,
					scope: 'land' as const,
					land_iso
				}));
	if (areas.length > 0) await trx.insertInto('cp_service_area').values(areas).execute();
	const terms = [
		...[...new Set(v.topics)].map((term_key) => ({
			service_id: serviceId,
			vocabulary: 'topic' as const,
			term_key
		})),
		...[...new Set(v.submarkets)].map((term_key) => ({
			service_id: serviceId,
			vocabulary: 'submarket' as const,
			term_key
		}))
	];
	if (terms.length > 0) await trx.insertInto('cp_service_taxonomy').values(terms).execute();
}

/** Form field names whose value differs between the stored entry and the input. */
function changedFields(before: ContactPoint, input: ContactPointInput): string[] {
	const list = (a: readonly string[]) => [...new Set(a)].sort().join(' ');
	const pairs: [string, unknown, unknown][] = [
		['name', before.name, input.name],
		['description', before.description, input.description],
		['organizationDescription', before.organizationDescription, input.organizationDescription ?? ''],
		['kind', before.kind, input.kind],
		['cost', before.cost, input.cost],
		['website', before.website, input.website],
		['email', before.email, input.email],
		['phone', before.phone, input.phone],
		['advocacy', before.advocacy, input.advocacy],
		['active', before.active, input.active],
		['scope', before.scope, input.scope],
		['laender', list(before.laender), input.scope === 'bund' ? '' : list(input.laender)],
		['topics', list(before.topics), list(input.topics)],
		['submarkets', list(before.submarkets), list(input.submarkets)]
	];
	return pairs.filter(([, a, b]) => a !== b).map(([f]) => f);
}

export async function createContactPoint(
	services: CommandServices,
	actor: AuditActor,
	input: ContactPointCreateInput,
	ctx: CommandContext = {}
): Promise<CommandResult<{ id: number; key: string }>> {
	const now = services.clock.now();
	const t = now.getTime();
	const taken: CommandFailure = {
		ok: false,
		notFound: false,
		problems: [{ field: 'key', message: 'directory.error.keyTaken' }]
	};
	try {
		return await run(services.db, async (trx) => {
			refuseOn(await contactPointProblems(trx, input));
			const { id } = await trx
				.insertInto('cp_organization')
				.values({
					key: input.key,
					...organizationColumns(input),
					last_verified_at: t,
					last_verified_by: actor.label,
					created_at: t,
					updated_at: t
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			const orgId = Number(id);
			const service = await trx
				.insertInto('cp_service')
				.values({ organization_id: orgId, ...serviceColumns(input), url: null })
				.returning('id')
				.executeTakeFirstOrThrow();
			await replaceAreasAndTerms(trx, Number(service.id), input);
			await recordAudit(
				trx,
				actor,
				{
					action: 'directory.created',
					subject: { kind: 'contact_point', id: orgId },
					data: { key: input.key }
				},
				{ now, requestId: ctx.requestId }
			);
			return { ok: true, value: { id: orgId, key: input.key } };
		});
	} catch (err) {
		if (isUniqueViolation(err)) return taken;
		throw err;
	}
}

export async function updateContactPoint(
	services: CommandServices,
	actor: AuditActor,
	id: number,
	input: ContactPointInput,
	ctx: CommandContext = {}
): Promise<CommandResult<{ changed: string[] }>> {
	const now = services.clock.now();
	const t = now.getTime();
	return run(services.db, async (trx) => {
		const before = await getContactPoint(trx, id);
		if (!before) return notFound;
		refuseOn(await contactPointProblems(trx, { topics: input.topics, submarkets: input.submarkets }));
		const changed = changedFields(before, input);
		await trx
			.updateTable('cp_organization')
			.set({
				...organizationColumns(input),
				last_verified_at: t,
				last_verified_by: actor.label,
				updated_at: t
			})
			.where('id', '=', id)
			.execute();
		await trx
			.updateTable('cp_service')
			.set(serviceColumns(input))
			.where('id', '=', before.serviceId)
			.execute();
		await replaceAreasAndTerms(trx, before.serviceId, input);
		await recordAudit(
			trx,
			actor,
			{
				action: 'directory.updated',
				subject: { kind: 'contact_point', id },
				data: { key: before.key, changed }
			},
			{ now, requestId: ctx.requestId }
		);
		return { ok: true, value: { changed } };
	});
}

/** "Als geprüft markieren": the entry was checked and is still right. */
export async function markVerified(
	services: CommandServices,
	actor: AuditActor,
	id: number,
	ctx: CommandContext = {}
): Promise<CommandResult<{ at: number }>> {
	const now = services.clock.now();
	const t = now.getTime();
	return run(services.db, async (trx) => {
		const row = await trx
			.selectFrom('cp_organization')
			.select(['id', 'key'])
			.where('id', '=', id)
			.executeTakeFirst();
		if (!row) return notFound;
		await trx
			.updateTable('cp_organization')
			.set({ last_verified_at: t, last_verified_by: actor.label, updated_at: t })
			.where('id', '=', id)
			.execute();
		await recordAudit(
			trx,
			actor,
			{ action: 'directory.verified', subject: { kind: 'contact_point', id }, data: { key: row.key } },
			{ now, requestId: ctx.requestId }
		);
		return { ok: true, value: { at: t } };
	});
}
