import { type OfficeScope, scopeIncludes } from '../access/scope';
import { rowsForIds } from '../db/rows-for-ids';
import type { Db, Tx } from '../db/transaction';
import type { ProfileStatus } from '../db/schema';
import { type RequestContext, absoluteLink } from '../identity/index';
import { enqueueMail } from '../notifications/index';
import type { Services } from '../runtime';
import type { Locale } from '../../i18n/locale';
import { auditVisibility, staffActor } from './actors';
import { inOfficeTransaction } from './office-command';
import { profileFieldColumns, profileFieldsOf } from './profile-fields';
import type { ProfileFields } from './schema';
import { profileModeratedMail } from './mails';
import { imagesWithProfiles, profilesWithCreatives } from './profiles';

/**
 * Office staff review newly published profiles (approve, or reject with a reason), see reports
 * and hide a profile (issue 7, item 2). Reads and changes take the OfficeScope: a profile of
 * another office is "not found".
 */
export interface ProfileForReview extends ProfileFields {
	id: number;
	status: ProfileStatus;
	hidden: boolean;
	hiddenReason: string | null;
	submittedAt: number | null;
	hasImage: boolean;
	imageAlt: string | null;
	reports: { id: number; reason: string; at: number }[];
}

export interface ModerationOverview {
	pending: ProfileForReview[];
	reported: ProfileForReview[];
	hidden: ProfileForReview[];
	publishedCount: number;
}

async function reviewRows(db: Db | Tx, officeId: number, where: 'pending' | 'reported' | 'hidden') {
	let q = profilesWithCreatives(db)
		.leftJoin('profile_image as i', 'i.profile_id', 'p.id')
		.where('p.office_id', '=', officeId)
		.where('p.erased_at', 'is', null)
		.where('c.deleted_at', 'is', null)
		.select([
			...profileFieldColumns,
			'p.status',
			'p.hidden_at',
			'p.hidden_reason',
			'p.submitted_at',
			'i.id as image_id',
			'i.alt as image_alt'
		]);
	if (where === 'pending') q = q.where('p.status', '=', 'pending').where('p.hidden_at', 'is', null);
	if (where === 'hidden') q = q.where('p.hidden_at', 'is not', null);
	if (where === 'reported')
		q = q
			.where('p.hidden_at', 'is', null)
			.where((eb) =>
				eb.exists(
					eb
						.selectFrom('profile_report as r')
						.select('r.id')
						.whereRef('r.profile_id', '=', 'p.id')
						.where('r.resolved_at', 'is', null)
				)
			);
	const rows = await q.orderBy('p.submitted_at').orderBy('p.id').execute();
	const ids = rows.map((r) => Number(r.id));
	const reports = await rowsForIds(ids, (inIds) =>
		db
			.selectFrom('profile_report')
			.select(['id', 'profile_id', 'reason', 'created_at'])
			.where('profile_id', 'in', inIds)
			.where('resolved_at', 'is', null)
			.orderBy('id')
			.execute()
	);
	return rows.map(
		(r): ProfileForReview => ({
			...profileFieldsOf(r),
			status: r.status,
			hidden: r.hidden_at != null,
			hiddenReason: r.hidden_reason,
			submittedAt: r.submitted_at == null ? null : Number(r.submitted_at),
			hasImage: r.image_id != null,
			imageAlt: r.image_alt,
			reports: reports
				.filter((x) => Number(x.profile_id) === Number(r.id))
				.map((x) => ({ id: Number(x.id), reason: x.reason, at: Number(x.created_at) }))
		})
	);
}

export async function moderationOverview(
	db: Db | Tx,
	scope: OfficeScope,
	officeId: number
): Promise<ModerationOverview> {
	if (!scopeIncludes(scope, officeId)) return { pending: [], reported: [], hidden: [], publishedCount: 0 };
	const [pending, reported, hidden, count] = await Promise.all([
		reviewRows(db, officeId, 'pending'),
		reviewRows(db, officeId, 'reported'),
		reviewRows(db, officeId, 'hidden'),
		db
			.selectFrom('profile')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('office_id', '=', officeId)
			.where('status', '=', 'published')
			.where('hidden_at', 'is', null)
			.where('erased_at', 'is', null)
			.executeTakeFirstOrThrow()
	]);
	return { pending, reported, hidden, publishedCount: Number(count.n) };
}

/** The image of a profile of this office, whatever its status (staff review it before approval). */
export async function staffProfileImage(
	db: Db | Tx,
	scope: OfficeScope,
	officeId: number,
	profileId: number
): Promise<{ mime: string; bytes: Uint8Array } | null> {
	if (!scopeIncludes(scope, officeId)) return null;
	const row = await imagesWithProfiles(db)
		.select(['i.mime', 'i.bytes'])
		.where('p.id', '=', profileId)
		.where('p.office_id', '=', officeId)
		.where('p.erased_at', 'is', null)
		.executeTakeFirst();
	return row ?? null;
}

export type ModerationResult = { ok: true } | { ok: false; reason: 'not_found' | 'state' };
type Staff = { id: number; email: string };
type Action = 'approve' | 'reject' | 'hide' | 'unhide';

type ModerationInput = { officeId: number; profileId: number; action: Action; reason?: string | null };

/**
 * One command for the four staff moves. Each is a conditional update on the state it expects,
 * so two staff members pressing at once change it once (the second gets 'state').
 */
