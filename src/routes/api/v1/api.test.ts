import { describe, expect, it } from 'vitest';
import { testServices } from '../../../../tests/support/test-database';
import { setServices } from '$lib/server/runtime';
import { apiEvent, apiFixture, bookingBody, postBooking } from '../../../../tests/support/api-fixtures';
import { POST as postBookings } from './bookings/+server';
import { GET as getOffices } from './offices/+server';
import { GET as getSlots } from './offices/[id]/slots/+server';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

let s = servicesClosedAfterEach({ ignoreCloseErrors: true });

// The fixed clock stands at Monday 2026-06-15 10:00 Berlin; minimum notice is 24 h.
async function setup(env: Record<string, string> = {}) {
	s = await testServices({ env });
	setServices(s);
	return apiFixture(s);
}

const slots = (officeId: number | string, query: string) =>
	getSlots(apiEvent(`/api/v1/offices/${officeId}/slots?${query}`, { params: { id: String(officeId) } }));
const call = (event: never) => postBookings(event) as Promise<Response>;

describe('GET /api/v1/offices', () => {
	it('lists the active offices with their Länder and public contact data', async () => {
		await setup();
		const res = await getOffices(apiEvent('/api/v1/offices'));
		expect(res.status).toBe(200);
		const body = await res.json();
		expect(body.offices.length).toBeGreaterThanOrEqual(8);
		const nw = body.offices.find((o: { key: string }) => o.key === 'nw');
		expect(Object.keys(nw).sort()).toEqual(['email', 'id', 'key', 'laender', 'name', 'phone', 'seat']);
		expect(nw.laender).toEqual(['DE-NW']);
	});
});

describe('GET /api/v1/offices/{id}/slots', () => {
	it('answers slots with the Berlin offset', async () => {
		const { officeId, consultantId } = await setup();
		const res = await slots(officeId, 'from=2026-06-17&to=2026-06-17');
		expect(res.status).toBe(200);
		const body = await res.json();
		expect(body.slots[0]).toEqual({
			start: '2026-06-17T09:00:00+02:00',
			end: '2026-06-17T10:00:00+02:00',
			format: 'office',
			consultantId
		});
		expect(body.slots.every((x: { start: string }) => x.start.endsWith('+02:00'))).toBe(true);
		const phone = await (await slots(officeId, 'from=2026-06-17&to=2026-06-17&format=phone')).json();
		expect(phone.slots.length).toBeGreaterThan(0);
		expect(phone.slots.every((x: { format: string }) => x.format === 'phone')).toBe(true);
	});

	it('cuts a long range at the booking horizon', async () => {
		const { officeId } = await setup();
		const body = await (await slots(officeId, 'from=2026-07-01&to=2026-08-31')).json();
		expect(body.slots.length).toBeGreaterThan(0);
		// 8 weeks horizon: nothing after 2026-08-10.
		expect(body.slots.every((x: { start: string }) => x.start < '2026-08-11')).toBe(true);
	});

	it.each([
		['from=2026-06-17', 400],
		['from=2026-06-31&to=2026-07-01', 400],
		['from=17.06.2026&to=2026-07-01', 400],
		['from=2026-07-01&to=2026-06-17', 400],
		['from=2026-06-17&to=2026-08-18', 400],
		['from=2026-06-17&to=2026-08-17', 200],
		['from=2026-06-17&to=2026-06-18&format=zoom', 400]
	])('%s -> %i', async (query, status) => {
		const { officeId } = await setup();
		expect((await slots(officeId, query)).status).toBe(status);
	});

	it('answers 404 for an unknown or inactive office', async () => {
		const { officeId } = await setup();
		expect((await slots(99999, 'from=2026-06-17&to=2026-06-18')).status).toBe(404);
		expect((await slots('abc', 'from=2026-06-17&to=2026-06-18')).status).toBe(404);
		await s!.db.updateTable('office').set({ active: 0 }).where('id', '=', officeId).execute();
		expect((await slots(officeId, 'from=2026-06-17&to=2026-06-18')).status).toBe(404);
	});
});

