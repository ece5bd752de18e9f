import { type OfficeScope, scopeIncludes } from '../access/scope';
import { rowsForIds } from '../db/rows-for-ids';
import { type Db, type Tx, transactNow } from '../db/transaction';
import type { RequestContext } from '../identity/index';
import type { Services } from '../runtime';
import { auditVisibility, storedStrings, staffActor } from './actors';
import { introductionWithRequest } from './introductions';

/**
 * Profiles, images, reports about a profile and introductions are a creative's personal data;
 * decision makers and their requests are another data subject's (privacy/coverage.ts).
 * A creative exports and erases theirs with the portal's export and account deletion
 * (privacy/export.ts, erase.ts call these). A decision maker has no account: they ask the
 * office, whose lead downloads their data or erases it on the request's staff page.
 */
const iso = (v: number | string | null | undefined) => (v == null ? null : new Date(Number(v)).toISOString());

export async function exportVisibility(db: Db | Tx, creativeId: number) {
	const profiles = await exportProfiles(db, creativeId);
	const introduction = await exportIntroductions(db, creativeId);
	return { ...profiles, introduction };
}

/** The profile with what hangs on it: its image (as base64) and the reports about it. */
async function exportProfiles(db: Db | Tx, creativeId: number) {
	const profiles = await db.selectFrom('profile').selectAll().where('creative_id', '=', creativeId).execute();
	const ids = profiles.map((p) => Number(p.id));
	const images = await rowsForIds(ids, (inIds) =>
		db.selectFrom('profile_image').selectAll().where('profile_id', 'in', inIds).execute()
	);
	const reports = await rowsForIds(ids, (inIds) =>
		db
			.selectFrom('profile_report')
			.select(['reason', 'created_at', 'resolution', 'resolved_at'])
			.where('profile_id', 'in', inIds)
			.execute()
	);
	return {
		profile: profiles.map((p) => ({
			id: Number(p.id),
			kind: p.kind,
			display_name: p.display_name,
			submarkets: storedStrings(p.submarkets),
			land_iso: p.land_iso,
			town: p.town,
			bio: p.bio,
			services: storedStrings(p.services),
			links: storedStrings(p.links),
			contact_preference: p.contact_preference,
			status: p.status,
			publish_consent_version: p.publish_consent_version,
			publish_consented_at: iso(p.publish_consented_at),
			approved_at: iso(p.approved_at),
			reject_reason: p.reject_reason,
			hidden_at: iso(p.hidden_at),
			hidden_reason: p.hidden_reason,
			open_until: iso(p.open_until),
			created_at: iso(p.created_at),
			updated_at: iso(p.updated_at)
		})),
		profile_image: images.map((i) => ({
			mime: i.mime,
			width: Number(i.width),
			height: Number(i.height),
			alt: i.alt,
			created_at: iso(i.created_at),
			data_base64: Buffer.from(i.bytes).toString('base64')
		})),
		profile_report: reports.map((r) => ({
			reason: r.reason,
			created_at: iso(r.created_at),
			resolution: r.resolution,
			resolved_at: iso(r.resolved_at)
		}))
	};
}

/** The creative's introductions, named by the request's title (the decision maker's data stays theirs). */
async function exportIntroductions(db: Db | Tx, creativeId: number) {
	const intros = await introductionWithRequest(db)
		.select([
			'n.id',
			'n.origin',
			'n.status',
			'n.consultant_message',
			'n.creative_message',
			'n.proposed_at',
			'n.responded_at',
			'n.outcome',
			'n.outcome_at',
			'r.title'
		])
		.where('n.creative_id', '=', creativeId)
		.orderBy('n.id')
		.execute();
	return intros.map((n) => ({
		id: Number(n.id),
		request: n.title,
		origin: n.origin,
		status: n.status,
		consultant_message: n.consultant_message,
		creative_message: n.creative_message,
		proposed_at: iso(n.proposed_at),
		responded_at: iso(n.responded_at),
		outcome: n.outcome,
		outcome_at: iso(n.outcome_at)
	}));
}

/**
 * An erasure's step on introductions still waiting for an answer (proposed, or an interest not
 * passed on): withdrawn, their link dead. The caller names whose introductions (`where`).
 */
