/** Who is calling, as the gate sees it. Built from the session on every request. */
export interface Membership {
	officeId: number;
	officeKey: string;
	officeName: string;
	role: 'office_lead' | 'consultant';
}

export interface StaffPrincipal {
	kind: 'staff';
	id: number;
	name: string;
	email: string;
	isNetworkAdmin: boolean;
	memberships: Membership[];
	sessionHash: string;
}

/** Password accepted, second factor (or its enrolment) still missing. */
export interface PendingStaff {
	kind: 'staff-pending';
	id: number;
	name: string;
	email: string;
	totpEnrolled: boolean;
	sessionHash: string;
}

export type Actor = { kind: 'anonymous' } | StaffPrincipal | PendingStaff;

export const anonymous: Actor = { kind: 'anonymous' };

export function auditActorOf(actor: Actor): {
	kind: 'staff' | 'anonymous';
	id: number | null;
	label: string;
} {
	if (actor.kind === 'anonymous') return { kind: 'anonymous', id: null, label: 'anonymous' };
	return { kind: 'staff', id: actor.id, label: actor.email };
}
