import type { ActionFailure, RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { translate } from '$lib/i18n/messages';
import { type FormFailure, validFields, withRuleErrors } from '$lib/server/http/form';
import { formAction } from '$lib/server/http/form-action';
import { requireCreative } from '$lib/server/http/gate';
import { formRefusal } from '$lib/server/http/refusals';
import { services } from '$lib/server/runtime';
import { profileReferenceFields, type publishProfile } from '$lib/server/visibility/profiles';
import { profileFormSchema } from '$lib/server/visibility/schema';

/** The glue the profile page's forms share: the gate, the request context, the page after saving. */
export const creative = async (event: RequestEvent) => requireCreative(event);
export const ctx = (event: RequestEvent) => ({ requestId: event.locals.requestId });
export const saved = (notice: string) => `/portal/profil?hinweis=${notice}`;

/** Every field the command did not know (an inactive sub-market, an unknown Land), said so. */
export const unknownIn = (event: RequestEvent, fields: Record<string, string>) =>
	Object.fromEntries(
		Object.keys(fields).map((f) => [f, translate(event.locals.locale, 'visibility.error.unknown')])
	);

/** Issue 16: an inactive sub-market or an unknown Land is reported with the other errors. */
export async function referenceErrors(
	failure: ActionFailure<FormFailure>,
	input: Record<string, unknown>,
	_: unknown,
	event: RequestEvent
) {
	const { submarkets, land } = validFields(profileFormSchema.shape, input);
	const fields = await profileReferenceFields(services().db, { submarkets, landIso: land });
	return withRuleErrors(failure, unknownIn(event, fields));
}

/** Publish, withdraw, renew: one command on my profile, refused only by the profile's state. */
export const onProfile = (command: typeof publishProfile, notice: string, schema: z.ZodType = z.object({})) =>
	formAction({
		access: creative,
		schema,
		run: ({ event, access }) => command(services(), access.id, ctx(event)),
		refuse: (_, __, event) => formRefusal(event, 409, {}, 'visibility.error.state'),
		done: () => saved(notice)
	});
