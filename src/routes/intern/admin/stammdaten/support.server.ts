import { error } from '@sveltejs/kit';
import type { Locale } from '$lib/i18n/locale';
import { type MessageKey, translate } from '$lib/i18n/messages';
import type { FieldProblem } from '$lib/server/reference/commands';
import type { ReferenceKind } from '$lib/server/reference/schema';

/** The German URL segment of each list of reference entries. */
export const LIST_SLUGS: Record<ReferenceKind, string> = {
	submarket: 'teilmaerkte',
	topic: 'themen',
	stage: 'phasen'
};

/** The kind behind a URL segment; anything else is a 404. */
export function kindOf(slug: string): ReferenceKind {
	const found = (Object.keys(LIST_SLUGS) as ReferenceKind[]).find((k) => LIST_SLUGS[k] === slug);
	if (!found) error(404, { message: 'not found' });
	return found;
}

/** A command's field problems in the user's language; a Land code becomes the Land's name. */
export function problemErrors(problems: FieldProblem[], locale: Locale): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const p of problems) {
		const params: Record<string, string> = { ...p.params };
		if (params.land) params.land = translate(locale, `reference.land.${params.land}` as MessageKey);
		errors[p.field] ??= translate(locale, p.message, params);
	}
	return errors;
}

/** A positive integer route parameter, or 404. */
export function idParam(value: string): number {
	const id = Number(value);
	if (!/^\d{1,9}$/.test(value) || id <= 0) error(404, { message: 'not found' });
	return id;
}
