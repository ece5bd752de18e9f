import { type RequestEvent, redirect } from '@sveltejs/kit';
import { type Locale, localizePath } from '$lib/i18n/locale';
import type { MessageKey } from '$lib/i18n/messages';
import { requireNetworkAdmin } from '$lib/server/http/gate';
import type { RequestContext } from '$lib/server/identity/index';
import type { AdminActor } from '$lib/server/identity/context';
import { type Services, services } from '$lib/server/runtime';
import { adminFailure, idParam } from '../staff-form.server';

/** What the account page says after an action (`?hinweis=`); "eingeladen" comes from the invitation. */
export const NOTICES = [
	'eingeladen',
	'gespeichert',
	'deaktiviert',
	'aktiviert',
	'zurueckgesetzt',
	'erneut-eingeladen'
] as const;

type AccountEvent = RequestEvent<{ id: string }>;

/** Back to the account's page with the notice of what was done (Post/Redirect/Get). */
export function backToAccount(event: AccountEvent, id: number, notice: (typeof NOTICES)[number]): never {
	redirect(303, localizePath(event.locals.locale, `/intern/admin/benutzer/${id}?hinweis=${notice}`));
}

type Command = (
	services: Services,
	admin: AdminActor,
	userId: number,
	ctx: RequestContext,
	locale: Locale
) => Promise<{ ok: true } | { ok: false; reason: Parameters<typeof adminFailure>[2] }>;

/**
 * A one-button action of the account page: the admin gate, the account by its id (malformed:
 * 404), one command, then the page with `notice` — or the reason why not, with `selfKey`
 * saying what an admin may not do to their own account.
 */
export function accountButton(command: Command, notice: (typeof NOTICES)[number], selfKey?: MessageKey) {
	return async (event: AccountEvent) => {
		const { staff } = await requireNetworkAdmin(event);
		const { locale, requestId } = event.locals;
		const id = idParam(event.params.id);
		const r = await command(services(), staff, id, { requestId }, locale);
		if (!r.ok) return adminFailure(locale, {}, r.reason, selfKey);
		backToAccount(event, id, notice);
	};
}
