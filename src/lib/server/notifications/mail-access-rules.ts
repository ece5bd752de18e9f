/**
 * Who may read which mail in Postausgang (issue 13), written once:
 * - mails carrying a sign-in, reset or invitation link: nobody but their recipient;
 * - network admins: every other mail;
 * - office leads: every other mail of their offices;
 * - consultants: mails of their offices that are not about a case or booking, and those about
 *   cases and bookings they may open (their own: cases/load.ts mayActOnCase);
 * - anyone: mails addressed to themselves.
 */
export const RECIPIENT_ONLY_TEMPLATES = [
	'portal.login',
	'identity.password_reset',
	'identity.invite'
] as const;

/** Subject kinds whose mails follow case access; the query resolves each to its case's consultant. */
export const CASE_BOUND_SUBJECTS = ['booking', 'case', 'check_in', 'referral'] as const;

export interface MailViewerRoles {
	isNetworkAdmin: boolean;
	memberships: readonly { officeId: number; role: 'office_lead' | 'consultant' }[];
}

export function officesByRole(v: MailViewerRoles): { lead: number[]; consultant: number[] } {
	return {
		lead: v.memberships.filter((m) => m.role === 'office_lead').map((m) => m.officeId),
		consultant: v.memberships.filter((m) => m.role === 'consultant').map((m) => m.officeId)
	};
}
