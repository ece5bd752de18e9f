import type { AuditActor } from '../audit/index';

/**
 * The creative who answers from a mail link, as the audit log names them. Same shape as
 * portal/login.ts `creativeAuditActor`; defined here because the portal may import checkins,
 * and checkins must not import the portal back (no domain cycles).
 */
export const creativeActor = (creativeId: number): AuditActor => ({
	kind: 'creative',
	id: creativeId,
	label: `creative ${creativeId}`
});
