import { fail, redirect } from '@sveltejs/kit';
import { translate } from '$lib/i18n/messages';
import { answerCheckIn, checkInOfficeId, inspectCheckIn } from '$lib/server/checkins/answer';
import { checkInFormSchema } from '$lib/server/checkins/schema';
import { parseForm } from '$lib/server/http/form';
import { freeTextFailure } from '$lib/server/http/free-text';
import { services } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';
import { linkPageLoad } from '../link-page.server';

/** The progress form of a check-in mail: public, by token. GET shows, only the POST changes. */
export const load = linkPageLoad('checkIn', inspectCheckIn) satisfies PageServerLoad;

export const actions: Actions = {
	default: async ({ params, locals, request, url }) => {
		const parsed = await parseForm(request, checkInFormSchema, locals.locale, { multi: ['steps'] });
		if (!parsed.ok) return parsed.failure;
		const d = parsed.data;
		const { db } = services();
		const refused = await freeTextFailure(db, {
			officeId: await checkInOfficeId(db, params.token),
			texts: { changed: d.changed, questions: d.questions },
			form: parsed.values,
			values: parsed.values,
			locale: locals.locale
		});
		if (refused) return refused;
		const r = await answerCheckIn(
			services(),
			params.token,
			{
				stepsDone: d.steps,
				changed: d.changed ?? '',
				questions: d.questions ?? '',
				wantsFollowUp: d.follow_up
			},
			{ requestId: locals.requestId }
		);
		if (r.ok) redirect(303, `${url.pathname}?danke=1`);
		if (r.reason === 'answered') return fail(409, { again: true });
		if (r.reason === 'too_long') {
			const message = translate(locals.locale, 'form.error.tooLong', { max: 4000 });
			return fail(400, { values: parsed.values, errors: { changed: message } });
		}
		// The link died meanwhile (expired, case closed): the page (GET) says why.
		redirect(303, url.pathname);
	}
};
