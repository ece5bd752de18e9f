import type { TestServices } from './test-database';

/**
 * Test support for the /api/v1 handlers: an office with one consultant who offers office and
 * phone hours every weekday 09:00–17:00 (Berlin), and a RequestEvent-like object to call the
 * handlers with directly.
 */
export async function apiFixture(s: TestServices, officeKey = 'nw') {
	const office = await s.db
		.selectFrom('office')
		.select('id')
		.where('key', '=', officeKey)
		.executeTakeFirstOrThrow();
	const t = s.clock.now().getTime();
	const user = await s.db
		.insertInto('staff_user')
		.values({
			email: `berater-${officeKey}@example.org`,
			name: 'Bea Berater',
			is_network_admin: 0,
			locale: 'de',
			created_at: t,
			updated_at: t
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const officeId = Number(office.id);
	const consultantId = Number(user.id);
	await s.db
		.insertInto('staff_membership')
		.values({ user_id: consultantId, office_id: officeId, role: 'consultant' })
		.execute();
	for (const format of ['office', 'phone'] as const)
		for (let weekday = 1; weekday <= 5; weekday++)
			await s.db
				.insertInto('availability_rule')
				.values({
					consultant_id: consultantId,
					office_id: officeId,
					format,
					weekday,
					start_time: format === 'office' ? '09:00' : '13:00',
					end_time: format === 'office' ? '12:00' : '17:00',
					valid_from: null,
					valid_to: null,
					created_at: t
				})
				.execute();
	return { officeId, consultantId };
}

export function apiEvent(
	url: string,
	init: RequestInit & { params?: Record<string, string>; address?: string } = {}
): never {
	const full = new URL(url, 'http://localhost');
	return {
		request: new Request(full, init),
		url: full,
		params: init.params ?? {},
		locals: { requestId: 'test-request', locale: 'de', actor: { kind: 'anonymous' } },
		getClientAddress: () => init.address ?? '192.0.2.1',
		route: { id: null },
		setHeaders: () => {},
		cookies: { get: () => undefined }
	} as never;
}

export function bookingBody(officeId: number, overrides: Record<string, unknown> = {}) {
	return {
		officeId,
		start: '2026-06-17T09:00:00+02:00',
		format: 'office',
		name: 'Kim Kreativ',
		email: 'kim@example.org',
		phone: '+49 30 123456',
		postcode: '44787',
		land: 'DE-NW',
		submarket: 'design',
		stage: 'idee',
		topics: [],
		concern: 'Ich möchte ein Designbüro gründen.',
		consents: { processing: true, notes: false },
		...overrides
	};
}

export function postBooking(body: unknown, key: string | null, address?: string) {
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (key !== null) headers['idempotency-key'] = key;
	return apiEvent('/api/v1/bookings', {
		method: 'POST',
		headers,
		body: typeof body === 'string' ? body : JSON.stringify(body),
		address
	});
}
