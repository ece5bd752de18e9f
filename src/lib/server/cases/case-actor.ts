import type { OfficeScope } from '../access/scope';
import type { RequestContext } from '../identity/index';

/**
 * Who acts on an office's case pages, as the gate proved it (same shape as booking's
 * OfficeActor). Consultants see the cases they are responsible for; office leads and network
 * admins see every case of the office.
 */
export interface CaseActor {
	id: number;
	email: string;
	role: 'network_admin' | 'office_lead' | 'consultant';
}

export function seesWholeOffice(actor: Pick<CaseActor, 'role'>): boolean {
	return actor.role !== 'consultant';
}

export function auditActorOf(actor: CaseActor) {
	return { kind: 'staff' as const, id: actor.id, label: actor.email };
}

/**
 * What a staff read of one case takes after the database, in the one order every such read
 * (the case page, its export, the conversation) keeps: who acts, the offices the gate proved,
 * the office page they came from, the case, the instant, and the request for the audit row.
 */
export type CaseRequest = [
	actor: CaseActor,
	scope: OfficeScope,
	officeId: number,
	caseId: number,
	now: Date,
	ctx?: RequestContext
];
