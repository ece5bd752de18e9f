import { routeEvent, staffActor } from './route-events';

/**
 * Helpers for the tests of the case pages' routes (imported by *.test.ts only): a request event
 * of a staff member of the office `nw` on a case page, and what a load or action answered —
 * its value, or the redirect or error SvelteKit throws.
 */
type Who = { id: number; officeId: number; email?: string; role?: 'office_lead' | 'consultant' };

export function casePageEvent(
	who: Who,
	caseId: number,
	page: '' | '/gespraech' | '/folgetermin',
	options: { query?: string; form?: Record<string, string> } = {}
) {
	return officeEvent(
		who,
		`/begleitungen/${caseId}${page}`,
		`/begleitungen/[id]${page}`,
		{ id: String(caseId) },
		options
	);
}

/** A request of a member of the office `nw` to one of its pages below /intern/buero/nw. */
export function officeEvent(
	who: Who,
	path: string,
	route: string,
	params: Record<string, string>,
	options: { query?: string; form?: Record<string, string> } = {}
) {
	return routeEvent({
		path: `/intern/buero/nw${path}${options.query ?? ''}`,
		params: { key: 'nw', ...params },
		routeId: `/intern/buero/[key]${route}`,
		actor: staffActor({
			id: who.id,
			email: who.email ?? 'berta@kreativlotse.example',
			role: who.role ?? 'consultant',
			office: { id: who.officeId, key: 'nw' }
		}),
		form: options.form
	});
}

export async function answer(p: unknown): Promise<{ status?: number; location?: string; data?: any }> {
	try {
		return (await p) as { status?: number; data?: unknown };
	} catch (e) {
		return e as { status?: number; location?: string };
	}
}
