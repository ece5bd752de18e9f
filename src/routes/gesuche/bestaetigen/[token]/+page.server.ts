import { services } from '$lib/server/runtime';
import { confirmRequest, inspectRequestLink } from '$lib/server/visibility/requests';
import type { Actions, PageServerLoad } from './$types';

/** The page the confirmation mail links to: GET shows, only the button (POST) confirms. */
export const load: PageServerLoad = async ({ params }) => {
	const { db, clock } = services();
	return { check: await inspectRequestLink(db, params.token, clock.now()) };
};

export const actions: Actions = {
	default: async (event) => ({
		result: await confirmRequest(services(), event.params.token, { requestId: event.locals.requestId })
	})
};
