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
