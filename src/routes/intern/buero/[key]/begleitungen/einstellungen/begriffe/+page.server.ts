import { error, fail, redirect } from '@sveltejs/kit';
import { localizePath, type Locale } from '$lib/i18n/locale';
import { translate } from '$lib/i18n/messages';
import {
	addSensitiveKeyword,
	listSensitiveKeywords,
	removeSensitiveKeyword
} from '$lib/server/privacy/sensitive-keywords';
import { services } from '$lib/server/runtime';
import { calendarAccess } from '../../../kalender/access.server';
import type { Actions, PageServerLoad } from './$types';

/**
 * Issue 13, part 5: the office's list of Art. 9 words that make free texts warn. Every member
 * reads it; leads and network admins add and remove words (audited). Two plain forms, no script.
 */
export const load: PageServerLoad = async (event) => {
	const { office, viewer } = await calendarAccess(event);
	const q = event.url.searchParams;
	return {
		office: { key: office.key, name: office.name },
		mayEdit: viewer.role !== 'consultant',
		keywords: await listSensitiveKeywords(services().db, office.id),
		done: q.get('ok') === 'hinzugefuegt' ? 'added' : q.get('ok') === 'entfernt' ? 'removed' : null
	};
};

const back = (locale: Locale, key: string, ok: string) =>
	localizePath(locale, `/intern/buero/${key}/begleitungen/einstellungen/begriffe?ok=${ok}`);

export const actions: Actions = {
	add: async (event) => {
		const { office, viewer } = await calendarAccess(event);
		const { locale, requestId } = event.locals;
		const form = await event.request.formData().catch(() => new FormData());
		const word = String(form.get('word') ?? '');
		const r = await addSensitiveKeyword(services(), viewer, office.id, word, { requestId });
		if (r.ok) redirect(303, back(locale, office.key, 'hinzugefuegt'));
		if (r.reason === 'forbidden' || r.reason === 'not_found') error(403, { message: 'forbidden' });
		const message =
			r.reason === 'duplicate' ? 'freeText.keywords.error.duplicate' : 'freeText.keywords.error.invalid';
		return fail(400, { values: { word }, errors: { word: translate(locale, message) } });
	},
	remove: async (event) => {
		const { office, viewer } = await calendarAccess(event);
		const { locale, requestId } = event.locals;
		const form = await event.request.formData().catch(() => new FormData());
		const id = Number(form.get('keyword'));
		if (!Number.isSafeInteger(id) || id <= 0) error(400, { message: 'bad request' });
		const r = await removeSensitiveKeyword(services(), viewer, office.id, id, { requestId });
		if (!r.ok && r.reason === 'forbidden') error(403, { message: 'forbidden' });
		// Already gone (a second click, a colleague): the list shows the state either way.
		redirect(303, back(locale, office.key, 'entfernt'));
	}
};
