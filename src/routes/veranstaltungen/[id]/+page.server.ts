import type { MessageKey } from '$lib/i18n/messages';
import { publicEventPage } from '$lib/server/events/page-queries';
import { publicEvent } from '$lib/server/events/queries';
import { requestRegistration } from '$lib/server/events/register';
import { registrationFormSchema, registrationFromForm } from '$lib/server/events/schema';
import { fieldFailure } from '$lib/server/http/form';
import { formAction } from '$lib/server/http/form-action';
import { fieldCodeErrors, fieldRefusal, formRefusal, throttledFailure } from '$lib/server/http/refusals';
import { idParam, notFound } from '$lib/server/http/route-answers';
import { randomToken } from '$lib/server/platform/tokens';
import { services } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

/** The public event page: facts, sanitised description, schema.org JSON-LD and the registration form. */
export const load: PageServerLoad = async ({ params, locals, url }) => {
	const { db, clock, config } = services();
	const at = { locale: locals.locale, now: clock.now(), publicBaseUrl: config.publicBaseUrl };
	const page = (await publicEventPage(db, idParam(params.id), at)) ?? notFound();
	const sent = url.searchParams.get('anmeldung');
	return {
		...page,
		sent: sent === 'bestaetigen' || sent === 'warteliste' ? sent : null,
		// A fresh id per form: a double submit makes one registration.
		submissionId: randomToken(18)
	};
};

/** The command's field codes; any other code reads "invalid". */
const FIELD_CODES = { required: 'events.error.consent', unknown: 'form.error.choice' } as const;

export const actions: Actions = {
	default: formAction({
		access: async (event) =>
			(await publicEvent(services().db, idParam(event.params.id), services().clock.now())) ?? notFound(),
		schema: registrationFormSchema,
		run: ({ event, access, data }) =>
			requestRegistration(services(), registrationFromForm(data, access.event, event.locals.locale), {
				requestId: event.locals.requestId,
				clientAddress: event.getClientAddress()
			}),
		refuse: (r, values, event) => {
			if (r.reason === 'throttled')
				return throttledFailure(event, r.retryAfterSeconds, 'events.form.error.throttled', values);
			if (r.reason === 'already_registered')
				return fieldRefusal(event, 409, values, 'email', 'events.form.error.already');
			if (r.reason === 'idempotency_conflict')
				return formRefusal(event, 409, values, 'form.error.duplicateSubmit');
			if (r.reason === 'not_found') notFound();
			if (r.reason === 'not_open') {
				const window = r.window === 'open' ? 'closed' : r.window;
				return formRefusal(event, 409, values, `events.form.notOpen.${window}` as MessageKey, { date: '' });
			}
			return fieldFailure(400, values, fieldCodeErrors(event.locals.locale, r.fields, FIELD_CODES));
		},
		done: ({ access, result }) =>
			`/veranstaltungen/${access.event.id}?anmeldung=${result.status === 'waitlisted' ? 'warteliste' : 'bestaetigen'}#anmeldung`
	})
};
