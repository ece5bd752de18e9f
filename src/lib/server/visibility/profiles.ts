import type { AuditEntry } from '../audit/index';
import type { Db, Tx } from '../db/transaction';
import { transact, transactNow } from '../db/transaction';
import { knownKeyCount, landOnFile } from '../db/reference-keys';
import type { ProfileStatus } from '../db/schema';
import type { RequestContext } from '../identity/index';
import { officesForLand } from '../reference/index';
import type { Services } from '../runtime';
import { auditVisibility, creativeActor } from './actors';
import { profileFieldsOf } from './profile-fields';
import { currentVisibilityConsent, ensureVisibilityConsent } from './consent';
import { type ImageRefusal, sanitizeImage } from './image';
import { OPEN_FOR_PROJECTS_MS, canPublish, canUnpublish, isOpenForProjects, statusAfterEdit } from './rules';
import type { ProfileFields, ProfileInput } from './schema';

/**
 * The creative's own profile (issue 7, item 1): one per creative, never public by default.
 * Publishing needs the explicit opt-in (the consent version is stored) and puts the profile in
 * the office's review queue; unpublishing takes effect in the same statement, everywhere.
 */
export interface OwnProfile extends ProfileFields {
	id: number;
	contactPreference: 'form' | 'office';
	status: ProfileStatus;
	rejectReason: string | null;
	hidden: boolean;
	hiddenReason: string | null;
	openUntil: number | null;
	open: boolean;
	publishConsentVersion: number | null;
	image: { id: number; width: number; height: number; alt: string } | null;
}

/** A creative's one live profile (an erased one stays as a row but is no longer theirs to see or change). */
export function liveProfileOf(db: Db | Tx, creativeId: number) {
	return db.selectFrom('profile').where('creative_id', '=', creativeId).where('erased_at', 'is', null);
}

/** Profiles (p) with their creatives (c): what the public, the office's review and the reminders read from. */
export function profilesWithCreatives(db: Db | Tx) {
	return db.selectFrom('profile as p').innerJoin('creative as c', 'c.id', 'p.creative_id');
}

/** Profile images (i) with their profiles (p): the image a page shows is read through its profile's state. */
export function imagesWithProfiles(db: Db | Tx) {
	return db.selectFrom('profile_image as i').innerJoin('profile as p', 'p.id', 'i.profile_id');
}

export async function ownProfile(db: Db | Tx, creativeId: number, now: Date): Promise<OwnProfile | null> {
	const p = await liveProfileOf(db, creativeId).selectAll().executeTakeFirst();
	if (!p) return null;
	const image = await db
		.selectFrom('profile_image')
		.select(['id', 'width', 'height', 'alt'])
		.where('profile_id', '=', p.id)
		.executeTakeFirst();
	const openUntil = p.open_until == null ? null : Number(p.open_until);
	return {
		...profileFieldsOf(p),
		contactPreference: p.contact_preference,
		status: p.status,
		rejectReason: p.reject_reason,
		hidden: p.hidden_at != null,
		hiddenReason: p.hidden_reason,
		openUntil,
		open: isOpenForProjects(openUntil, now.getTime()),
		publishConsentVersion: p.publish_consent_version == null ? null : Number(p.publish_consent_version),
		image: image
			? { id: Number(image.id), width: Number(image.width), height: Number(image.height), alt: image.alt }
			: null
	};
}

export type SaveProfileResult =
	| { ok: true; status: ProfileStatus }
	| { ok: false; fields: Record<string, 'unknown'> };

/**
 * Sub-markets active and the Land known, read-only: saveProfile asks it in its transaction,
 * and a profile form that failed its schema asks it on the fields that were fine, so every
 * error shows in one round (issue 16). A field left out is not asked about.
 */
export async function profileReferenceFields(
	db: Db | Tx,
	input: { submarkets?: readonly string[] | undefined; landIso?: string | undefined }
): Promise<Record<string, 'unknown'>> {
	const fields: Record<string, 'unknown'> = {};
	const submarkets = input.submarkets ?? [];
	// No sub-markets, no query: a count of 0 equals the 0 chosen.
	if ((await knownKeyCount(db, 'submarket', submarkets, true)) !== submarkets.length)
		fields.submarkets = 'unknown';
	if (input.landIso !== undefined && !(await landOnFile(db, input.landIso))) fields.land = 'unknown';
	return fields;
}

