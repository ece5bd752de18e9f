import { fail } from '@sveltejs/kit';
import type { Locale } from '$lib/i18n/locale';
import { type MessageKey, translate } from '$lib/i18n/messages';
import { importContactPointsCsv } from '$lib/server/directory/csv-import';
import { importHsds } from '$lib/server/directory/hsds';
import { requireNetworkAdmin } from '$lib/server/http/gate';
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

type Summary = {
	format: 'hsds' | 'csv';
	done: boolean;
	content: string;
	created: number;
	updated: number;
	createdKeys: string[];
	updatedKeys: string[];
	skipped: { line: number; key: string; text: string }[];
	refused: string[];
};

const problemText = (locale: Locale, p: { message: string; params?: Record<string, string> }) =>
	translate(locale, p.message as MessageKey, p.params);

async function run(event: Parameters<Actions[string]>[0], dryRun: boolean) {
	const { staff } = await requireNetworkAdmin(event);
	const { locale, requestId } = event.locals;
	const form = await event.request.formData().catch(() => new FormData());
	const file = form.get('file');
	let content = typeof form.get('content') === 'string' ? String(form.get('content')) : '';
	if (file instanceof File && file.size > 0) {
		if (file.size > MAX_BYTES)
			return fail(400, { errors: { file: translate(locale, 'directoryImport.error.tooBig') } });
		content = await file.text();
	}
	if (content.trim() === '')
		return fail(400, { errors: { file: translate(locale, 'directoryImport.error.file') } });
	if (content.length > MAX_BYTES)
		return fail(400, { errors: { file: translate(locale, 'directoryImport.error.tooBig') } });
	const actor = { kind: 'staff' as const, id: staff.id, label: staff.email };
	const ctx = { requestId };
	const trimmed = content.replace(/^\uFEFF/, '').trimStart();
	if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
		let body: unknown;
		try {
			body = JSON.parse(trimmed);
		} catch {
			return fail(400, { errors: { file: translate(locale, 'directoryImport.error.json') } });
		}
		const r = await importHsds(services(), actor, body, ctx, { dryRun });
		const summary: Summary = {
			format: 'hsds',
			done: !dryRun && r.ok,
			content,
			created: r.ok ? r.created : 0,
			updated: r.ok ? r.updated : 0,
			createdKeys: [],
			updatedKeys: [],
			skipped: [],
			refused: r.ok ? [] : r.errors.slice(0, 100)
		};
		return { summary };
	}
	const r = await importContactPointsCsv(services(), actor, content, ctx, { dryRun });
	if (!r.ok) return fail(400, { errors: { file: r.problems.map((p) => problemText(locale, p)).join(' ') } });
	const summary: Summary = {
		format: 'csv',
		done: !dryRun,
		content,
		created: r.plan.created.length,
		updated: r.plan.updated.length,
		createdKeys: r.plan.created,
		updatedKeys: r.plan.updated,
		skipped: r.plan.skipped.map((s) => ({
			line: s.line,
			key: s.key,
			text: s.problems.map((p) => problemText(locale, p)).join('; ')
		})),
		refused: []
	};
	return { summary };
}

export const actions: Actions = {
	preview: (event) => run(event, true),
	import: (event) => run(event, false)
};
