import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { translate } from '$lib/i18n/messages';
import { sendBookingLinks } from '$lib/server/booking/commands';
import { parseForm } from '$lib/server/http/form';
import { minutesToWait } from '$lib/server/identity/throttle-rules';
import { email } from '$lib/server/platform/form-fields';
import { services } from '$lib/server/runtime';
import type { Actions } from './$types';

const schema = z.object({ email: email() });

export const actions: Actions = {
	default: async (event) => {
		const { locale, requestId } = event.locals;
		const parsed = await parseForm(event.request, schema, locale);
		if (!parsed.ok) return parsed.failure;
		const r = await sendBookingLinks(
			services(),
			{ email: parsed.data.email, clientAddress: event.getClientAddress(), locale },
			{ requestId }
		);
		if (!r.ok) {
			event.setHeaders({ 'retry-after': String(r.retryAfterSeconds) });
			const message = translate(locale, 'booking.flow.error.throttled', {
				minutes: minutesToWait(r.retryAfterSeconds)
			});
			return fail(429, { values: parsed.values, errors: {} as Record<string, string>, message });
		}
		// The same answer for every address: whether bookings exist stays unknown.
		return { sent: true };
	}
};
