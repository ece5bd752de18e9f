import type { TestServices } from './test-database';
import { officeId as officeIdByKey } from './office-lookup';
import { addOfficeStaff, addWeekdayHours } from './staff-member';

/**
 * Test support for the /api/v1 handlers: an office with one consultant who offers office and
 * phone hours every weekday 09:00–17:00 (Berlin), and a RequestEvent-like object to call the
 * handlers with directly.
 */
export async function apiFixture(s: TestServices, officeKey = 'nw') {
	const officeId = await officeIdByKey(s, officeKey);
	const consultantId = await addOfficeStaff(s, {
		email: `berater-${officeKey}@example.org`,
		name: 'Bea Berater',
		officeId,
		role: 'consultant'
	});
	await addWeekdayHours(s, {
		consultantId,
		officeId,
		formats: ['office', 'phone'],
		officeHours: ['09:00', '12:00'],
		otherHours: ['13:00', '17:00']
	});
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