function withdrawUnanswered(trx: Tx, t: number) {
	return trx
		.updateTable('introduction')
		.set({ status: 'withdrawn', token_hash: null, updated_at: t })
		.where('status', 'in', ['proposed', 'interest']);
}

/**
 * In the creative's erasure transaction: the profile goes off the public at once and keeps only
 * what statistics count (Land, sub-markets, approval date); image and reports are deleted;
 * introductions lose their messages and link, keep status and outcome.
 */
export async function eraseVisibility(trx: Tx, creativeId: number, t: number): Promise<void> {
	const profiles = await trx
		.selectFrom('profile')
		.select('id')
		.where('creative_id', '=', creativeId)
		.execute();
	const ids = profiles.map((p) => Number(p.id));
	if (ids.length > 0) {
		await trx.deleteFrom('profile_image').where('profile_id', 'in', ids).execute();
		await trx.deleteFrom('profile_report').where('profile_id', 'in', ids).execute();
		await trx
			.updateTable('profile')
			.set({
				display_name: '',
				town: '',
				bio: '',
				services: '[]',
				links: '[]',
				status: 'draft',
				reject_reason: null,
				hidden_reason: null,
				open_until: null,
				erased_at: t,
				updated_at: t
			})
			.where('id', 'in', ids)
			.execute();
	}
	await withdrawUnanswered(trx, t).where('creative_id', '=', creativeId).execute();
	await trx
		.updateTable('introduction')
		.set({ consultant_message: null, creative_message: null, token_hash: null, token_expires_at: null })
		.where('creative_id', '=', creativeId)
		.execute();
}

async function decisionMakerInOffice(db: Db | Tx, scope: OfficeScope, officeId: number, dmId: number) {
	if (!scopeIncludes(scope, officeId)) return null;
	const dm = await db
		.selectFrom('decision_maker')
		.selectAll()
		.where('id', '=', dmId)
		.where('erased_at', 'is', null)
		.executeTakeFirst();
	if (!dm) return null;
	const inOffice = await db
		.selectFrom('project_request')
		.select('id')
		.where('decision_maker_id', '=', dmId)
		.where('office_id', '=', officeId)
		.executeTakeFirst();
	return inOffice ? dm : null;
}

/** Everything about one decision maker, for their access request (office lead, audited). */
export async function exportDecisionMaker(
	services: Services,
	staff: { id: number; email: string },
	scope: OfficeScope,
	input: { officeId: number; decisionMakerId: number },
	ctx: RequestContext = {}
) {
	const { db, clock } = services;
	const now = clock.now();
	const dm = await decisionMakerInOffice(db, scope, input.officeId, input.decisionMakerId);
	if (!dm) return null;
	const sections = await exportDecisionMakerSections(db, dm);
	await auditVisibility(db, now, ctx, staffActor(staff), 'decision_maker.exported', {
		kind: 'decision_maker',
		id: Number(dm.id),
		officeId: input.officeId
	});
	return {
		format: 'kreativlotse.decision-maker-export.v1',
		exportedAt: now.toISOString(),
		decision_maker: [
			{
				email: dm.email,
				email_verified_at: iso(dm.email_verified_at),
				organisation: dm.organisation,
				org_type: dm.org_type,
				contact_name: dm.contact_name,
				phone: dm.phone,
				locale: dm.locale,
				consent_version: dm.consent_version,
				created_at: iso(dm.created_at)
			}
		],
		...sections
	};
}

/**
 * Their requests, the introductions to them (status and outcome only: the creative's side is the
 * creative's data) and the mails sent to their address.
 */
