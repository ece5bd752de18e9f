import { parseForm } from '$lib/server/http/form';
import { services } from '$lib/server/runtime';
import { inspectIntroduction, respondToIntroduction } from '$lib/server/visibility/introductions';
import { respondSchema } from '$lib/server/visibility/schema';
import type { Actions, PageServerLoad } from './$types';

/** The page a proposal mail links to: GET only shows the request; the buttons (POST) answer. */
export const load: PageServerLoad = async ({ params }) => {
	const { db, clock } = services();
	return { check: await inspectIntroduction(db, params.token, clock.now()) };
};

export const actions: Actions = {
	default: async (event) => {
		const parsed = await parseForm(event.request, respondSchema, event.locals.locale);
		if (!parsed.ok) return parsed.failure;
		const result = await respondToIntroduction(
			services(),
			{ token: event.params.token, decision: parsed.data.decision, message: parsed.data.message },
			{ requestId: event.locals.requestId }
		);
		return { result };
	}
};
