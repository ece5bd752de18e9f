import { error, fail, redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locale';
import { type MessageKey, translate } from '$lib/i18n/messages';
import { eventJsonLd, jsonLdScript } from '$lib/server/events/json-ld';
import { renderMarkdown } from '$lib/server/events/markdown';
import { publicEvent } from '$lib/server/events/queries';
import { requestRegistration } from '$lib/server/events/register';
import { registrationWindow } from '$lib/server/events/rules';
import { answersFrom, registrationFormSchema } from '$lib/server/events/schema';
import { parseForm } from '$lib/server/http/form';
import { minutesToWait } from '$lib/server/identity/throttle-rules';
import { randomToken } from '$lib/server/platform/tokens';
import { listSubmarkets, listTopics } from '$lib/server/reference/queries';
import { services } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

const eventId = (param: string) => (/^\d{1,9}$/.test(param) ? Number(param) : 0);

/** The public event page: facts, sanitised description, schema.org JSON-LD and the registration form. */
export const load: PageServerLoad = async ({ params, locals, url }) => {
	const { db, clock, config } = services();
	const found = await publicEvent(db, eventId(params.id), clock.now());
	if (!found) error(404, { message: 'not found' });
	const { event: e, counts } = found;
	const [submarkets, topics] = await Promise.all([
		listSubmarkets(db, locals.locale, { activeOnly: true }),
		listTopics(db, locals.locale, { activeOnly: false })
	]);
	const names = new Map(submarkets.map((s) => [s.key, s.name]));
	const topicNames = new Map(topics.map((s) => [s.key, s.name]));
	const sent = url.searchParams.get('anmeldung');
	return {
		event: {
			id: e.id,
			title: e.title,
			type: e.type,
			format: e.format,
			start: e.start,
			end: e.end,
			status: e.status,
			cancelReason: e.cancelReason,
			venueName: e.venueName,
			venueAddress: e.venueAddress,
			accessibility: e.accessibility,
			officeName: e.office?.name ?? null,
			officeKey: e.office?.key ?? null,
			contactName: e.contactName,
			contactEmail: e.contactEmail,
			submarkets: e.submarkets.map((k) => names.get(k) ?? k),
			topics: e.topics.map((k) => topicNames.get(k) ?? k),
			capacity: e.capacity,
			registrationOpensAt: e.registrationOpensAt,
			questions: e.questions
		},
		descriptionHtml: renderMarkdown(e.description),
		jsonLd: jsonLdScript(
			eventJsonLd(e, {
				publicBaseUrl: config.publicBaseUrl,
				locale: locals.locale,
				remaining: counts.remaining
			})
		),
		counts,
		window: registrationWindow(e, clock.now().getTime()),
		sent: sent === 'bestaetigen' || sent === 'warteliste' ? sent : null,
		submarkets: submarkets.map((s) => ({ key: s.key, name: s.name })),
		// A fresh id per form: a double submit makes one registration.
		submissionId: randomToken(18)
	};
};

const DOMAIN_ERRORS: Record<string, MessageKey> = {
	required: 'events.error.consent',
	unknown: 'form.error.choice',
	invalid: 'form.error.invalid',
	too_long: 'form.error.invalid'
};

export const actions: Actions = {
	default: async (event) => {
		const { locale, requestId } = event.locals;
		const s = services();
		const found = await publicEvent(s.db, eventId(event.params.id), s.clock.now());
		if (!found) error(404, { message: 'not found' });
		const parsed = await parseForm(event.request, registrationFormSchema, locale);
		if (!parsed.ok) return parsed.failure;
		const { values } = parsed;
		const d = parsed.data;
		const r = await requestRegistration(
			s,
			{
				eventId: found.event.id,
				name: d.name,
				email: d.email,
				submarket: d.submarket,
				answers: answersFrom(d, found.event.questions.length),
				consents: { processing: d.consent_processing },
				locale,
				idempotencyKey: `form:${d.submission_id}`
			},
			{ requestId, clientAddress: event.getClientAddress() }
		);
		if (r.ok) {
			const status = r.status === 'waitlisted' ? 'warteliste' : 'bestaetigen';
			redirect(303, localizePath(locale, `/veranstaltungen/${found.event.id}?anmeldung=${status}#anmeldung`));
		}
		switch (r.reason) {
			case 'throttled':
				event.setHeaders({ 'retry-after': String(r.retryAfterSeconds) });
				return fail(429, {
					values,
					errors: {},
					message: translate(locale, 'events.form.error.throttled', {
						minutes: minutesToWait(r.retryAfterSeconds)
					})
				});
			case 'already_registered':
				return fail(409, { values, errors: { email: translate(locale, 'events.form.error.already') } });
			case 'idempotency_conflict':
				return fail(409, { values, errors: {}, message: translate(locale, 'form.error.duplicateSubmit') });
			case 'not_open':
				return fail(409, {
					values,
					errors: {},
					message: translate(
						locale,
						`events.form.notOpen.${r.window === 'open' ? 'closed' : r.window}` as MessageKey,
						{ date: '' }
					)
				});
			case 'not_found':
				error(404, { message: 'not found' });
				break;
			case 'invalid':
				return fail(400, {
					values,
					errors: Object.fromEntries(
						Object.entries(r.fields).map(([field, code]) => [
							field,
							translate(locale, DOMAIN_ERRORS[code] ?? 'form.error.invalid')
						])
					)
				});
		}
	}
};