async function exportDecisionMakerSections(db: Db | Tx, dm: { id: number; email: string }) {
	const requests = await db
		.selectFrom('project_request')
		.selectAll()
		.where('decision_maker_id', '=', dm.id)
		.orderBy('id')
		.execute();
	const ids = requests.map((r) => Number(r.id));
	const mails = await db
		.selectFrom('outbox')
		.select(['created_at', 'template', 'subject', 'text_body', 'status'])
		.where('to_address', '=', dm.email)
		.orderBy('id')
		.execute();
	const intros = await rowsForIds(ids, (inIds) =>
		db
			.selectFrom('introduction')
			.select(['request_id', 'status', 'outcome', 'responded_at'])
			.where('request_id', 'in', inIds)
			.execute()
	);
	return {
		project_request: requests.map((r) => ({
			id: Number(r.id),
			title: r.title,
			description: r.description,
			submarkets: storedStrings(r.submarkets),
			land_iso: r.land_iso,
			region: r.region,
			budget_min: r.budget_min,
			budget_max: r.budget_max,
			deadline: r.deadline,
			visibility: r.visibility,
			status: r.status,
			reject_reason: r.reject_reason,
			created_at: iso(r.created_at)
		})),
		introduction: intros.map((n) => ({
			request: Number(n.request_id),
			status: n.status,
			outcome: n.outcome,
			responded_at: iso(n.responded_at)
		})),
		outbox: mails.map((m) => ({
			created_at: iso(m.created_at),
			template: m.template,
			subject: m.subject,
			text: m.text_body,
			status: m.status
		}))
	};
}

/**
 * Erases a decision maker (office lead, on their request): contact data and request texts go,
 * open requests close, pending introductions are withdrawn, mails to them are redacted; counts
 * (requests, introductions, outcomes) stay as anonymous statistics.
 */
export async function eraseDecisionMaker(
	services: Services,
	staff: { id: number; email: string },
	scope: OfficeScope,
	input: { officeId: number; decisionMakerId: number },
	ctx: RequestContext = {}
): Promise<boolean> {
	return transactNow(services, async (trx, now) => {
		const dm = await decisionMakerInOffice(trx, scope, input.officeId, input.decisionMakerId);
		if (!dm) return false;
		await eraseDecisionMakerRows(trx, Number(dm.id), now.getTime());
		await auditVisibility(trx, now, ctx, staffActor(staff), 'decision_maker.erased', {
			kind: 'decision_maker',
			id: Number(dm.id),
			officeId: input.officeId
		});
		return true;
	});
}

/**
 * The rows part of a decision maker's erasure, in the caller's transaction: used by the office
 * lead's erasure above and by the retention run (privacy/retention.ts) a year after the last
 * request closed.
 */
export async function eraseDecisionMakerRows(trx: Tx, dmId: number, t: number): Promise<void> {
	const row = await trx
		.selectFrom('decision_maker')
		.select('email')
		.where('id', '=', dmId)
		.executeTakeFirst();
	if (!row) return;
	const email = row.email;
	const requests = await trx
		.selectFrom('project_request')
		.select('id')
		.where('decision_maker_id', '=', dmId)
		.execute();
	const ids = requests.map((r) => Number(r.id));
	if (ids.length > 0) {
		await trx
			.updateTable('project_request')
			.set({ status: 'closed', closed_at: t, updated_at: t })
			.where('id', 'in', ids)
			.where('status', 'in', ['unverified', 'pending', 'open'])
			.execute();
		await trx
			.updateTable('project_request')
			.set({ title: '', description: '', region: '', reject_reason: null, idempotency_key: null })
			.where('id', 'in', ids)
			.execute();
		await withdrawUnanswered(trx, t).where('request_id', 'in', ids).execute();
		await trx
			.deleteFrom('auth_token')
			.where('subject_kind', '=', 'project_request')
			.where('subject_id', 'in', ids)
			.execute();
	}
	await trx
		.updateTable('outbox')
		.set({
			to_address: 'erased@invalid',
			to_name: '',
			subject: 'erased',
			text_body: '',
			html_body: '',
			ics: null,
			last_error: null
		})
		.where('to_address', '=', email)
		.execute();
	await trx
		.updateTable('outbox')
		.set({ status: 'dead', claimed_by: null, claimed_at: null })
		.where('to_address', '=', 'erased@invalid')
		.where('status', '=', 'pending')
		.execute();
	await trx
		.updateTable('decision_maker')
		.set({
			email: `erased-dm-${dmId}@invalid`,
			email_verified_at: null,
			organisation: '',
			contact_name: '',
			phone: null,
			erased_at: t,
			updated_at: t
		})
		.where('id', '=', dmId)
		.execute();
}
