import { fail, redirect } from '@sveltejs/kit';
import { type Locale, localizePath } from '$lib/i18n/locale';
import { type MessageKey, translate } from '$lib/i18n/messages';
import { fieldFailure, parseForm, validFields, withRuleErrors } from '$lib/server/http/form';
import { minutesToWait } from '$lib/server/identity/throttle-rules';
import { randomToken } from '$lib/server/platform/tokens';
import { listLaender, listSubmarkets } from '$lib/server/reference/queries';
import { services } from '$lib/server/runtime';
import { currentVisibilityConsent } from '$lib/server/visibility/consent';
import { requestRuleFields, submitRequest } from '$lib/server/visibility/requests';
import { requestFormSchemaOn } from '$lib/server/visibility/schema';
import { berlinDate } from '$lib/time/berlin';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { db } = services();
	const [submarkets, laender, consent] = await Promise.all([
		listSubmarkets(db, locals.locale, { activeOnly: true }),
		listLaender(db),
		currentVisibilityConsent(db, 'request')
	]);
	return {
		submarkets: submarkets.map((s) => ({ key: s.key, name: s.name })),
		laender: laender.map((l) => ({
			iso: l.iso,
			name: translate(locals.locale, `reference.land.${l.iso}` as MessageKey)
		})),
		consentText: locals.locale === 'en' ? consent.en : consent.de,
		sent: url.searchParams.has('gesendet'),
		submissionId: randomToken(18)
	};
};

const FIELD_ERRORS: Record<string, MessageKey> = {
	past: 'visibility.error.deadlinePast',
	no_office: 'visibility.error.noOffice',
	unknown: 'visibility.error.unknown'
};

const fieldErrorsIn = (locale: Locale, fields: Record<string, string>) =>
	Object.fromEntries(
		Object.entries(fields).map(([f, code]) => [
			f,
			translate(locale, FIELD_ERRORS[code] ?? 'form.error.invalid')
		])
	);

export const actions: Actions = {
	default: async (event) => {
		const { locale, requestId } = event.locals;
		const s = services();
		const today = berlinDate(s.clock.now());
		const schema = requestFormSchemaOn(today);
		const parsed = await parseForm(event.request, schema, locale, { multi: ['submarkets'] });
		if (!parsed.ok) {
			// A Land no office serves (or an unknown sub-market) is reported with the other errors (issue 16).
			const { submarkets, land } = validFields(schema.shape, parsed.input);
			const { fields } = await requestRuleFields(s.db, { submarkets, land }, s.clock.now());
			return withRuleErrors(parsed.failure, fieldErrorsIn(locale, fields));
		}
		const r = await submitRequest(
			s,
			{ ...parsed.data, locale, clientAddress: event.getClientAddress(), today },
			{ requestId }
		);
		if (r.ok) redirect(303, localizePath(locale, '/gesuche/neu?gesendet=1'));
		if (r.reason === 'throttled') {
			event.setHeaders({ 'retry-after': String(r.retryAfterSeconds) });
			return fail(429, {
				values: parsed.values,
				errors: {},
				message: translate(locale, 'visibility.error.throttled', {
					minutes: minutesToWait(r.retryAfterSeconds)
				})
			});
		}
		return fieldFailure(400, parsed.values, fieldErrorsIn(locale, r.fields));
	}
};
