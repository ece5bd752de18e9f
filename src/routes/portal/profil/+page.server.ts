import type { MessageKey } from '$lib/i18n/messages';
import { fieldFailure } from '$lib/server/http/form';
import { formAction } from '$lib/server/http/form-action';
import { requireCreative } from '$lib/server/http/gate';
import { readImageForm } from '$lib/server/http/image-form';
import { fieldRefusal } from '$lib/server/http/refusals';
import { seeOther } from '$lib/server/http/route-answers';
import { services } from '$lib/server/runtime';
import { IMAGE_MAX_BYTES, IMAGE_MAX_MB } from '$lib/server/visibility/image';
import { ownProfilePage } from '$lib/server/visibility/page-queries';
import * as profiles from '$lib/server/visibility/profiles';
import { profileFormSchema, profileInputFrom, publishSchema } from '$lib/server/visibility/schema';
import type { Actions, PageServerLoad } from './$types';
import { creative, ctx, onProfile, referenceErrors, saved, unknownIn } from './profile-form.server';

export const load: PageServerLoad = async (event) => {
	const { db, clock } = services();
	const page = await ownProfilePage(db, requireCreative(event).id, event.locals.locale, clock.now());
	return { ...page, notice: event.url.searchParams.get('hinweis'), imageMaxMb: IMAGE_MAX_MB };
};

export const actions: Actions = {
	save: formAction({
		access: creative,
		schema: profileFormSchema,
		fields: { multi: ['submarkets'] },
		invalid: referenceErrors,
		run: ({ event, access, data }) =>
			profiles.saveProfile(services(), access.id, profileInputFrom(data), ctx(event)),
		refuse: (r, values, event) => fieldFailure(400, values, unknownIn(event, r.fields)),
		done: ({ result }) => saved(result.status === 'pending' ? 'geprueft' : 'gespeichert')
	}),
	publish: onProfile(profiles.publishProfile, 'veroeffentlicht', publishSchema),
	unpublish: onProfile(profiles.unpublishProfile, 'zurueckgezogen'),
	renew: onProfile(profiles.renewOpenForProjects, 'verlaengert'),
	image: async (event) => {
		const me = requireCreative(event);
		const form = await readImageForm(event.request, IMAGE_MAX_BYTES);
		const r = form.ok
			? await profiles.setProfileImage(services(), me.id, { bytes: form.bytes, alt: form.alt }, ctx(event))
			: form;
		if (r.ok) seeOther(event, saved('bild'));
		const key = `visibility.error.image.${r.reason}` as MessageKey;
		const status = r.reason === 'too_large' ? 413 : 400;
		return fieldRefusal(event, status, form.values, 'image', key, { mb: IMAGE_MAX_MB });
	},
	removeImage: async (event) => {
		await profiles.removeProfileImage(services(), requireCreative(event).id, ctx(event));
		seeOther(event, saved('bild-entfernt'));
	}
};
