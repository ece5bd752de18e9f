import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServices, testServices } from '../../../../tests/support/test-database';
import type { Actor, Membership } from '../identity/principal';
import { setServices } from '../runtime';
import { requireCreative, requireNetworkAdmin, requireOffice, requireStaff } from './gate';

/**
 * Issue 17: the one authorisation gate as a table, gate × caller → outcome. "in" passes (with the
 * role and the offices the scope holds), "login" and "portal" redirect to a sign-in page, "404"
 * denies as if the page did not exist and writes an `access.denied` audit row with the reason.
 */
const A = 101;
const B = 202;

const member = (officeId: number, role: Membership['role']): Membership => ({
	officeId,
	officeKey: officeId === A ? 'a' : 'b',
	officeName: officeId === A ? 'Büro A' : 'Büro B',
	role
});
const staff = (id: number, isNetworkAdmin: boolean, memberships: Membership[]): Actor => ({
	kind: 'staff',
	id,
	name: `Person ${id}`,
	email: `p${id}@example.org`,
	isNetworkAdmin,
	memberships,
	sessionHash: 'h'
});

const CALLERS: Record<string, Actor> = {
	anonymous: { kind: 'anonymous' },
	'password only (second factor missing)': {
		kind: 'staff-pending',
		id: 9,
		name: 'Halb',
		email: 'halb@example.org',
		totpEnrolled: true,
		sessionHash: 'h'
	},
	creative: { kind: 'creative', id: 7, email: 'k@example.org', sessionHash: 'h' },
	'consultant of A': staff(1, false, [member(A, 'consultant')]),
	'lead of A': staff(2, false, [member(A, 'office_lead')]),
	'consultant of B': staff(3, false, [member(B, 'consultant')]),
	'lead of B, consultant of A': staff(4, false, [member(B, 'office_lead'), member(A, 'consultant')]),
	'network admin': staff(5, true, [])
};

type Outcome = { in: { role?: string; offices: number[] | 'all' } } | 'login' | 'portal' | { '404': string };

type Gate = (event: never) => unknown;
const GATES: Record<string, Gate> = {
	requireStaff: (e) => requireStaff(e),
	requireCreative: (e) => requireCreative(e),
	requireNetworkAdmin: (e) => requireNetworkAdmin(e),
	'requireOffice(A)': (e) => requireOffice(e, A),
	'requireOffice(A, lead)': (e) => requireOffice(e, A, 'office_lead')
};

// Rules as data: every gate for every caller.
const TABLE: [string, string, Outcome][] = [
	['requireStaff', 'anonymous', 'login'],
	['requireStaff', 'password only (second factor missing)', 'login'],
	['requireStaff', 'creative', 'login'],
	['requireStaff', 'consultant of A', { in: { offices: [A] } }],
	['requireStaff', 'lead of B, consultant of A', { in: { offices: [B, A] } }],
	['requireStaff', 'network admin', { in: { offices: 'all' } }],

	['requireCreative', 'anonymous', 'portal'],
	['requireCreative', 'consultant of A', 'portal'],
	['requireCreative', 'network admin', 'portal'],
	['requireCreative', 'creative', { in: { offices: [] } }],

	['requireNetworkAdmin', 'anonymous', 'login'],
	['requireNetworkAdmin', 'creative', 'login'],
	['requireNetworkAdmin', 'consultant of A', { '404': 'network_admin required' }],
	['requireNetworkAdmin', 'lead of A', { '404': 'network_admin required' }],
	['requireNetworkAdmin', 'network admin', { in: { offices: 'all' } }],

	['requireOffice(A)', 'anonymous', 'login'],
	['requireOffice(A)', 'creative', 'login'],
	['requireOffice(A)', 'consultant of A', { in: { role: 'consultant', offices: [A] } }],
	['requireOffice(A)', 'lead of A', { in: { role: 'office_lead', offices: [A] } }],
	['requireOffice(A)', 'consultant of B', { '404': 'not a member of this office' }],
	// A lead elsewhere is a consultant here: the scope holds A only.
	['requireOffice(A)', 'lead of B, consultant of A', { in: { role: 'consultant', offices: [A] } }],
	['requireOffice(A)', 'network admin', { in: { role: 'network_admin', offices: [A] } }],

	['requireOffice(A, lead)', 'anonymous', 'login'],
	['requireOffice(A, lead)', 'consultant of A', { '404': 'office_lead required' }],
	['requireOffice(A, lead)', 'lead of A', { in: { role: 'office_lead', offices: [A] } }],
	['requireOffice(A, lead)', 'consultant of B', { '404': 'not a member of this office' }],
	['requireOffice(A, lead)', 'lead of B, consultant of A', { '404': 'office_lead required' }],
	['requireOffice(A, lead)', 'network admin', { in: { role: 'network_admin', offices: [A] } }]
];

