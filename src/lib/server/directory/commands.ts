import { type AuditActor, recordAudit } from '../audit/index';
import type * as Checked from '../db/checked-transaction';
import { type AuditTime, notFound, refuseOn, runChecked } from '../db/checked-transaction';
import type { CommandContext, CommandServices } from '../db/checked-transaction';
import type { Tx } from '../db/transaction';
import { contactPointProblems, type FieldProblem } from './checks';
import { type ContactPoint, getContactPoint } from './queries';
import type { ContactPointCreateInput, ContactPointInput } from './schema';

/**
 * Changes to the directory. Each command is one transaction holding the change and its audit
 * row. Saving an entry counts as verifying it: staff edit what they have just checked, so the
 * save stamps "last verified" (who, when). Who may edit is decided by the route.
 */
export type { CommandContext, CommandServices } from '../db/checked-transaction';
export type { FieldProblem };
export type CommandFailure = Checked.CommandFailure<FieldProblem>;
export type CommandResult<T> = Checked.CommandResult<T, FieldProblem>;

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

/** Saving an entry verifies it: who checked it and when (see the file's comment). */
function verifiedNow(actor: AuditActor, t: number) {
	return { last_verified_at: t, last_verified_by: actor.label, updated_at: t };
}

/** The one audit row of an import, CSV or HSDS: how many entries it created and updated. */
export function auditImport(
	trx: Tx,
	actor: AuditActor,
	at: AuditTime,
	data: { format: 'csv' | 'hsds'; created: number; updated: number; skipped?: number }
): Promise<void> {
	return recordAudit(
		trx,
		actor,
		{ action: 'directory.imported', subject: { kind: 'contact_point' }, data },
		at
	);
}

export function createContactPoint(
	services: CommandServices,
	actor: AuditActor,
	input: ContactPointCreateInput,
	ctx: CommandContext = {}
): Promise<CommandResult<{ id: number; key: string }>> {
	const keyTaken: FieldProblem = { field: 'key', message: 'directory.error.keyTaken' };
	const work = async (trx: Tx, at: AuditTime): Promise<CommandResult<{ id: number; key: string }>> => {
		refuseOn(await contactPointProblems(trx, input));
		const t = at.now.getTime();
		const { id } = await trx
			.insertInto('cp_organization')
			.values({ key: input.key, ...organizationColumns(input), ...verifiedNow(actor, t), created_at: t })
			.returning('id')
			.executeTakeFirstOrThrow();
		const orgId = Number(id);
		const service = await trx
			.insertInto('cp_service')
			.values({ organization_id: orgId, ...serviceColumns(input), url: null })
			.returning('id')
			.executeTakeFirstOrThrow();
		await replaceAreasAndTerms(trx, Number(service.id), input);
		const subject = { kind: 'contact_point', id: orgId };
		await recordAudit(trx, actor, { action: 'directory.created', subject, data: { key: input.key } }, at);
		return { ok: true, value: { id: orgId, key: input.key } };
	};
	return runChecked(services, ctx, work, { keyTaken });
}

export function updateContactPoint(
	services: CommandServices,
	actor: AuditActor,
	id: number,
	input: ContactPointInput,
	ctx: CommandContext = {}
): Promise<CommandResult<{ changed: string[] }>> {
	return runChecked(services, ctx, async (trx, at) => {
		const before = await getContactPoint(trx, id);
		if (!before) return notFound;
		refuseOn(await contactPointProblems(trx, { topics: input.topics, submarkets: input.submarkets }));
		const changed = changedFields(before, input);
		await trx
			.updateTable('cp_organization')
			.set({ ...organizationColumns(input), ...verifiedNow(actor, at.now.getTime()) })
			.where('id', '=', id)
			.execute();
		await trx
			.updateTable('cp_service')
			.set(serviceColumns(input))
			.where('id', '=', before.serviceId)
			.execute();
		await replaceAreasAndTerms(trx, before.serviceId, input);
		const data = { key: before.key, changed };
		await recordAudit(
			trx,
			actor,
			{ action: 'directory.updated', subject: { kind: 'contact_point', id }, data },
			at
		);
		return { ok: true, value: { changed } };
	});
}

/** "Als geprüft markieren": the entry was checked and is still right. */
export function markVerified(
	services: CommandServices,
	actor: AuditActor,
	id: number,
	ctx: CommandContext = {}
): Promise<CommandResult<{ at: number }>> {
	return runChecked(services, ctx, async (trx, at) => {
		const row = await trx
			.selectFrom('cp_organization')
			.select(['id', 'key'])
			.where('id', '=', id)
			.executeTakeFirst();
		if (!row) return notFound;
		const t = at.now.getTime();
		await trx.updateTable('cp_organization').set(verifiedNow(actor, t)).where('id', '=', id).execute();
		const data = { key: row.key };
		await recordAudit(
			trx,
			actor,
			{ action: 'directory.verified', subject: { kind: 'contact_point', id }, data },
			at
		);
		return { ok: true, value: { at: t } };
	});
}
