import { fail, type RequestEvent } from '@sveltejs/kit';
import type { Locale } from '$lib/i18n/locale';
import { type MessageKey, translate } from '$lib/i18n/messages';
import { importContactPoints } from '$lib/server/directory/import';
import { requireNetworkAdmin } from '$lib/server/http/gate';
import { readForm } from '$lib/server/http/route-answers';
import { services } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

/**
 * Network admins import contact points from an HSDS JSON file or a CSV in the format of
 * contact_points.csv. "Vorschau" checks and counts without writing; the preview carries the
 * file's text in a hidden field, so "Jetzt importieren" works without JavaScript and without
 * keeping anything on the server. Both steps validate the text again.
 */
const MAX_BYTES = 400 * 1024; // below adapter-node's default body limit (512 KB)

export const load: PageServerLoad = async (event) => {
	await requireNetworkAdmin(event);
	return {};
};

const problemText = (locale: Locale, p: { message: string; params?: Record<string, string> }) =>
	translate(locale, p.message as MessageKey, p.params);

/** The file sent, else the text the preview carried; null for a file too big to read. */
async function sentText(form: FormData): Promise<string | null> {
	const file = form.get('file');
	if (file instanceof File && file.size > 0) return file.size > MAX_BYTES ? null : file.text();
	const content = form.get('content');
	return typeof content === 'string' ? content : '';
}

async function run(event: RequestEvent, dryRun: boolean) {
	const { staff } = await requireNetworkAdmin(event);
	const { locale, requestId } = event.locals;
	const content = await sentText(await readForm(event.request));
	if (content === null || content.length > MAX_BYTES)
		return fail(400, { errors: { file: translate(locale, 'directoryImport.error.tooBig') } });
	const actor = { kind: 'staff' as const, id: staff.id, label: staff.email };
	const r = await importContactPoints(services(), actor, content, { requestId }, { dryRun });
	if (!r.ok) return fail(400, { errors: { file: r.problems.map((p) => problemText(locale, p)).join(' ') } });
	const skipped = r.summary.skipped.map((s) => {
		return { line: s.line, key: s.key, text: s.problems.map((p) => problemText(locale, p)).join('; ') };
	});
	return { summary: { ...r.summary, content, skipped } };
}

export const actions: Actions = {
	preview: (event) => run(event, true),
	import: (event) => run(event, false)
};