export async function moderateProfile(
	services: Services,
	staff: Staff,
	scope: OfficeScope,
	input: ModerationInput,
	ctx: RequestContext = {}
): Promise<ModerationResult> {
	return inOfficeTransaction(services, scope, input.officeId, async (trx, now) => {
		const t = now.getTime();
		const { config } = services;
		const p = await profileToModerate(trx, input);
		if (!p || p.deleted_at != null) return { ok: false as const, reason: 'not_found' as const };
		if (!(await applyModeration(trx, staff, input, p, t)))
			return { ok: false as const, reason: 'state' as const };
		if (input.action === 'hide')
			await trx
				.updateTable('profile_report')
				.set({ resolved_at: t, resolved_by: staff.id, resolution: 'hidden' })
				.where('profile_id', '=', p.id)
				.where('resolved_at', 'is', null)
				.execute();
		if (input.action !== 'unhide') await mailModeration(trx, config, input, p, now);
		const action = `profile.${input.action === 'approve' ? 'approved' : input.action === 'reject' ? 'rejected' : input.action === 'hide' ? 'hidden' : 'unhidden'}`;
		await auditVisibility(trx, now, ctx, staffActor(staff), action, {
			kind: 'profile',
			id: Number(p.id),
			officeId: input.officeId
		});
		return { ok: true as const };
	});
}

type ProfileToModerate = NonNullable<Awaited<ReturnType<typeof profileToModerate>>>;

/** The profile with its creative's address (the mail goes there) and whether the creative is deleted. */
async function profileToModerate(trx: Tx, input: ModerationInput) {
	return profilesWithCreatives(trx)
		.select([
			'p.id',
			'p.status',
			'p.hidden_at',
			'p.display_name',
			'p.first_approved_at',
			'c.email',
			'c.locale',
			'c.deleted_at'
		])
		.where('p.id', '=', input.profileId)
		.where('p.office_id', '=', input.officeId)
		.where('p.erased_at', 'is', null)
		.executeTakeFirst();
}

/** False when the profile is no longer in the state the action expects (someone else was quicker). */
async function applyModeration(
	trx: Tx,
	staff: Staff,
	input: ModerationInput,
	p: ProfileToModerate,
	t: number
): Promise<boolean> {
	let q = trx.updateTable('profile').where('id', '=', p.id);
	switch (input.action) {
		case 'approve':
			q = q
				.set({
					status: 'published',
					approved_at: t,
					first_approved_at: p.first_approved_at ?? t,
					moderated_by: staff.id,
					reject_reason: null,
					updated_at: t
				})
				.where('status', '=', 'pending');
			break;
		case 'reject':
			q = q
				.set({
					status: 'rejected',
					moderated_by: staff.id,
					reject_reason: input.reason ?? '',
					updated_at: t
				})
				.where('status', '=', 'pending');
			break;
		case 'hide':
			q = q
				.set({ hidden_at: t, hidden_by: staff.id, hidden_reason: input.reason ?? '', updated_at: t })
				.where('hidden_at', 'is', null);
			break;
		case 'unhide':
			q = q
				.set({ hidden_at: null, hidden_by: null, hidden_reason: null, updated_at: t })
				.where('hidden_at', 'is not', null);
			break;
	}
	const res = await q.executeTakeFirst();
	return Number(res.numUpdatedRows) === 1;
}

async function mailModeration(
	trx: Tx,
	config: Services['config'],
	input: ModerationInput,
	p: ProfileToModerate,
	now: Date
): Promise<void> {
	const locale = (p.locale === 'en' ? 'en' : 'de') as Locale;
	const outcome = input.action === 'approve' ? 'approved' : input.action === 'reject' ? 'rejected' : 'hidden';
	await enqueueMail(
		trx,
		{
			to: p.email,
			locale,
			template: `visibility.profile_${outcome}`,
			mail: profileModeratedMail(locale, {
				outcome,
				name: p.display_name,
				reason: input.action === 'approve' ? null : (input.reason ?? null),
				link: absoluteLink(config.publicBaseUrl, locale, '/portal/profil')
			}),
			officeId: input.officeId,
			subject: { kind: 'profile', id: Number(p.id) }
		},
		now
	);
}

export async function dismissReport(
	services: Services,
	staff: Staff,
	scope: OfficeScope,
	input: { officeId: number; reportId: number },
	ctx: RequestContext = {}
): Promise<ModerationResult> {
	return inOfficeTransaction(services, scope, input.officeId, async (trx, now) => {
		const r = await trx
			.selectFrom('profile_report as r')
			.innerJoin('profile as p', 'p.id', 'r.profile_id')
			.select(['r.id', 'p.id as profile_id'])
			.where('r.id', '=', input.reportId)
			.where('p.office_id', '=', input.officeId)
			.executeTakeFirst();
		if (!r) return { ok: false as const, reason: 'not_found' as const };
		const res = await trx
			.updateTable('profile_report')
			.set({ resolved_at: now.getTime(), resolved_by: staff.id, resolution: 'dismissed' })
			.where('id', '=', r.id)
			.where('resolved_at', 'is', null)
			.executeTakeFirst();
		if (Number(res.numUpdatedRows) !== 1) return { ok: false as const, reason: 'state' as const };
		await auditVisibility(trx, now, ctx, staffActor(staff), 'profile.report_dismissed', {
			kind: 'profile',
			id: Number(r.profile_id),
			officeId: input.officeId
		});
		return { ok: true as const };
	});
}
