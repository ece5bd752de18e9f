import type { Locale } from '../../i18n/locale';
import { createHash } from 'node:crypto';
import type { Updateable } from 'kysely';
import { HOUR } from '../../time/durations';
import type { AuditActor } from '../audit/index';
import type { EventRegistrationTable } from '../db/schema';
import { type Db, isUniqueViolation, type Tx, transact } from '../db/transaction';
import { type RequestContext, countHit, throttleKey } from '../identity/index';
import { hashToken, plausibleToken } from '../platform/tokens';
import type { Services } from '../runtime';
import type { CancelReason } from '../reference/index';
import { mailOfficeDeregistered, mailRegistrant } from './notify';
import {
	type EventRecord,
	loadEvent,
	loadRegistration,
	type RegistrationRecord,
	registrationsOf,
	toRegistration,
	registrationQuery
} from './records';
import {
	ACTIVE_STATUSES,
	HOLD_MS,
	placeFor,
	type RegistrantAction,
	registrantActionAllowed,
	registrationWindow,
	takesPlace,
	waitState
} from './rules';
import { auditRegistration, type RegistrationStep } from './registration-audit';
import { fillFreedPlaces, lockEvent } from './waitlist';

/**
 * Registering without an account (form and API), double opt-in, and what a registrant does from
 * the link in their mails: confirm, cancel (frees the place at once and offers it on), accept or
 * decline an offered place, "yes, I'm still coming", feedback. Every command locks the event row
 * first (waitlist.ts), so places are counted exactly under concurrency.
 */
export const EVENT_CONSENT_VERSION = 1;
export const NAME_MAX = 200;
export const ANSWER_MAX = 1000;
export const COMMENT_MAX = 2000;

export interface RegistrationInput {
	eventId: number;
	name: string;
	email: string;
	submarket: string | null;
	answers: string[];
	consents: { processing: boolean };
	locale: Locale;
	/** Same key twice → the same registration (form submission id or the API's Idempotency-Key). */
	idempotencyKey?: string | null;
	requestHash?: string | null;
}

export type RegisterResult =
	| {
			ok: true;
			registrationId: number;
			status: RegistrationRecord['status'];
			holdExpiresAt: number | null;
			existing: boolean;
	  }
	| { ok: false; reason: 'not_found' }
	| { ok: false; reason: 'not_open'; window: ReturnType<typeof registrationWindow> }
	| { ok: false; reason: 'already_registered' }
	| { ok: false; reason: 'idempotency_conflict' }
	| { ok: false; reason: 'invalid'; fields: Record<string, string> };

export const registrantActor = (registrationId: number): AuditActor => ({
	kind: 'creative',
	id: null,
	label: `event registration ${registrationId}`
});

export function registrationRequestHash(input: RegistrationInput): string {
	return createHash('sha256')
		.update(
			JSON.stringify([
				input.eventId,
				input.name.trim(),
				input.email.trim().toLowerCase(),
				input.submarket ?? null,
				input.answers.map((a) => a.trim()),
				input.consents.processing
			])
		)
		.digest('hex');
}

async function existingByKey(db: Db | Tx, key: string, hash: string | null): Promise<RegisterResult | null> {
	const row = await registrationQuery(db).where('r.idempotency_key', '=', key).executeTakeFirst();
	if (!row) return null;
	if (hash && row.request_hash && row.request_hash !== hash)
		return { ok: false, reason: 'idempotency_conflict' };
	const r = toRegistration(row);
	return { ok: true, registrationId: r.id, status: r.status, holdExpiresAt: r.holdExpiresAt, existing: true };
}

async function invalidFields(
	trx: Tx,
	e: EventRecord,
	input: RegistrationInput
): Promise<Record<string, string>> {
	const fields: Record<string, string> = {};
	const name = input.name.trim();
	const email = input.email.trim();
	if (!name || name.length > NAME_MAX) fields.name = 'invalid';
	if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) fields.email = 'invalid';
	if (!input.consents.processing) fields.consent_processing = 'required';
	if (input.answers.length > e.questions.length) fields.answers = 'invalid';
	if (input.answers.some((a) => a.length > ANSWER_MAX)) fields.answers = 'too_long';
	if (input.submarket) {
		const known = await trx
			.selectFrom('submarket')
			.select('key')
			.where('key', '=', input.submarket)
			.where('active', '=', 1)
			.executeTakeFirst();
		if (!known) fields.submarket = 'unknown';
	}
	return fields;
}

/**
 * A place while one is free: held 30 minutes for the double opt-in ("pending"); otherwise the
 * waiting list. With capacity N and N+20 parallel calls exactly N get a place (tested on both
 * databases), because every call counts under the event's row lock.
 */
