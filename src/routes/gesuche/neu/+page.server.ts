import { fieldFailure, validFields, withRuleErrors } from '$lib/server/http/form';
import { formAction } from '$lib/server/http/form-action';
import { fieldCodeErrors, throttledFailure } from '$lib/server/http/refusals';
import { randomToken } from '$lib/server/platform/tokens';
import { services } from '$lib/server/runtime';
import { requestFormPage } from '$lib/server/visibility/page-queries';
import { requestRuleFields, submitRequest } from '$lib/server/visibility/requests';
import { requestFormSchemaOn } from '$lib/server/visibility/schema';
import { berlinDate } from '$lib/time/berlin';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => ({
	...(await requestFormPage(services().db, locals.locale)),
	sent: url.searchParams.has('gesendet'),
	submissionId: randomToken(18)
});

/** The command's field codes; any other code reads "invalid". */
const FIELD_CODES = {
	past: 'visibility.error.deadlinePast',
	no_office: 'visibility.error.noOffice',
	unknown: 'visibility.error.unknown'
} as const;

export const actions: Actions = {
	// The deadline may not lie in the past, so the schema is the one of today (Berlin).
	default: (event) => {
		const s = services();
		const today = berlinDate(s.clock.now());
		const schema = requestFormSchemaOn(today);
		const { locale, requestId } = event.locals;
		return formAction({
			access: async () => null,
			schema,
			fields: { multi: ['submarkets'] },
			// A Land no office serves (or an unknown sub-market) is reported with the other errors (issue 16).
			invalid: async (failure, input) => {
				const { submarkets, land } = validFields(schema.shape, input);
				const { fields } = await requestRuleFields(s.db, { submarkets, land }, s.clock.now());
				return withRuleErrors(failure, fieldCodeErrors(locale, fields, FIELD_CODES));
			},
			run: ({ data }) =>
				submitRequest(s, { ...data, locale, clientAddress: event.getClientAddress(), today }, { requestId }),
			refuse: (r, values) =>
				r.reason === 'throttled'
					? throttledFailure(event, r.retryAfterSeconds, 'visibility.error.throttled', values)
					: fieldFailure(400, values, fieldCodeErrors(locale, r.fields, FIELD_CODES)),
			done: () => '/gesuche/neu?gesendet=1'
		})(event);
	}
};
