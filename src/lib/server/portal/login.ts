import { HOUR } from '../../time/durations';
import { type AuditActor, recordAudit } from '../audit/index';
import { type Db, type Tx, transact } from '../db/transaction';
import {
	type RequestContext,
	sessionPolicy,
	absoluteLink,
	createSession,
	endSession,
	type NewSession,
	type LinkRequestResult,
	linkRequest,
	throttleKey,
	consumeLinkToken,
	inspectLinkToken,
	issueLinkToken,
	retireLinkTokens
} from '../identity/index';
import { enqueueMail } from '../notifications/index';
import type { Services } from '../runtime';
import type { Locale } from '../../i18n/locale';
import { portalLoginMail } from './mails';

/**
 * The creative portal's sign-in by magic link. A creative is a person identified by a verified
 * e-mail address: the row is created (unverified) when a link is first sent, and verified when
 * the link's page is confirmed by POST. The answer to a request is always the same; only an
 * address with bookings or a creative row gets a mail.
 */
const PURPOSE = 'portal_login';

export const portalKeys = {
	address: (clientAddress: string) => throttleKey('portal-login-address', clientAddress),
	email: (email: string) => throttleKey('portal-login-email', email)
};

/** Login-link requests per e-mail address and hour (per client address: `publicFormLimit`). */
export const PORTAL_MAILS_PER_EMAIL = 3;

export const creativeAuditActor = (creativeId: number): AuditActor => ({
	kind: 'creative',
	id: creativeId,
	label: `creative ${creativeId}`
});

/** Per client address the public forms' hourly limit, per e-mail address PORTAL_MAILS_PER_EMAIL an hour. */
export function requestPortalLink(
	services: Services,
	input: { email: string; clientAddress: string; locale: Locale },
	ctx: RequestContext = {}
): Promise<LinkRequestResult> {
	const { config } = services;
	const count = {
		keys: portalKeys,
		address: { limit: config.publicFormLimit, windowMs: HOUR },
		email: { limit: PORTAL_MAILS_PER_EMAIL, windowMs: HOUR }
	};
	return linkRequest(services, input, count, async (trx, email, now) => {
		const creativeId = await creativeForLink(trx, email, input.locale, now.getTime());
		if (creativeId === null) return;
		const token = await issuePortalToken(trx, creativeId, now);
		const link = absoluteLink(config.publicBaseUrl, input.locale, `/portal/anmelden/${token}`);
		await enqueueMail(
			trx,
			{
				to: email,
				locale: input.locale,
				template: 'portal.login',
				mail: portalLoginMail(input.locale, { link }),
				subject: { kind: 'creative', id: creativeId }
			},
			now
		);
		await recordAudit(
			trx,
			creativeAuditActor(creativeId),
			{ action: 'portal.login_link_sent', subject: { kind: 'creative', id: creativeId } },
			{ now, requestId: ctx.requestId }
		);
	});
}

/**
 * Only an address that booked (or already has a creative row) gets a link; an erased creative
 * never does. Null: send nothing (the answer stays the same).
 */
async function creativeForLink(trx: Tx, email: string, locale: Locale, t: number): Promise<number | null> {
	let creative = await trx
		.selectFrom('creative')
		.select(['id', 'deleted_at'])
		.where('email', '=', email)
		.executeTakeFirst();
	if (creative?.deleted_at != null) return null;
	if (!creative) {
		const booking = await trx
			.selectFrom('booking')
			.select('id')
			.where('email', '=', email)
			.limit(1)
			.executeTakeFirst();
		if (!booking) return null;
		creative = await trx
			.insertInto('creative')
			.values({ email, email_verified_at: null, locale, created_at: t, updated_at: t })
			.returning(['id', 'deleted_at'])
			.executeTakeFirstOrThrow();
	}
	return Number(creative.id);
}

/** A newer link replaces older ones. */
async function issuePortalToken(trx: Tx, creativeId: number, now: Date): Promise<string> {
	await retireLinkTokens(trx, PURPOSE, creativeId, now);
	return issueLinkToken(trx, PURPOSE, creativeId, now);
}

export type PortalLinkCheck =
	| { ok: true; creativeId: number }
	| { ok: false; reason: 'invalid' | 'expired' | 'used' };

/** For the page a link opens: is it still good? Changes nothing (mail scanners may GET it). */
export async function inspectPortalLink(db: Db | Tx, token: string, now: Date): Promise<PortalLinkCheck> {
	const link = await inspectLinkToken(db, token, PURPOSE, now);
	return link.ok ? { ok: true, creativeId: link.subjectId } : link;
}

export type PortalLoginResult =
	| ({ ok: true } & NewSession)
	| { ok: false; reason: 'invalid' | 'expired' | 'used' };

/**
 * The button on the link's page: uses the link once (of two parallel submits exactly one wins),
 * verifies the e-mail and opens a full creative session. A session the browser already had is
 * ended (no fixation).
 */
export async function completePortalLogin(
	services: Services,
	input: { token: string; clientAddress: string; userAgent: string; replacesSession: string | null },
	ctx: RequestContext = {}
): Promise<PortalLoginResult> {
	const { db, clock, config } = services;
	const now = clock.now();
	const t = now.getTime();
	return transact(db, async (trx) => {
		const link = await consumeLinkToken(trx, input.token, PURPOSE, now);
		if (!link.ok) return link;
		const creativeId = link.subjectId;
		const creative = await trx
			.selectFrom('creative')
			.select(['id', 'email_verified_at', 'deleted_at', 'merged_into_id'])
			.where('id', '=', creativeId)
			.executeTakeFirst();
		if (!creative || creative.deleted_at !== null) return { ok: false as const, reason: 'invalid' as const };
		await trx
			.updateTable('creative')
			.set({ email_verified_at: creative.email_verified_at ?? t, updated_at: t })
			.where('id', '=', creativeId)
			.execute();
		// Staff merged this address into another creative (cases/merge.ts keeps merged_into_id
		// pointing at the final target): the link proved this address, the session is the target's.
		const mergedInto = creative.merged_into_id == null ? null : Number(creative.merged_into_id);
		if (mergedInto !== null) {
			const target = await trx
				.selectFrom('creative')
				.select('deleted_at')
				.where('id', '=', mergedInto)
				.executeTakeFirst();
			if (!target || target.deleted_at !== null) return { ok: false as const, reason: 'invalid' as const };
		}
		const sessionCreativeId = mergedInto ?? creativeId;
		if (input.replacesSession) await endSession(trx, input.replacesSession);
		const session = await createSession(
			trx,
			{
				subjectKind: 'creative',
				subjectId: sessionCreativeId,
				stage: 'full',
				clientAddress: input.clientAddress,
				userAgent: input.userAgent
			},
			sessionPolicy(config),
			now
		);
		await recordAudit(
			trx,
			creativeAuditActor(sessionCreativeId),
			{
				action: 'portal.login',
				subject: { kind: 'creative', id: sessionCreativeId },
				...(mergedInto !== null ? { data: { viaMergedCreative: creativeId } } : {})
			},
			{ now, requestId: ctx.requestId }
		);
		return { ok: true as const, ...session };
	});
}

export async function logoutCreative(
	services: Services,
	input: { sessionHash: string; creativeId: number },
	ctx: RequestContext = {}
): Promise<void> {
	const now = services.clock.now();
	await transact(services.db, async (trx) => {
		await endSession(trx, input.sessionHash);
		await recordAudit(
			trx,
			creativeAuditActor(input.creativeId),
			{ action: 'portal.logout', subject: { kind: 'creative', id: input.creativeId } },
			{ now, requestId: ctx.requestId }
		);
	});
}