describe('POST /api/v1/bookings', () => {
	it('holds the slot: 201, pending confirmation, held for 30 minutes, no-store', async () => {
		const { officeId, consultantId } = await setup();
		const res = await call(postBooking(bookingBody(officeId), 'key-00000001'));
		expect(res.status).toBe(201);
		expect(res.headers.get('cache-control')).toBe('no-store');
		const body = await res.json();
		expect(body).toEqual({
			id: expect.any(Number),
			status: 'pending_confirmation',
			holdUntil: '2026-06-15T10:30:00+02:00'
		});
		const row = await s!.db
			.selectFrom('booking')
			.selectAll()
			.where('id', '=', body.id)
			.executeTakeFirstOrThrow();
		expect(row.status).toBe('held');
		expect(Number(row.consultant_id)).toBe(consultantId);
		expect(Number(row.start_at)).toBe(Date.parse('2026-06-17T07:00:00Z'));
		// The slot is gone for others.
		const free = await (await slots(officeId, 'from=2026-06-17&to=2026-06-17&format=office')).json();
		expect(free.slots.map((x: { start: string }) => x.start)).not.toContain('2026-06-17T09:00:00+02:00');
	});

	it('is idempotent: the same key and body give the same booking, a different body 422', async () => {
		const { officeId } = await setup();
		const first = await (await call(postBooking(bookingBody(officeId), 'same-key-1234'))).json();
		// Key order and whitespace do not matter; the parsed request does.
		const reordered = { ...bookingBody(officeId), name: '  Kim Kreativ ' };
		const again = await call(postBooking(reordered, 'same-key-1234'));
		expect(again.status).toBe(201);
		expect((await again.json()).id).toBe(first.id);
		const other = await call(
			postBooking(bookingBody(officeId, { concern: 'Etwas anderes' }), 'same-key-1234')
		);
		expect(other.status).toBe(422);
		expect(await other.json()).toEqual({ error: 'idempotency_conflict' });
		expect(await s!.db.selectFrom('booking').select('id').execute()).toHaveLength(1);
	});

	it('answers 409 slot_taken for a taken slot and 409 limit_reached for a second first consultation', async () => {
		const { officeId } = await setup();
		expect((await call(postBooking(bookingBody(officeId), 'key-first-1'))).status).toBe(201);
		const taken = await call(
			postBooking(bookingBody(officeId, { email: 'other@example.org' }), 'key-second-2')
		);
		expect(taken.status).toBe(409);
		expect(await taken.json()).toEqual({ error: 'slot_taken' });
		const limit = await call(
			postBooking(bookingBody(officeId, { start: '2026-06-18T09:00:00+02:00' }), 'key-third-3')
		);
		expect(limit.status).toBe(409);
		expect(await limit.json()).toEqual({ error: 'limit_reached' });
	});

	it.each([
		['an over-long concern', { concern: 'x'.repeat(2001) }, 'concern'],
		['an over-long name', { name: 'x'.repeat(201) }, 'name'],
		['an unknown sub-market', { submarket: 'astrologie' }, 'submarket'],
		['an unknown stage', { stage: 'rente' }, 'stage'],
		['an unknown topic', { topics: ['finanzierung', 'lotto'] }, 'topics.1'],
		['an unknown Land', { land: 'DE-XX' }, 'land'],
		['no processing consent', { consents: { processing: false, notes: true } }, 'consents.processing'],
		['missing consents', { consents: undefined }, 'consents'],
		['a bad e-mail', { email: 'kim@' }, 'email'],
		['a start without offset', { start: '2026-06-17T09:00:00' }, 'start'],
		['an unknown format', { format: 'zoom' }, 'format'],
		['a string officeId', { officeId: '1' }, 'officeId'],
		['a bad postcode', { postcode: '1234' }, 'postcode']
	])('answers 422 invalid for %s', async (_, override, field) => {
		const { officeId } = await setup();
		const res = await call(postBooking(bookingBody(officeId, override), 'key-invalid-1'));
		expect(res.status).toBe(422);
		const body = await res.json();
		expect(body.error).toBe('invalid');
		expect(body.fields[field]).toEqual(expect.any(String));
		expect(await s!.db.selectFrom('booking').select('id').execute()).toHaveLength(0);
	});

	it('answers 409 slot_taken for a start that is no slot', async () => {
		const { officeId } = await setup();
		const res = await call(
			postBooking(bookingBody(officeId, { start: '2026-06-17T09:10:00+02:00' }), 'key-noslot-1')
		);
		expect(res.status).toBe(409);
	});

	it.each([
		['malformed JSON', '{"officeId": 1,', 'key-malformed-1', 'malformed_json'],
		['a missing Idempotency-Key', null, null, 'idempotency_key_required'],
		['a too short Idempotency-Key', null, 'short', 'idempotency_key_required']
	])('answers 400 for %s', async (_, raw, key, error) => {
		const { officeId } = await setup();
		const res = await call(postBooking(raw ?? bookingBody(officeId), key));
		expect(res.status).toBe(400);
		expect((await res.json()).error).toBe(error);
	});

	it('answers 429 with Retry-After past the rate limit, per client address', async () => {
		const { officeId } = await setup({ API_RATE_LIMIT: '3' });
		for (let i = 0; i < 3; i++) expect((await getOffices(apiEvent('/api/v1/offices'))).status).toBe(200);
		const res = await call(postBooking(bookingBody(officeId), 'key-limited-1'));
		expect(res.status).toBe(429);
		expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(await res.json()).toEqual({ error: 'rate_limited' });
		// Another address has its own budget.
		expect((await call(postBooking(bookingBody(officeId), 'key-limited-1', '198.51.100.7'))).status).toBe(
			201
		);
		// The window passes.
		s!.clock.advance(60_000);
		expect((await getOffices(apiEvent('/api/v1/offices'))).status).toBe(200);
	});

	it('lets exactly one of 50 parallel requests for one slot win; the others get 409', async () => {
		const { officeId } = await setup({ API_RATE_LIMIT: '1000' });
		const results = await Promise.all(
			Array.from({ length: 50 }, (_, i) =>
				call(postBooking(bookingBody(officeId, { email: `p${i}@example.org` }), `parallel-key-${i}`))
			)
		);
		const statuses = results.map((r) => r.status).sort();
		expect(statuses.filter((x) => x === 201)).toHaveLength(1);
		expect(statuses.filter((x) => x === 409)).toHaveLength(49);
		const rows = await s!.db.selectFrom('booking').select('status').where('status', '=', 'held').execute();
		expect(rows).toHaveLength(1);
	});
});
