import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { localizePath } from '../../i18n/locale';

/**
 * The answers every route gives in the same words (issue 17: one home for each, instead of the
 * same three lines in forty route files).
 */

/** 404 with the one message every route uses, so an unknown record and a foreign one look alike. */
export function notFound(): never {
	error(404, { message: 'not found' });
}

/** After a successful POST: 303 to a path in the visitor's language (Post/Redirect/Get). */
export function seeOther(event: Pick<RequestEvent, 'locals'>, path: string): never {
	redirect(303, localizePath(event.locals.locale, path));
}

/**
 * A record id from the URL: 1–9 digits, else 0 (no table has row 0, so a lookup simply finds
 * nothing); nine digits keep it far inside both databases' integer range.
 */
export function idParam(value: string | null | undefined): number {
	return value && /^\d{1,9}$/.test(value) ? Number(value) : 0;
}

/** A record id from the URL, or 404 at once when it cannot be one. */
export function requireIdParam(value: string | null | undefined): number {
	return idParam(value) || notFound();
}

/** The posted form; a body that is not one reads as an empty form (the schema then says what is missing). */
export function readForm(request: Request): Promise<FormData> {
	return request.formData().catch(() => new FormData());
}
