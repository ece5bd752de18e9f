import { describe, expect, it } from 'vitest';
import { HOUR } from '$lib/time/durations';
import { conforms } from '../../../../../tests/support/openapi-contract';
import { testServices } from '../../../../../tests/support/test-database';
import { mintScope } from '$lib/server/access/scope';
import { createEvent, publishEvent } from '$lib/server/events/staff';
import { setServices } from '$lib/server/runtime';
import { apiEvent } from '../../../../../tests/support/api-fixtures';
import { GET as listEvents } from './+server';
import { POST as register } from './[id]/registrations/+server';
import { addStaff } from '../../../../../tests/support/identity-fixtures';
import { officeId as officeIdOf } from '../../../../../tests/support/office-lookup';
import { servicesClosedAfterEach } from '../../../../../tests/support/services-per-test';

let s = servicesClosedAfterEach();

type Json = Record<string, unknown>;
const REG = '/events/{id}/registrations';

async function setup(capacity: number) {
	s = await testServices({ now: '2026-06-15T08:00:00Z' });
	setServices(s);
	const officeId = await officeIdOf(s, 'nw');
	const user = await addStaff(s, { email: 'eva@example.org', name: 'Eva', password: false, totp: false });
	const staff = {
		id: Number(user.id),
		email: 'eva@example.org',
		scope: mintScope(false, [officeId]),
		isNetworkAdmin: false
	};
	const start = Date.parse('2026-06-25T16:00:00Z');
	const created = await createEvent(s, staff, officeId, {
		type: 'webinar',
		title: 'Förderprogramme',
		description: '',
		submarkets: [],
		topics: [],
		format: 'online',
		venueName: null,
		venueAddress: null,
		venueLand: null,
		accessibility: null,
		onlineUrl: 'https://video.example/x',
		start,
		end: start + HOUR,
		capacity,
		registrationOpensAt: null,
		registrationClosesAt: null,
		offerHours: 48,
		questions: [],
		contactName: 'Eva',
		contactEmail: 'eva@example.org',
		materialsUrl: null,
		network: false
	});
	const eventId = (created as { eventId: number }).eventId;
	await publishEvent(s, staff, eventId);
	return eventId;
}

const post = (eventId: number, key: string | null, body: unknown, address = '192.0.2.1') =>
	register(
		apiEvent(`/api/v1/events/${eventId}/registrations`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
			body: typeof body === 'string' ? body : JSON.stringify(body),
			params: { id: String(eventId) },
			address
		})
	);

const body = (n: number) => ({
	name: `Person ${n}`,
	email: `p${n}@example.org`,
	submarket: 'film',
	consents: { processing: true }
});

describe('GET /api/v1/events and POST /api/v1/events/{id}/registrations', () => {
	it('registers with an Idempotency-Key: pending_confirmation, then waitlisted; the list shows the counts', async () => {
		const eventId = await setup(1);
		const first = await post(eventId, 'key-000001', body(1));
		expect(first.status).toBe(201);
		const created = await conforms(REG, 'post', first);
		expect(created).toMatchObject({ status: 'pending_confirmation', holdUntil: '2026-06-15T10:30:00+02:00' });
		// The same key and body again: the same registration, no second mail.
		const again = (await (await post(eventId, 'key-000001', body(1))).json()) as Json;
		expect(again.id).toBe(created.id);
		const second = await post(eventId, 'key-000002', body(2));
		expect(second.status).toBe(201);
		expect(await second.json()).toMatchObject({ status: 'waitlisted', holdUntil: null });

		const res = await listEvents(apiEvent('/api/v1/events'));
		expect(res.status).toBe(200);
		const list = (await conforms('/events', 'get', res)) as { events: Json[] };
		expect(list.events).toEqual([
			expect.objectContaining({
				id: eventId,
				title: 'Förderprogramme',
				type: 'webinar',
				format: 'online',
				start: '2026-06-25T18:00:00+02:00',
				capacity: 1,
				registered: 1,
				waitlisted: 1,
				office: expect.objectContaining({ key: 'nw' })
			})
		]);
		expect(JSON.stringify(list)).not.toContain('video.example');
	});

	it('answers 400, 404, 409 and 422 as documented', async () => {
		const eventId = await setup(5);
		expect((await post(eventId, null, body(1))).status).toBe(400);
		await conforms(REG, 'post', await post(eventId, null, body(1)));
		await conforms(REG, 'post', await post(eventId, 'key-000003', '{nope'));
		const invalid = await post(eventId, 'key-000004', { ...body(1), consents: { processing: false } });
		expect(invalid.status).toBe(422);
		expect(await conforms(REG, 'post', invalid)).toMatchObject({
			error: 'invalid',
			fields: { 'consents.processing': 'must be true' }
		});
		expect((await post(eventId, 'key-000005', body(1))).status).toBe(201);
		const conflict = await post(eventId, 'key-000005', body(2));
		expect(conflict.status).toBe(422);
		expect(await conforms(REG, 'post', conflict)).toEqual({ error: 'idempotency_conflict' });
		const dup = await post(eventId, 'key-000006', body(1));
		expect(dup.status).toBe(409);
		expect(await conforms(REG, 'post', dup)).toEqual({ error: 'already_registered' });
		const missing = await post(99999, 'key-000007', body(3));
		expect(missing.status).toBe(404);
		await conforms(REG, 'post', missing);
	});
});