let s: TestServices;
beforeAll(async () => {
	s = await testServices();
	setServices(s);
});
afterAll(async () => {
	await s.close();
});

function eventFor(actor: Actor, requestId: string) {
	const url = new URL('http://localhost/intern/buero/a/begleitungen?status=offen');
	return {
		url,
		route: { id: '/intern/buero/[key]/begleitungen' },
		locals: { locale: 'de', requestId, actor }
	} as never;
}

async function outcomeOf(gate: Gate, actor: Actor, requestId: string): Promise<Outcome> {
	try {
		const r = (await gate(eventFor(actor, requestId))) as {
			role?: string;
			scope?: { all: boolean; officeIds: number[] };
		};
		if (!r.scope) return { in: { offices: [] } };
		return {
			in: {
				...(r.role ? { role: r.role } : {}),
				offices: r.scope.all ? 'all' : r.scope.officeIds
			}
		};
	} catch (thrown) {
		const t = thrown as { status?: number; location?: string };
		if (
			t.status === 303 &&
			t.location === '/anmelden?weiter=%2Fintern%2Fbuero%2Fa%2Fbegleitungen%3Fstatus%3Doffen'
		)
			return 'login';
		if (t.status === 303 && t.location === '/portal/anmelden') return 'portal';
		if (t.status === 404) {
			const row = await s.db
				.selectFrom('audit_event')
				.select(['action', 'data'])
				.where('request_id', '=', requestId)
				.executeTakeFirst();
			expect(row?.action).toBe('access.denied');
			return { '404': (JSON.parse(String(row?.data)) as { reason: string }).reason };
		}
		throw thrown;
	}
}

describe('the gate, route × role', () => {
	it('covers every gate for the callers that matter', () => {
		for (const gate of Object.keys(GATES)) {
			const callers = TABLE.filter(([g]) => g === gate).map(([, c]) => c);
			expect(callers, gate).toContain('anonymous');
			expect(callers.length, gate).toBeGreaterThanOrEqual(4);
		}
	});

	for (const [gate, caller, expected] of TABLE)
		it(`${gate} for ${caller}: ${typeof expected === 'string' ? expected : Object.keys(expected)[0]}`, async () => {
			const requestId = `gate-${gate}-${caller}`;
			expect(await outcomeOf(GATES[gate]!, CALLERS[caller]!, requestId)).toEqual(expected);
		});

	it('a denial is audited with the route, the path and the office', async () => {
		await outcomeOf(GATES['requireOffice(A)']!, CALLERS['consultant of B']!, 'gate-detail');
		const row = await s.db
			.selectFrom('audit_event')
			.select(['actor_kind', 'actor_id', 'subject_kind', 'subject_id', 'office_id', 'data'])
			.where('request_id', '=', 'gate-detail')
			.executeTakeFirstOrThrow();
		expect(row).toMatchObject({
			actor_kind: 'staff',
			actor_id: 3,
			subject_kind: 'route',
			subject_id: '/intern/buero/[key]/begleitungen',
			office_id: A
		});
		expect(JSON.parse(String(row.data))).toMatchObject({ path: '/intern/buero/a/begleitungen' });
	});
});