export async function saveProfile(
	services: Services,
	creativeId: number,
	input: ProfileInput,
	ctx: RequestContext = {}
): Promise<SaveProfileResult> {
	return transactNow(services, async (trx, now) => {
		const t = now.getTime();
		const fields = await profileReferenceFields(trx, input);
		if (Object.keys(fields).length > 0) return { ok: false as const, fields };
		const office = (await officesForLand(trx, input.landIso, now))[0] ?? null;
		const existing = await trx
			.selectFrom('profile')
			.select(['id', 'status', 'open_until', 'erased_at'])
			.where('creative_id', '=', creativeId)
			.executeTakeFirst();
		const wasOpen = existing
			? isOpenForProjects(existing.open_until == null ? null : Number(existing.open_until), t)
			: false;
		// Ticking the box starts a fresh 30 days; leaving it ticked keeps the running period.
		const openUntil = input.openForProjects
			? wasOpen
				? Number(existing!.open_until)
				: t + OPEN_FOR_PROJECTS_MS
			: null;
		const values = {
			office_id: office?.id ?? null,
			kind: input.kind,
			display_name: input.displayName,
			submarkets: JSON.stringify(input.submarkets),
			land_iso: input.landIso,
			town: input.town,
			bio: input.bio,
			services: JSON.stringify(input.services),
			links: JSON.stringify(input.links),
			contact_preference: input.contactPreference,
			open_until: openUntil,
			...(input.openForProjects && !wasOpen ? { open_reminder_sent_at: null } : {}),
			updated_at: t
		};
		let id: number;
		let status: ProfileStatus;
		if (existing && existing.erased_at == null) {
			id = Number(existing.id);
			status = statusAfterEdit(existing.status);
			await trx
				.updateTable('profile')
				.set({ ...values, status, ...(status !== existing.status ? { submitted_at: t } : {}) })
				.where('id', '=', id)
				.execute();
		} else if (existing) {
			// An erased profile row is kept anonymous for statistics; a new one cannot reuse it.
			return { ok: false as const, fields: { _form: 'unknown' as const } };
		} else {
			status = 'draft';
			const row = await trx
				.insertInto('profile')
				.values({ ...values, creative_id: creativeId, status, created_at: t })
				.returning('id')
				.executeTakeFirstOrThrow();
			id = Number(row.id);
		}
		const action = existing ? 'profile.updated' : 'profile.created';
		await auditVisibility(trx, now, ctx, creativeActor(creativeId), action, {
			kind: 'profile',
			id,
			officeId: office?.id ?? null,
			data: { status, open: input.openForProjects }
		});
		return { ok: true as const, status };
	});
}

export type ProfileMoveResult = { ok: true } | { ok: false; reason: 'not_found' | 'state' };

/** The live profile row a change of one's own profile starts from. */
interface OwnProfileRow {
	id: number;
	status: ProfileStatus;
	officeId: number | null;
	displayName: string;
}

/** What a change wrote, for its audit row. */
interface Changed {
	action: string;
	data?: AuditEntry['data'];
}

/**
 * One change by the creative to their own profile: in one transaction the live profile is found
 * (or 'not_found'), `change` decides and writes (or refuses), and the audit row follows with the
 * creative as the actor.
 */
async function changeOwnProfile<Outcome extends Changed | { ok: false; reason: string }>(
	services: Services,
	creativeId: number,
	ctx: RequestContext,
	change: (trx: Tx, p: OwnProfileRow, now: Date) => Promise<Outcome>
): Promise<{ ok: true } | Exclude<Outcome, Changed> | { ok: false; reason: 'not_found' }> {
	const now = services.clock.now();
	return transact(services.db, async (trx) => {
		const row = await liveProfileOf(trx, creativeId)
			.select(['id', 'status', 'office_id', 'display_name'])
			.executeTakeFirst();
		if (!row) return { ok: false as const, reason: 'not_found' as const };
		const p = {
			id: Number(row.id),
			status: row.status,
			officeId: row.office_id,
			displayName: row.display_name
		};
		const done = await change(trx, p, now);
		if ('ok' in done) return done as Exclude<Outcome, Changed>;
		await auditVisibility(trx, now, ctx, creativeActor(creativeId), done.action, {
			kind: 'profile',
			id: p.id,
			officeId: p.officeId,
			data: done.data
		});
		return { ok: true as const };
	});
}

