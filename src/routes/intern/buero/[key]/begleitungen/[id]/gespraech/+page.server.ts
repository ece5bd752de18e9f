import { fail } from '@sveltejs/kit';
import { translate } from '$lib/i18n/messages';
import { recordSchema } from '$lib/server/cases/case-schemas';
import { caseChoiceKeys } from '$lib/server/cases/choice-queries';
import { recordPage } from '$lib/server/cases/page-queries';
import { recordConsultation, recordFromForm } from '$lib/server/cases/record';
import { formValues } from '$lib/server/http/form';
import { notFound, readForm } from '$lib/server/http/route-answers';
import { randomToken } from '$lib/server/platform/tokens';
import { createReferrals } from '$lib/server/referrals/commands';
import { services } from '$lib/server/runtime';
import { caseAction, caseOutcome, parseCaseForm } from '../../case-actions.server';
import type { Actions, PageServerLoad } from './$types';
import { sensitiveNotes, talkOf } from './talk.server';

/** The consultation record form of one case, for a booked talk (?termin=) or one without booking. */
export const load: PageServerLoad = async (event) => {
	const { office, scope, viewer, id } = await caseAction(event);
	const { db, clock } = services();
	const [page, talk] = await Promise.all([
		recordPage(db, viewer, scope, office.id, id, clock.now(), event.locals.locale),
		talkOf(event, id)
	]);
	if (!page) notFound();
	return {
		office: { key: office.key, name: office.name },
		...page,
		...talk,
		idempotencyKey: randomToken(16)
	};
};

const failure = (status: number, values: Record<string, unknown>, errors: Record<string, string>) =>
	fail(status, { which: 'record', values, errors });

export const actions: Actions = {
	default: async (event) => {
		const { office, viewer, scope, id, ctx } = await caseAction(event);
		const { locale } = event.locals;
		const { booking, refused } = await talkOf(event, id);
		if (refused) return failure(409, formValues(await readForm(event.request)), { _form: refused.text });
		const schema = recordSchema(await caseChoiceKeys(services().db, locale), booking !== null);
		const parsed = await parseCaseForm(event.request, schema, 'record', locale, ['topics', 'referral']);
		if (!parsed.ok) return parsed.failure;
		const blocked = await sensitiveNotes(parsed.form, parsed.data, office.id, locale);
		if (blocked) return blocked;
		const input = recordFromForm(id, booking?.id ?? null, parsed.data);
		const r = await recordConsultation(services(), viewer, scope, input, createReferrals, ctx);
		if (!r.ok && r.reason === 'no_consent')
			return failure(400, formValues(parsed.form), {
				situation: translate(locale, 'cases.error.no_consent')
			});
		return caseOutcome(event, 'record', parsed.form, r, 'recorded');
	}
};
