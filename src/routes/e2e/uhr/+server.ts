import { json } from '@sveltejs/kit';
import { movableClock } from '$lib/server/http/e2e-only';
import { forgetFutureTotpSteps } from '$lib/server/identity/housekeeping';
import { services } from '$lib/server/runtime';
import { DAY } from '$lib/time/durations';
import type { RequestHandler } from './$types';

// End-to-end suite only (KL_E2E=1): read or move the server's clock. 404 everywhere else.
export const GET: RequestHandler = () => {
	const clock = movableClock();
	return json({ now: clock.now().toISOString(), offsetMs: clock.offsetMs() });
};

export const POST: RequestHandler = async ({ request }) => {
	const clock = movableClock();
	const body = (await request.json()) as { days?: number; reset?: boolean };
	if (body.reset) {
		clock.reset();
		await forgetFutureTotpSteps(services().db, clock.now());
	} else clock.advance(Number(body.days ?? 0) * DAY);
	return json({ now: clock.now().toISOString(), offsetMs: clock.offsetMs() });
};