const refusedInState = { ok: false as const, reason: 'state' as const };

/** A change of one's own profile that takes no input besides who asks: `change` bound to changeOwnProfile. */
function ownProfileMove(
	change: (trx: Tx, p: OwnProfileRow, now: Date) => Promise<Changed | typeof refusedInState>
): (services: Services, creativeId: number, ctx?: RequestContext) => Promise<ProfileMoveResult> {
	return (services, creativeId, ctx = {}) => changeOwnProfile(services, creativeId, ctx, change);
}

export const publishProfile = ownProfileMove(async (trx, p, now) => {
	if (!canPublish(p.status)) return refusedInState;
	await ensureVisibilityConsent(trx, now);
	const consent = await currentVisibilityConsent(trx, 'profile');
	const t = now.getTime();
	await trx
		.updateTable('profile')
		.set({
			status: 'pending',
			publish_consent_version: consent.version,
			publish_consented_at: t,
			submitted_at: t,
			reject_reason: null,
			updated_at: t
		})
		.where('id', '=', p.id)
		.where('status', '=', p.status)
		.execute();
	return { action: 'profile.publish_requested', data: { consentVersion: consent.version } };
});

/** Withdraws the profile from the public at once (one conditional update; no job, no cache). */
export const unpublishProfile = ownProfileMove(async (trx, p, now) => {
	if (!canUnpublish(p.status)) return refusedInState;
	await trx
		.updateTable('profile')
		.set({ status: 'draft', updated_at: now.getTime() })
		.where('id', '=', p.id)
		.execute();
	return { action: 'profile.unpublished' };
});

export const renewOpenForProjects = ownProfileMove(async (trx, p, now) => {
	const t = now.getTime();
	await trx
		.updateTable('profile')
		.set({ open_until: t + OPEN_FOR_PROJECTS_MS, open_reminder_sent_at: null, updated_at: t })
		.where('id', '=', p.id)
		.execute();
	return { action: 'profile.open_renewed' };
});

export type ImageResult = { ok: true } | ImageRefusal | { ok: false; reason: 'not_found' };

/**
 * Stores the re-encoded image (see image.ts); the original bytes are never written anywhere.
 * A new image of a public profile sends it back to review, like any other edit.
 */
export async function setProfileImage(
	services: Services,
	creativeId: number,
	upload: { bytes: Uint8Array; alt: string | null },
	ctx: RequestContext = {}
): Promise<ImageResult> {
	const clean = await sanitizeImage(upload.bytes);
	if (!clean.ok) return clean;
	return changeOwnProfile(services, creativeId, ctx, async (trx, p, now) => {
		const t = now.getTime();
		await trx.deleteFrom('profile_image').where('profile_id', '=', p.id).execute();
		await trx
			.insertInto('profile_image')
			.values({
				profile_id: p.id,
				mime: clean.mime,
				bytes: clean.bytes,
				width: clean.width,
				height: clean.height,
				alt: upload.alt ?? p.displayName,
				created_at: t
			})
			.execute();
		const status = statusAfterEdit(p.status);
		await trx
			.updateTable('profile')
			.set({ status, updated_at: t, ...(status !== p.status ? { submitted_at: t } : {}) })
			.where('id', '=', p.id)
			.execute();
		return {
			action: 'profile.image_set',
			data: { mime: clean.mime, width: clean.width, height: clean.height }
		};
	});
}

export const removeProfileImage = ownProfileMove(async (trx, p) => {
	await trx.deleteFrom('profile_image').where('profile_id', '=', p.id).execute();
	return { action: 'profile.image_removed' };
});

/** The owner's own image (any status), for the preview in the portal. */
export async function ownProfileImage(
	db: Db | Tx,
	creativeId: number
): Promise<{ id: number; mime: string; bytes: Uint8Array } | null> {
	const row = await imagesWithProfiles(db)
		.select(['i.id', 'i.mime', 'i.bytes'])
		.where('p.creative_id', '=', creativeId)
		.where('p.erased_at', 'is', null)
		.executeTakeFirst();
	return row ? { id: Number(row.id), mime: row.mime, bytes: row.bytes } : null;
}