export async function registerForEvent(
	services: Services,
	input: RegistrationInput,
	ctx: RequestContext = {}
): Promise<RegisterResult> {
	const { db } = services;
	const key = input.idempotencyKey?.trim() || null;
	const hash = input.requestHash ?? (key ? registrationRequestHash(input) : null);
	if (key) {
		const known = await existingByKey(db, key, hash);
		if (known) return known;
	}
	try {
		return await transact(db, (trx) => registerUnderLock(trx, services, input, ctx, { key, hash }));
	} catch (err) {
		if (key && isUniqueViolation(err)) {
			const known = await existingByKey(db, key, hash);
			if (known) return known;
		}
		throw err;
	}
}

interface Idempotency {
	key: string | null;
	hash: string | null;
}

/** Everything that counts places runs here, after the event's row lock. */
async function registerUnderLock(
	trx: Tx,
	services: Services,
	input: RegistrationInput,
	ctx: RequestContext,
	idem: Idempotency
): Promise<RegisterResult> {
	if (!(await lockEvent(trx, input.eventId))) return { ok: false, reason: 'not_found' };
	// The clock is read under the lock: a call that waited counts with the time it got its turn.
	const now = services.clock.now();
	const t = now.getTime();
	if (idem.key) {
		const known = await existingByKey(trx, idem.key, idem.hash);
		if (known) return known;
	}
	const e = (await loadEvent(trx, input.eventId))!;
	if (e.status === 'draft') return { ok: false, reason: 'not_found' };
	const window = registrationWindow(e, t);
	if (window !== 'open') return { ok: false, reason: 'not_open', window };
	const fields = await invalidFields(trx, e, input);
	if (Object.keys(fields).length > 0) return { ok: false, reason: 'invalid', fields };
	// Places freed by lapsed holds go to the waiting list first, then to newcomers.
	await fillFreedPlaces(trx, services, e.id, now);
	const email = input.email.trim().toLowerCase();
	const regs = await registrationsOf(trx, e.id);
	if (regs.some((r) => r.email === email && ACTIVE_STATUSES.includes(r.status))) {
		return { ok: false, reason: 'already_registered' };
	}
	const decision = placeOrWaitlist(e, regs, t);
	const id = await insertRegistration(trx, e, input, { email, decision, t }, idem);
	const r = (await loadRegistration(trx, id))!;
	await announceRegistration(trx, services, { e, r, decision, now }, ctx);
	return {
		ok: true,
		registrationId: r.id,
		status: r.status,
		holdExpiresAt: r.holdExpiresAt,
		existing: false
	};
}

function placeOrWaitlist(e: EventRecord, regs: RegistrationRecord[], t: number): 'place' | 'waitlist' {
	const occupied = regs.filter((r) => takesPlace(r, t)).length;
	// Confirmed waiters stand in line before newcomers; an unconfirmed join (issue 16) does not.
	const waitingBefore = regs.some((r) => waitState(r, t) === 'confirmed');
	return waitingBefore ? 'waitlist' : placeFor(e.capacity, occupied);
}

