import { error, type RequestEvent } from '@sveltejs/kit';
import type { Locale } from '$lib/i18n/locale';
import { translate } from '$lib/i18n/messages';
import type { FieldProblem } from '$lib/server/directory/commands';
import { requireStaff } from '$lib/server/http/gate';
import { listSubmarkets, listTopics } from '$lib/server/reference/queries';
import { LAND_ISOS } from '$lib/server/reference/schema';
import { services } from '$lib/server/runtime';

/** Any signed-in staff member reads the directory; office leads and network admins edit it. */
export function directoryAccess(event: RequestEvent) {
	const { staff } = requireStaff(event);
	const canEdit = staff.isNetworkAdmin || staff.memberships.some((m) => m.role === 'office_lead');
	return { staff, canEdit };
}

/** For pages and actions only editors reach; others get the usual 404. */
export function requireEditor(event: RequestEvent) {
	const access = directoryAccess(event);
	if (!access.canEdit) error(404, { message: 'not found' });
	return access;
}

/** What the edit form offers: Länder, topics and sub-markets (all, so stored inactive ones still show). */
export async function formChoices(locale: Locale) {
	const { db } = services();
	const [topics, submarkets] = await Promise.all([listTopics(db, locale), listSubmarkets(db, locale)]);
	return {
		laender: [...LAND_ISOS],
		topics: topics.map((t) => ({ key: t.key, name: t.name })),
		submarkets: submarkets.map((s) => ({ key: s.key, name: s.name }))
	};
}

export function problemErrors(problems: FieldProblem[], locale: Locale): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const p of problems) errors[p.field] ??= translate(locale, p.message, p.params);
	return errors;
}

/** A positive integer route parameter, or 404. */
export function idParam(value: string): number {
	if (!/^\d{1,9}$/.test(value) || Number(value) <= 0) error(404, { message: 'not found' });
	return Number(value);
}
