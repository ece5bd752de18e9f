import { type AuditActor, recordAudit } from '../audit/index';
import type { Tx } from '../db/transaction';

/**
 * The audit row of a step in one registration's life (held, offered, expired, cancelled, a mail
 * sent), its action `event.registration.<step>`: the event's office scopes it and its data always names the event.
 */
export function auditRegistration(
	trx: Tx,
	actor: AuditActor,
	event: { id: number; officeId: number | null },
	registrationId: number,
	step: string,
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
