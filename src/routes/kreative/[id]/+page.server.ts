import type { RequestEvent } from '@sveltejs/kit';
import type { FormValues } from '$lib/server/http/form';
import { formAction } from '$lib/server/http/form-action';
import { throttledFailure } from '$lib/server/http/refusals';
import { idParam, notFound } from '$lib/server/http/route-answers';
import { randomToken } from '$lib/server/platform/tokens';
import { services } from '$lib/server/runtime';
import { publicProfilePage } from '$lib/server/visibility/page-queries';
import { relayContact, reportProfile } from '$lib/server/visibility/public';
import { contactFormSchema, reportSchema } from '$lib/server/visibility/schema';
import type { Actions, PageServerLoad } from './$types';

/** A public profile page: title, description, JSON-LD, contact relay and report forms. 404 unless public. */
export const load: PageServerLoad = async ({ params, locals, url }) => {
	const { db, clock, config } = services();
	const at = { locale: locals.locale, now: clock.now(), publicBaseUrl: config.publicBaseUrl };
	const page = (await publicProfilePage(db, idParam(params.id), at)) ?? notFound();
	return { ...page, sent: url.searchParams.get('gesendet'), submissionId: randomToken(18) };
};

type ProfileEvent = RequestEvent<{ id: string }>;

/** Both forms: throttled per address (429 with the wait); a profile no longer public: 404. */
function throttledOrGone(
	r: { reason: string; retryAfterSeconds?: number },
	values: FormValues,
	event: ProfileEvent
) {
	if (r.reason !== 'throttled') notFound();
	return throttledFailure(event, r.retryAfterSeconds ?? 0, 'visibility.error.throttled', values);
}
const from = (event: ProfileEvent) => ({
	profileId: idParam(event.params.id),
	clientAddress: event.getClientAddress()
});
const ctx = (event: RequestEvent) => ({ requestId: event.locals.requestId });

export const actions: Actions = {
	contact: formAction({
		access: async () => null,
		schema: contactFormSchema,
		run: ({ event, data: d }) =>
			relayContact(
				services(),
				{ ...from(event), name: d.name, email: d.email, message: d.message, submissionId: d.submission_id },
				ctx(event)
			),
		refuse: (r, values, event) => throttledOrGone(r, values, event),
		done: ({ event }) => `/kreative/${event.params.id}?gesendet=nachricht#kontakt`
	}),
	report: formAction({
		access: async () => null,
		schema: reportSchema,
		run: ({ event, data }) => reportProfile(services(), { ...from(event), reason: data.reason }, ctx(event)),
		refuse: (r, values, event) => throttledOrGone(r, values, event),
		done: ({ event }) => `/kreative/${event.params.id}?gesendet=meldung#melden`
	})
};
