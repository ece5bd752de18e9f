import { type AuditActor, recordAudit } from '../audit/index';
import type { Tx } from '../db/transaction';

/**
 * Every step of a registration's life that writes an audit row. A Record, so a step written
 * here without its entry fails to compile; the audit-log sentence test reads the list, so every
 * step's action `event.registration.<step>` has its sentence.
 */
const STEPS: Record<RegistrationStep, true> = {
	held: true,
	waitlisted: true,
	offered: true,
	confirmed: true,
	waitlist_confirmed: true,
	offer_accepted: true,
	offer_declined: true,
	cancelled: true,
	reconfirmed: true,
	feedback: true,
	hold_expired: true,
	offer_expired: true,
	waitlist_lapsed: true,
	reminder_sent: true,
	reconfirm_sent: true
};
export type RegistrationStep =
	| 'held'
	| 'waitlisted'
	| 'offered'
	| 'confirmed'
	| 'waitlist_confirmed'
	| 'offer_accepted'
	| 'offer_declined'
	| 'cancelled'
	| 'reconfirmed'
	| 'feedback'
	| 'hold_expired'
	| 'offer_expired'
	| 'waitlist_lapsed'
	| 'reminder_sent'
	| 'reconfirm_sent';
export const REGISTRATION_AUDIT_ACTIONS = Object.keys(STEPS).map((step) => `event.registration.${step}`);

/**
 * The audit row of a step in one registration's life (held, offered, expired, cancelled, a mail
 * sent), its action `event.registration.<step>`: the event's office scopes it and its data always names the event.
 */
export function auditRegistration(
	trx: Tx,
	actor: AuditActor,
	event: { id: number; officeId: number | null },
	registrationId: number,
	step: RegistrationStep,
	data: Record<string, string | number | null>,
	context: { now: Date; requestId?: string | null }
): Promise<void> {
	return recordAudit(
		trx,
		actor,
		{
			action: `event.registration.${step}`,
			subject: { kind: 'event_registration', id: registrationId },
			officeId: event.officeId,
			data: { eventId: event.id, ...data }
		},
		context
	);
}
