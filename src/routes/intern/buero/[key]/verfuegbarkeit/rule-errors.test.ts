import { describe, expect, it } from 'vitest';
import { refusedForm } from '../../../../../../tests/support/route-events';
import { testServices } from '../../../../../../tests/support/test-database';
import { addRule, ruleWouldOverlap } from '$lib/server/booking/availability';
import { ruleSchema } from '$lib/server/booking/availability-schema';
import type { OfficeActor } from '$lib/server/booking/settings';
import { addOfficeMember } from '../../../../../../tests/support/identity-fixtures';
import { officeId as officeIdOf } from '../../../../../../tests/support/office-lookup';
import { setServices } from '$lib/server/runtime';
import { actions } from './+page.server';
import { servicesClosedAfterEach } from '../../../../../../tests/support/services-per-test';

/**
 * Issue 16: a weekly window that overlaps another of the same person is reported with the
 * form's other errors (here the format not chosen), not only after those are fixed.
 */
let s = servicesClosedAfterEach({ ignoreCloseErrors: true });

async function setup() {
	s = await testServices({ now: '2026-06-14T06:00:00Z' });
	setServices(s);
	const officeId = await officeIdOf(s, 'nw');
	const anna = await addOfficeMember(s, 'Anna', 'nw', 'consultant');
	const ben = await addOfficeMember(s, 'Ben', 'nw', 'consultant');
	const olga = await addOfficeMember(s, 'Olga', 'by', 'consultant');
	const annaActor: OfficeActor = { id: anna.id, email: anna.email, role: 'consultant' };
	const leadActor: OfficeActor = { id: 999, email: 'lead@example.org', role: 'office_lead' };
	const nineToTwelve = ruleSchema.parse({
		consultantId: String(anna.id),
		ruleFormat: 'office',
		ruleWeekday: '2',
		ruleStart: '09:00',
		ruleEnd: '12:00',
		ruleFrom: '',
		ruleTo: ''
	});
	expect((await addRule(s, annaActor, officeId, nineToTwelve)).ok).toBe(true);
	return { s, officeId, anna, ben, olga, annaActor, leadActor };
}

const window = (consultantId: number, over: Record<string, unknown> = {}) => ({
	consultantId,
	weekday: 2,
	startTime: '11:00',
	endTime: '13:00',
	validFrom: null,
	validTo: null,
	...over
});

describe('ruleWouldOverlap', () => {
	it('answers where addRule would refuse the overlap, and only there', async () => {
		const f = await setup();
		const ask = (actor: OfficeActor, w: Record<string, unknown>) =>
			ruleWouldOverlap(f.s.db, actor, f.officeId, w as Parameters<typeof ruleWouldOverlap>[3]);
		expect(await ask(f.annaActor, window(f.anna.id))).toBe(true);
		expect(await ask(f.leadActor, window(f.anna.id))).toBe(true);
		expect(await ask(f.annaActor, window(f.anna.id, { startTime: '12:00' }))).toBe(false);
		expect(await ask(f.annaActor, window(f.anna.id, { weekday: 3 }))).toBe(false);
		// A part that failed its schema, or an end before the start: nothing to say.
		expect(await ask(f.annaActor, window(f.anna.id, { startTime: undefined }))).toBe(false);
		expect(await ask(f.annaActor, window(f.anna.id, { endTime: '10:00' }))).toBe(false);
		expect(
			await ask(f.annaActor, window(f.anna.id, { validFrom: '2026-09-01', validTo: '2026-08-01' }))
		).toBe(false);
		// Where addRule stops earlier (not allowed to act for Anna, not a member): no answer.
		const ben: OfficeActor = { id: f.ben.id, email: f.ben.email, role: 'consultant' };
		expect(await ask(ben, window(f.anna.id))).toBe(false);
		expect(await ask(f.leadActor, window(f.olga.id))).toBe(false);
	});
});

describe('/intern/buero/[key]/verfuegbarkeit ?/addRule', () => {
	it('the format not chosen and an overlapping window: both in the first answer', async () => {
		const f = await setup();
		const url = new URL('http://localhost/intern/buero/nw/verfuegbarkeit?/addRule');
		const body = new FormData();
		const form = {
			consultantId: String(f.anna.id),
			ruleFormat: '',
			ruleWeekday: '2',
			ruleStart: '11:00',
			ruleEnd: '13:00',
			ruleFrom: '',
			ruleTo: ''
		};
		for (const [k, v] of Object.entries(form)) body.set(k, v);
		const event = {
			params: { key: 'nw' },
			url,
			route: { id: '/intern/buero/[key]/verfuegbarkeit' },
			locals: {
				locale: 'de',
				requestId: 'test',
				actor: {
					kind: 'staff',
					id: f.anna.id,
					name: 'Anna',
					email: f.anna.email,
					isNetworkAdmin: false,
					memberships: [{ officeId: f.officeId, officeKey: 'nw', officeName: 'NW', role: 'consultant' }],
					sessionHash: 'x'
				}
			},
			request: new Request(url, { method: 'POST', body })
		} as never;
		const r = refusedForm(await actions.addRule!(event));
		expect(Object.keys(r.errors).sort()).toEqual(['ruleFormat', 'ruleStart']);
	});
});
