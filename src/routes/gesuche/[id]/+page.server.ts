import { error, fail, redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locale';
import { translate } from '$lib/i18n/messages';
import { parseForm } from '$lib/server/http/form';
import { requireCreative } from '$lib/server/http/gate';
import { listSubmarkets } from '$lib/server/reference/queries';
import { minutesToWait } from '$lib/server/identity/throttle-rules';
import { services } from '$lib/server/runtime';
import { expressInterest, publicRequest } from '$lib/server/visibility/requests';
import { interestSchema } from '$lib/server/visibility/schema';
import type { Actions, PageServerLoad } from './$types';

const requestId = (param: string) => (/^\d{1,9}$/.test(param) ? Number(param) : 0);

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const { db } = services();
	const r = await publicRequest(db, requestId(params.id));
	if (!r) error(404, { message: 'not found' });
	const submarkets = await listSubmarkets(db, locals.locale);
	const names = new Map(submarkets.map((s) => [s.key, s.name]));
	return {
		request: { ...r, submarketNames: r.submarkets.map((k) => names.get(k) ?? k) },
		signedIn: locals.actor.kind === 'creative',
		sent: url.searchParams.has('interesse')
	};
};

export const actions: Actions = {
	interest: async (event) => {
		const me = requireCreative(event);
		const { locale } = event.locals;
		const parsed = await parseForm(event.request, interestSchema, locale);
		if (!parsed.ok) return parsed.failure;
		const r = await expressInterest(
			services(),
			me.id,
			{ requestId: requestId(event.params.id), message: parsed.data.message },
			{ requestId: event.locals.requestId }
		);
		if (!r.ok) {
			if (r.reason === 'not_found') error(404, { message: 'not found' });
			if (r.reason === 'throttled') {
				event.setHeaders({ 'retry-after': String(r.retryAfterSeconds) });
				return fail(429, {
					values: parsed.values,
					errors: {},
					message: translate(locale, 'visibility.req.interest.throttled', {
						minutes: minutesToWait(r.retryAfterSeconds)
					})
				});
			}
			return fail(409, {
				values: parsed.values,
				errors: {},
				message: translate(locale, 'visibility.req.interest.already')
			});
		}
		redirect(303, localizePath(locale, `/gesuche/${event.params.id}?interesse=1#interesse`));
	}
};