async function insertRegistration(
	trx: Tx,
	e: EventRecord,
	input: RegistrationInput,
	at: { email: string; decision: 'place' | 'waitlist'; t: number },
	idem: Idempotency
): Promise<number> {
	const { email, decision, t } = at;
	const inserted = await trx
		.insertInto('event_registration')
		.values({
			event_id: e.id,
			status: decision === 'place' ? 'pending' : 'waitlisted',
			attendance: null,
			name: input.name.trim(),
			email,
			submarket: input.submarket || null,
			answers: JSON.stringify(input.answers.map((a) => a.trim())),
			locale: input.locale,
			consent_processing_version: EVENT_CONSENT_VERSION,
			consented_at: t,
			hold_expires_at: decision === 'place' ? t + HOLD_MS : null,
			offer_expires_at: null,
			waitlisted_at: decision === 'place' ? null : t,
			idempotency_key: idem.key,
			request_hash: idem.hash,
			created_at: t,
			updated_at: t
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return Number(inserted.id);
}

async function announceRegistration(
	trx: Tx,
	services: Services,
	reg: { e: EventRecord; r: RegistrationRecord; decision: 'place' | 'waitlist'; now: Date },
	ctx: RequestContext
): Promise<void> {
	const { e, r, decision, now } = reg;
	await mailRegistrant(trx, services, decision === 'place' ? 'pending' : 'waitlisted', e, r, now);
	await auditRegistration(
		trx,
		registrantActor(r.id),
		e,
		r.id,
		decision === 'place' ? 'held' : 'waitlisted',
		{},
		{ now, requestId: ctx.requestId }
	);
}

export type PublicRegisterResult =
	| RegisterResult
	| { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export const eventKeys = {
	publicForm: (clientAddress: string) => throttleKey('event-form', clientAddress)
};

/** The public form's submit: counted per client address (PUBLIC_FORM_LIMIT per hour), then registerForEvent. */
export async function requestRegistration(
	services: Services,
	input: RegistrationInput,
	ctx: RequestContext & { clientAddress: string }
): Promise<PublicRegisterResult> {
	const decision = await countHit(
		services.db,
		eventKeys.publicForm(ctx.clientAddress),
		{ limit: services.config.publicFormLimit, windowMs: HOUR },
		services.clock.now()
	);
	if (!decision.allowed)
		return { ok: false, reason: 'throttled', retryAfterSeconds: decision.retryAfterSeconds };
	return registerForEvent(services, input, ctx);
}

// ---------------------------------------------------------------------------------------------
// The registration page (link from a mail).

/** The registration a link token opens, or why not. */
export async function registrationByToken(
	db: Db | Tx,
	token: string,
	now: Date
): Promise<
	| { ok: true; registration: RegistrationRecord; event: EventRecord; purpose: LinkPurpose }
	| { ok: false; reason: 'invalid' | 'expired' }
> {
	if (!plausibleToken(token)) return { ok: false, reason: 'invalid' };
	const row = await db
		.selectFrom('event_registration_token')
		.select(['registration_id', 'expires_at', 'purpose'])
		.where('token_hash', '=', hashToken(token))
		.executeTakeFirst();
	if (!row) return { ok: false, reason: 'invalid' };
	if (Number(row.expires_at) <= now.getTime()) return { ok: false, reason: 'expired' };
	const registration = await loadRegistration(db, Number(row.registration_id));
	if (!registration) return { ok: false, reason: 'invalid' };
	const event = (await loadEvent(db, registration.eventId))!;
	return { ok: true, registration, event, purpose: row.purpose };
}

export type LinkPurpose = 'manage' | 'waitlist_confirm';

/**
 * Issue 16: a link is single-purpose. The waiting-list confirmation link does that one thing;
 * every other action needs a link from a later mail.
 */
export function linkAllows(purpose: LinkPurpose, action: RegistrantAction): boolean {
	return purpose === 'waitlist_confirm' ? action === 'confirm_waitlist' : action !== 'confirm_waitlist';
}

export type RegistrantResult =
	| { ok: true; registrationId: number; status: RegistrationRecord['status'] }
	| { ok: false; reason: 'invalid' | 'expired' | 'not_allowed' };

export interface FeedbackInput {
	rating: number;
	comment: string | null;
}

/** One action from the registration page, under the event's lock. */
export async function actAsRegistrant(
	services: Services,
	token: string,
	action: RegistrantAction,
	ctx: RequestContext = {},
	feedback?: FeedbackInput,
	cancelReason: CancelReason | null = null
): Promise<RegistrantResult> {
	const { db, clock } = services;
	const found = await registrationByToken(db, token, clock.now());
	if (!found.ok) return found;
	if (!linkAllows(found.purpose, action)) return { ok: false, reason: 'not_allowed' };
	const eventId = found.event.id;
	const id = found.registration.id;
	return transact(db, async (trx): Promise<RegistrantResult> => {
		await lockEvent(trx, eventId);
		const now = clock.now();
		const t = now.getTime();
		const r = (await loadRegistration(trx, id))!;
		const e = (await loadEvent(trx, eventId))!;
		if (!registrantActionAllowed(r, e, action, t)) return { ok: false, reason: 'not_allowed' };
		const step: RegistrantStep = { trx, services, ctx, r, e, now, t };
		switch (action) {
			case 'confirm':
			case 'accept':
				return takePlace(step, action);
			case 'confirm_waitlist':
				return confirmWaitlist(step);
			case 'cancel':
			case 'decline':
				return giveUpPlace(step, action, cancelReason);
			case 'reconfirm':
				return reconfirm(step);
			case 'feedback':
				return giveFeedback(step, feedback);
		}
	});
}

/** A registrant action's state, read under the event's lock and the clock read after it. */
interface RegistrantStep {
	trx: Tx;
	services: Services;
	ctx: RequestContext;
	r: RegistrationRecord;
	e: EventRecord;
	now: Date;
	t: number;
}

function auditRegistrant(
	step: RegistrantStep,
	name: RegistrationStep,
	data: Record<string, string | number | null> = {}
): Promise<void> {
	const { trx, r, e, now, ctx } = step;
	return auditRegistration(trx, registrantActor(r.id), e, r.id, name, data, {
		now,
		requestId: ctx.requestId
	});
}

/**
 * Changes only a registration still in `from`, so a concurrent change makes the action fail;
 * the caller may narrow it further, then runs it.
 */
function updateFrom(
	step: RegistrantStep,
	from: RegistrationRecord['status'],
	set: Updateable<EventRegistrationTable>
) {
	return step.trx
		.updateTable('event_registration')
		.set({ ...set, updated_at: step.t })
		.where('id', '=', step.r.id)
		.where('status', '=', from);
}

/** Runs a change from updateFrom: the registration as it now is, or null when a concurrent change came first. */
async function changed(step: RegistrantStep, change: ReturnType<typeof updateFrom>) {
	const res = await change.executeTakeFirst();
	return Number(res.numUpdatedRows) === 1 ? (await loadRegistration(step.trx, step.r.id))! : null;
}

async function takePlace(step: RegistrantStep, action: 'confirm' | 'accept'): Promise<RegistrantResult> {
	const { trx, services, r, e, now, t } = step;
	const after = await changed(
		step,
		updateFrom(step, r.status, {
			status: 'confirmed',
			confirmed_at: t,
			hold_expires_at: null,
			offer_expires_at: null
		})
	);
	if (!after) return { ok: false, reason: 'not_allowed' };
	await mailRegistrant(trx, services, 'confirmed', e, after, now);
	await auditRegistrant(step, action === 'confirm' ? 'confirmed' : 'offer_accepted');
	return { ok: true, registrationId: r.id, status: 'confirmed' };
}

async function confirmWaitlist(step: RegistrantStep): Promise<RegistrantResult> {
	const { trx, services, r, e, now, t } = step;
	const after = await changed(
		step,
		updateFrom(step, 'waitlisted', { waitlist_confirmed_at: t }).where('waitlist_confirmed_at', 'is', null)
	);
	if (!after) return { ok: false, reason: 'not_allowed' };
	await mailRegistrant(trx, services, 'waitlistConfirmed', e, after, now);
	await auditRegistrant(step, 'waitlist_confirmed');
	// A place may have freed up while the join waited for its confirmation.
	await fillFreedPlaces(trx, services, e.id, now, registrantActor(r.id));
	const latest = (await loadRegistration(trx, r.id))!;
	return { ok: true, registrationId: r.id, status: latest.status };
}

async function giveUpPlace(
	step: RegistrantStep,
	action: 'cancel' | 'decline',
	cancelReason: CancelReason | null
): Promise<RegistrantResult> {
	const { trx, services, r, e, now, t } = step;
	const status = action === 'decline' ? 'declined' : 'cancelled';
	const reasonKey = action === 'cancel' ? cancelReason : null;
	const after = await changed(
		step,
		updateFrom(step, r.status, {
			status,
			cancelled_at: t,
			cancelled_by: 'self',
			cancel_reason_key: reasonKey,
			hold_expires_at: null,
			offer_expires_at: null
		})
	);
	if (!after) return { ok: false, reason: 'not_allowed' };
	if (r.status === 'confirmed') {
		await mailRegistrant(trx, services, 'cancelledSelf', e, after, now);
		// Issue 16: the organiser learns of a freed place and the reason, if one was given.
		await mailOfficeDeregistered(trx, e, after, now);
	} else if (r.status === 'waitlisted') await mailRegistrant(trx, services, 'leftWaitlist', e, after, now);
	await auditRegistrant(step, action === 'decline' ? 'offer_declined' : 'cancelled', {
		from: r.status,
		...(action === 'cancel' ? { reasonKey } : {})
	});
	// The freed place goes to the next person at once.
	await fillFreedPlaces(trx, services, e.id, now, registrantActor(r.id));
	return { ok: true, registrationId: r.id, status };
}

async function reconfirm(step: RegistrantStep): Promise<RegistrantResult> {
	const { trx, r, t } = step;
	await trx
		.updateTable('event_registration')
		.set({ reconfirmed_at: t, updated_at: t })
		.where('id', '=', r.id)
		.execute();
	await auditRegistrant(step, 'reconfirmed');
	return { ok: true, registrationId: r.id, status: r.status };
}

async function giveFeedback(
	step: RegistrantStep,
	feedback: FeedbackInput | undefined
): Promise<RegistrantResult> {
	const { trx, r, t } = step;
	if (!feedback || !Number.isInteger(feedback.rating) || feedback.rating < 1 || feedback.rating > 5) {
		return { ok: false, reason: 'not_allowed' };
	}
	const res = await trx
		.updateTable('event_registration')
		.set({
			feedback_rating: feedback.rating,
			feedback_comment: feedback.comment?.trim().slice(0, COMMENT_MAX) || null,
			feedback_at: t,
			updated_at: t
		})
		.where('id', '=', r.id)
		.where('feedback_at', 'is', null)
		.executeTakeFirst();
	if (Number(res.numUpdatedRows) !== 1) return { ok: false, reason: 'not_allowed' };
	await auditRegistrant(step, 'feedback', { rating: feedback.rating });
	return { ok: true, registrationId: r.id, status: r.status };
}
