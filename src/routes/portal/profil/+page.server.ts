import { fail, redirect } from '@sveltejs/kit';
import { localizePath, type Locale } from '$lib/i18n/locale';
import { type MessageKey, translate } from '$lib/i18n/messages';
import {
	type FormValues,
	fieldFailure,
	formValues,
	parseForm,
	validFields,
	withRuleErrors
} from '$lib/server/http/form';
import { requireCreative } from '$lib/server/http/gate';
import { listLaender, listSubmarkets } from '$lib/server/reference/queries';
import { services } from '$lib/server/runtime';
import { currentVisibilityConsent } from '$lib/server/visibility/consent';
import { IMAGE_MAX_BYTES, IMAGE_MAX_MB } from '$lib/server/visibility/image';
import {
	ownProfile,
	profileReferenceFields,
	publishProfile,
	removeProfileImage,
	renewOpenForProjects,
	saveProfile,
	setProfileImage,
	unpublishProfile
} from '$lib/server/visibility/profiles';
import { profileFormSchema, profileInputFrom, publishSchema } from '$lib/server/visibility/schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const me = requireCreative(event);
	const { db, clock } = services();
	const locale = event.locals.locale;
	const [profile, submarkets, laender, consent] = await Promise.all([
		ownProfile(db, me.id, clock.now()),
		listSubmarkets(db, locale, { activeOnly: true }),
		listLaender(db),
		currentVisibilityConsent(db, 'profile')
	]);
	return {
		profile,
		submarkets: submarkets.map((s) => ({ key: s.key, name: s.name })),
		laender: laender.map((l) => ({
			iso: l.iso,
			name: translate(locale, `reference.land.${l.iso}` as MessageKey)
		})),
		consentText: locale === 'en' ? consent.en : consent.de,
		notice: event.url.searchParams.get('hinweis'),
		imageMaxMb: IMAGE_MAX_MB
	};
};

const done = (locale: Locale, notice: string) =>
	redirect(303, localizePath(locale, `/portal/profil?hinweis=${notice}`));

export const actions: Actions = {
	save: async (event) => {
		const me = requireCreative(event);
		const { locale, requestId } = event.locals;
		const parsed = await parseForm(event.request, profileFormSchema, locale, { multi: ['submarkets'] });
		const unknown = (fields: Record<string, string>) =>
			Object.fromEntries(Object.keys(fields).map((f) => [f, translate(locale, 'visibility.error.unknown')]));
		if (!parsed.ok) {
			// An inactive sub-market or an unknown Land is reported with the other errors (issue 16).
			const { submarkets, land } = validFields(profileFormSchema.shape, parsed.input);
			const fields = await profileReferenceFields(services().db, { submarkets, landIso: land });
			return withRuleErrors(parsed.failure, unknown(fields));
		}
		const r = await saveProfile(services(), me.id, profileInputFrom(parsed.data), { requestId });
		if (!r.ok) return fieldFailure(400, parsed.values, unknown(r.fields));
		done(locale, r.status === 'pending' ? 'geprueft' : 'gespeichert');
	},
	publish: async (event) => {
		const me = requireCreative(event);
		const { locale, requestId } = event.locals;
		const parsed = await parseForm(event.request, publishSchema, locale);
		if (!parsed.ok) return parsed.failure;
		const r = await publishProfile(services(), me.id, { requestId });
		if (!r.ok)
			return fail(409, { values: {}, errors: {}, message: translate(locale, 'visibility.error.state') });
		done(locale, 'veroeffentlicht');
	},
	unpublish: async (event) => {
		const me = requireCreative(event);
		const { locale, requestId } = event.locals;
		const r = await unpublishProfile(services(), me.id, { requestId });
		if (!r.ok)
			return fail(409, { values: {}, errors: {}, message: translate(locale, 'visibility.error.state') });
		done(locale, 'zurueckgezogen');
	},
	renew: async (event) => {
		const me = requireCreative(event);
		const { locale, requestId } = event.locals;
		const r = await renewOpenForProjects(services(), me.id, { requestId });
		if (!r.ok)
			return fail(409, { values: {}, errors: {}, message: translate(locale, 'visibility.error.state') });
		done(locale, 'verlaengert');
	},
	image: async (event) => {
		const me = requireCreative(event);
		const { locale, requestId } = event.locals;
		const refuse = (reason: string, values: FormValues) =>
			fieldFailure(reason === 'too_large' ? 413 : 400, values, {
				image: translate(locale, `visibility.error.image.${reason}` as MessageKey, { mb: IMAGE_MAX_MB })
			});
		let form: FormData;
		try {
			form = await event.request.formData();
		} catch (err) {
			// Past BODY_SIZE_LIMIT adapter-node refuses the body unread (413), so no value can be kept;
			// say which limit was hit instead of "choose a file".
			return refuse((err as { status?: number }).status === 413 ? 'too_large' : 'empty', {});
		}
		const file = form.get('image');
		const altRaw = form.get('image_alt');
		const alt = typeof altRaw === 'string' && altRaw.trim() ? altRaw.trim().slice(0, 200) : null;
		if (file instanceof File && file.size > IMAGE_MAX_BYTES) return refuse('too_large', formValues(form));
		const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
		const r = await setProfileImage(services(), me.id, { bytes, alt }, { requestId });
		if (!r.ok) return refuse(r.reason, formValues(form));
		done(locale, 'bild');
	},
	removeImage: async (event) => {
		const me = requireCreative(event);
		const { locale, requestId } = event.locals;
		await removeProfileImage(services(), me.id, { requestId });
		done(locale, 'bild-entfernt');
	}
};
