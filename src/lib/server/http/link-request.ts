import type { RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import type { Locale } from '../../i18n/locale';
import type { MessageKey } from '../../i18n/messages';
import type { RequestContext } from '../identity/index';
import { email } from '../platform/form-fields';
import { type Services, services } from '../runtime';
import { parseForm } from './form';
import { throttledFailure } from './refusals';

/** What every "send me a link" command takes and answers (password reset, booking links, portal sign-in). */
export type SendLink = (
	services: Services,
	input: { email: string; clientAddress: string; locale: Locale },
	ctx: RequestContext
) => Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }>;

const schema = z.object({ email: email() });

/**
 * The form action of a page that mails a link to an address: the address checked, the command,
 * 429 in `throttledKey`'s words when it is counted out, otherwise `{ sent: true }` — the same
 * answer for every address, so whether an account or a booking exists stays unknown.
 */
export function linkRequestAction(send: SendLink, throttledKey: MessageKey) {
	return async (event: RequestEvent) => {
		const { locale, requestId } = event.locals;
		const parsed = await parseForm(event.request, schema, locale);
		if (!parsed.ok) return parsed.failure;
		const r = await send(
			services(),
			{ email: parsed.data.email, clientAddress: event.getClientAddress(), locale },
			{ requestId }
		);
		if (!r.ok) return throttledFailure(event, r.retryAfterSeconds, throttledKey, parsed.values);
		return { sent: true as const };
	};
}
