import type { AuditActor } from '../audit/index';

/** Audit actors of this domain (creatives are labelled by id, never by e-mail). */
export const creativeActor = (creativeId: number): AuditActor => ({
	kind: 'creative',
	id: creativeId,
	label: `creative ${creativeId}`
});

export const staffActor = (staff: { id: number; email: string }): AuditActor => ({
	kind: 'staff',
	id: staff.id,
	label: staff.email
});

/** Decision makers have no account: their rows name them by id. */
export const decisionMakerActor = (id: number): AuditActor => ({
	kind: 'anonymous',
	id: null,
	label: `decision_maker ${id}`
});

export const publicActor: AuditActor = { kind: 'anonymous', id: null, label: 'public' };

export function parseJsonArray(text: string | null | undefined): string[] {
	try {
		const v = JSON.parse(text ?? '[]') as unknown;
		return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
	} catch {
		return [];
	}
}
