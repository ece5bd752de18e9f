import { describe, expect, it } from 'vitest';
import { testServices } from '../../../tests/support/test-database';
import { confirmBooking, holdBooking } from '$lib/server/booking/commands';
import {
	bookingFixture,
	holdInput,
	outbox,
	slotsOn,
	tokenFrom
} from '../../../tests/support/booking-fixtures';
import { invalidateScrapeCache, mayScrape } from '$lib/server/operations/scrape';
import { setServices } from '$lib/server/runtime';
import { handle } from '../../hooks.server';
import { GET } from './+server';
import { servicesClosedAfterEach } from '../../../tests/support/services-per-test';

let s = servicesClosedAfterEach();

async function scrape(headers: Record<string, string> = {}, address = '127.0.0.1'): Promise<Response> {
	invalidateScrapeCache();
	return GET({
		request: new Request('http://localhost/metrics', { headers }),
		getClientAddress: () => address
	} as unknown as Parameters<typeof GET>[0]) as Promise<Response>;
}

/** The value of one series (name with its labels, exactly as printed), 0 when absent. */
function value(text: string, series: string): number {
	const line = text.split('\n').find((l) => l.startsWith(`${series} `));
	return line ? Number(line.slice(series.length + 1)) : 0;
}

/** One request through the real `handle` hook (request id, metrics, log line). */
async function request(routeId: string, status: number) {
	const url = new URL(`http://localhost${routeId}`);
	await handle({
		event: {
			request: new Request(url, { method: 'POST' }),
			url,
			route: { id: routeId },
			locals: {},
			cookies: { get: () => undefined }
		} as never,
		resolve: async () => new Response('ok', { status })
	});
}

describe('GET /metrics', () => {
	it('after a booking the request, outbox and booking series move', async () => {
		s = await testServices();
		setServices(s);
		const before = await (await scrape()).text();
		const series = 'kreativlotse_http_requests_total{route="/termin",method="POST",status="303"}';

		await request('/termin', 303);
		const f = await bookingFixture(s);
		const slots = await slotsOn(s, f, '2026-06-17');
		await holdBooking(s, holdInput(f, slots[0]!.start));
		const token = tokenFrom((await outbox(s))[0]!.text_body, '/termin/bestaetigen/');
		expect((await confirmBooking(s, token)).ok).toBe(true);

		const res = await scrape();
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toContain('text/plain');
		const after = await res.text();
		expect(value(after, series)).toBe(value(before, series) + 1);
		expect(after).toMatch(
			/kreativlotse_http_request_duration_seconds_bucket\{le="0.005",route="\/termin",method="POST"\}/
		);
		expect(value(after, 'kreativlotse_bookings{status="confirmed"}')).toBe(
			value(before, 'kreativlotse_bookings{status="confirmed"}') + 1
		);
		expect(value(after, 'kreativlotse_outbox_mails{status="pending"}')).toBeGreaterThan(
			value(before, 'kreativlotse_outbox_mails{status="pending"}')
		);
		expect(after).toContain('kreativlotse_outbox_oldest_pending_age_seconds');
		expect(after).toContain('kreativlotse_outbox_dead_mails 0');
		expect(after).toContain('kreativlotse_event_registrations');
		expect(after).toContain('kreativlotse_login_failures_total');
		expect(after).toContain('kreativlotse_job_runs_total');
		if (s.dialect === 'postgres') expect(after).toMatch(/kreativlotse_db_pool_connections\{state="max"\} 20/);
	});

	it('is refused (404) to a remote client without the token', async () => {
		s = await testServices();
		setServices(s);
		await expect(scrape({}, '203.0.113.9')).rejects.toMatchObject({ status: 404 });
	});

	it.each([
		[null, null, '127.0.0.1', true],
		[null, null, '::1', true],
		[null, null, '10.0.0.5', false],
		[null, 'Bearer abcdefghijklmnop', '10.0.0.5', false],
		['abcdefghijklmnop', 'Bearer abcdefghijklmnop', '10.0.0.5', true],
		['abcdefghijklmnop', 'Bearer abcdefghijklmnoX', '127.0.0.1', false],
		['abcdefghijklmnop', null, '127.0.0.1', false]
	])('token %s, header %s, client %s → %s', (token, header, address, allowed) => {
		expect(mayScrape(token, header, address)).toBe(allowed);
	});
});
