import { error, fail, redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locale';
import { type MessageKey, translate } from '$lib/i18n/messages';
import { jsonLdScript } from '$lib/server/events/json-ld';
import { parseForm } from '$lib/server/http/form';
import { minutesToWait } from '$lib/server/identity/throttle-rules';
import { randomToken } from '$lib/server/platform/tokens';
import { listSubmarkets } from '$lib/server/reference/queries';
import { services } from '$lib/server/runtime';
import { currentVisibilityConsent } from '$lib/server/visibility/consent';
import { profileJsonLd, publicProfile, relayContact, reportProfile } from '$lib/server/visibility/public';
import { contactFormSchema, reportSchema } from '$lib/server/visibility/schema';
import type { Actions, PageServerLoad } from './$types';

const profileId = (param: string) => (/^\d{1,9}$/.test(param) ? Number(param) : 0);

/** A public profile page: title, description, JSON-LD, contact relay and report forms. 404 unless public. */
export const load: PageServerLoad = async ({ params, locals, url }) => {
	const { db, clock, config } = services();
	const p = await publicProfile(db, profileId(params.id), clock.now());
	if (!p) error(404, { message: 'not found' });
	const [submarkets, consent] = await Promise.all([
		listSubmarkets(db, locals.locale, { activeOnly: false }),
		currentVisibilityConsent(db, 'contact_relay')
	]);
	const names = new Map(submarkets.map((s) => [s.key, s.name]));
	const submarketNames = p.submarkets.map((k) => names.get(k) ?? k);
	return {
		profile: { ...p, submarketNames },
		jsonLd: jsonLdScript(
			profileJsonLd(p, {
				publicBaseUrl: config.publicBaseUrl,
				landName: translate(locals.locale, `reference.land.${p.landIso}` as MessageKey),
				submarketNames
			})
		),
		relayConsent: locals.locale === 'en' ? consent.en : consent.de,
		sent: url.searchParams.get('gesendet'),
		submissionId: randomToken(18)
	};
};

export const actions: Actions = {
	contact: async (event) => {
		const { locale, requestId } = event.locals;
		const parsed = await parseForm(event.request, contactFormSchema, locale);
		if (!parsed.ok) return parsed.failure;
		const d = parsed.data;
		const r = await relayContact(
			services(),
			{
				profileId: profileId(event.params.id),
				name: d.name,
				email: d.email,
				message: d.message,
				submissionId: d.submission_id,
				clientAddress: event.getClientAddress()
			},
			{ requestId }
		);
		if (!r.ok) {
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
			error(404, { message: 'not found' });
		}
		redirect(303, localizePath(locale, `/kreative/${event.params.id}?gesendet=nachricht#kontakt`));
	},
	report: async (event) => {
		const { locale, requestId } = event.locals;
		const parsed = await parseForm(event.request, reportSchema, locale);
		if (!parsed.ok) return parsed.failure;
		const r = await reportProfile(
			services(),
			{
				profileId: profileId(event.params.id),
				reason: parsed.data.reason,
				clientAddress: event.getClientAddress()
			},
			{ requestId }
		);
		if (!r.ok) {
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
			error(404, { message: 'not found' });
		}
		redirect(303, localizePath(locale, `/kreative/${event.params.id}?gesendet=meldung#melden`));
	}
};
