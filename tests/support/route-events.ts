import { expect } from 'vitest';
/**
 * Request events for calling a route's load or action directly in a test (imported by *.test.ts
 * only): the actor hooks.server.ts would have put into locals, and the event around a request.
 */
export type StaffRole = 'network_admin' | 'office_lead' | 'consultant';

export interface StaffWho {
	id: number;
	email: string;
	role: StaffRole;
	name?: string;
	/** The office the member belongs to; a network admin belongs to none. */
	office?: { id: number; key: string; name?: string };
}

/** A signed-in staff member: a network admin has no memberships, anyone else one in `office`. */
export function staffActor(who: StaffWho) {
	const member = who.role !== 'network_admin' && who.office;
	return {
		kind: 'staff',
		id: who.id,
		name: who.name ?? 'Test',
		email: who.email,
		isNetworkAdmin: who.role === 'network_admin',
		memberships: member
			? [
					{
						officeId: member.id,
						officeKey: member.key,
						officeName: member.name ?? member.key,
						role: who.role
					}
				]
			: [],
		sessionHash: 'x'
	};
}

/** The network admin the reference and directory admin tests act as. */
export function networkAdmin(who: { id: number; email: string } = { id: 1, email: 'admin@example.org' }) {
	return staffActor({ ...who, name: 'Admin', role: 'network_admin' });
}

export type FormFields = Record<string, string> | [string, string][] | FormData;

/**
 * An event for `path` on localhost: a POST carrying `form` (repeated keys as pairs), or with
 * `method: 'GET'` a plain request. `routeId` only where the route reads it.
 */
export function routeEvent(options: {
	path: string;
	actor: unknown;
	params?: Record<string, string>;
	routeId?: string;
	form?: FormFields;
	method?: 'GET' | 'POST';
	/** What else the handler calls on the event, e.g. setHeaders or getClientAddress. */
	extra?: Record<string, unknown>;
}) {
	const url = new URL(`http://localhost${options.path}`);
	return {
		...(options.params ? { params: options.params } : {}),
		url,
		...(options.routeId ? { route: { id: options.routeId } } : {}),
		locals: { locale: 'de', requestId: 'test', actor: options.actor },
		...options.extra,
		request:
			options.method === 'GET'
				? new Request(url)
				: new Request(url, { method: 'POST', body: formData(options.form) })
	} as never;
}

/**
 * A url-encoded POST (a key may repeat) to a page a mailed link opens: nobody signed in, the
 * link's token in params.
 */
export function tokenPageEvent(path: string, token: string, form: Record<string, string | string[]> = {}) {
	const url = new URL(`http://localhost${path}`);
	const body = new URLSearchParams();
	for (const [k, v] of Object.entries(form)) for (const x of [v].flat()) body.append(k, x);
	return {
		url,
		params: { token },
		locals: { locale: 'de', requestId: 'req' },
		setHeaders: () => {},
		request: new Request(url, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body
		})
	} as never;
}

/**
 * What an action answered when it refused its form: the test fails unless it is the 400 with
 * field errors; then the errors and the values the form shows again.
 */
export function refusedForm(answer: unknown): {
	errors: Record<string, string>;
	values: Record<string, unknown>;
} {
	const r = answer as {
		status?: number;
		data?: { errors?: Record<string, string>; values?: Record<string, unknown> };
	};
	expect(r?.status).toBe(400);
	return { errors: r.data?.errors ?? {}, values: r.data?.values ?? {} };
}

/** What a load or action threw (a redirect or an error); fails when it threw nothing. */
export async function thrown(p: unknown): Promise<{ status?: number; location?: string }> {
	try {
		await p;
	} catch (e) {
		return e as { status?: number; location?: string };
	}
	throw new Error('nothing thrown');
}

function formData(form: FormFields = {}): FormData {
	if (form instanceof FormData) return form;
	const body = new FormData();
	for (const [k, v] of Array.isArray(form) ? form : Object.entries(form)) body.append(k, v);
	return body;
}
