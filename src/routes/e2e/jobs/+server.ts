import { json } from '@sveltejs/kit';
import { runMinuteJobs } from '$lib/server/background';
import { requireE2e } from '$lib/server/http/e2e-only';
import { services } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

// End-to-end suite only (KL_E2E=1): run the minute jobs now instead of waiting for the timer.
export const POST: RequestHandler = async () => {
	requireE2e();
	return json(await runMinuteJobs(services()));
};
