import { fail, redirect } from '@sveltejs/kit';
import { inspectFeedback, submitFeedback } from '$lib/server/checkins/feedback';
import { feedbackFormSchema } from '$lib/server/checkins/schema';
import { parseForm } from '$lib/server/http/form';
import { services } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';
import { linkPageLoad } from '../../link-page.server';

/** Feedback after closure: public, by token. GET shows, the POST saves the rating once. */
export const load = linkPageLoad('feedback', inspectFeedback) satisfies PageServerLoad;

export const actions: Actions = {
	default: async ({ params, locals, request, url }) => {
		const parsed = await parseForm(request, feedbackFormSchema, locals.locale);
		if (!parsed.ok) return parsed.failure;
		const r = await submitFeedback(
			services(),
			params.token,
			{ rating: parsed.data.rating, comment: parsed.data.comment ?? '' },
			{ requestId: locals.requestId }
		);
		if (r.ok) redirect(303, `${url.pathname}?danke=1`);
		if (r.reason === 'given') return fail(409, { again: true });
		// The link died meanwhile: the page (GET) says why.
		redirect(303, url.pathname);
	}
};
