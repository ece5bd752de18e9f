import { fail } from '@sveltejs/kit';
import { translate } from '$lib/i18n/messages';
import { bookFollowUp } from '$lib/server/booking/follow-up';
import { staffFollowUpWeeks } from '$lib/server/booking/follow-up-queries';
import { followUpSlotSchema } from '$lib/server/booking/follow-up-schema';
import { formAction } from '$lib/server/http/form-action';
import { notFound } from '$lib/server/http/route-answers';
import { randomToken } from '$lib/server/platform/tokens';
import { services } from '$lib/server/runtime';
import { caseAction, casePath, caseRefusal, named } from '../../case-actions.server';
import type { Actions, PageServerLoad } from './$types';

/** A follow-up with the case's consultant, booked by staff (issue 4, item 5); ?ab= starts the two weeks. */
export const load: PageServerLoad = async (event) => {
	const { office, scope, viewer, id } = await caseAction(event);
	const { db, clock } = services();
	const asked = event.url.searchParams.get('ab');
	const weeks = await staffFollowUpWeeks(db, viewer, scope, office.id, id, asked, clock.now());
	if (!weeks) notFound();
	return { office: { key: office.key, name: office.name }, ...weeks, idempotencyKey: randomToken(16) };
};

/** The follow-up's own refusals beside the form; the rest as every case form answers them. */
const refusals = {
	no_consultation: ['_form', 'talks.followUp.noTalk'],
	slot_taken: ['slot', 'cases.error.slotTaken']
} as const;

export const actions: Actions = {
	default: formAction({
		access: caseAction,
		schema: followUpSlotSchema,
		invalid: named('slot'),
		run: ({ access: { viewer, scope, id, ctx }, data }) =>
			bookFollowUp(services(), { kind: 'staff', actor: viewer, scope }, { ...data, caseId: id }, ctx),
		refuse: ({ reason }, values, { locals: { locale } }) => {
			if (reason === 'closed' || reason === 'not_found') return caseRefusal('slot', reason, values, locale);
			const [field, key] = refusals[reason];
			return fail(409, { which: 'slot', values, errors: { [field]: translate(locale, key) } });
		},
		done: ({ event, result }) => `${casePath(event.params.key, result.caseId)}?ok=followUp`
	})
};
