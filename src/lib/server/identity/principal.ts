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

/** A creative signed in to the portal by a magic link (their e-mail is verified). */
export interface CreativePrincipal {
	kind: 'creative';
	id: number;
	email: string;
	sessionHash: string;
}

export type Actor = { kind: 'anonymous' } | StaffPrincipal | PendingStaff | CreativePrincipal;

export const anonymous: Actor = { kind: 'anonymous' };

export function auditActorOf(actor: Actor): {
	kind: 'staff' | 'creative' | 'anonymous';
	id: number | null;
	label: string;
} {
	if (actor.kind === 'anonymous') return { kind: 'anonymous', id: null, label: 'anonymous' };
	// Never a creative's e-mail in the audit log: erasure then only has to redact the label.
	if (actor.kind === 'creative') return { kind: 'creative', id: actor.id, label: `creative ${actor.id}` };
	return { kind: 'staff', id: actor.id, label: actor.email };
}
