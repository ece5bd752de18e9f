import type { RequestEvent } from '@sveltejs/kit';
import { type MessageKey, translate } from '$lib/i18n/messages';
import { type FormValues, fieldFailure } from '$lib/server/http/form';
import { requireStaff } from '$lib/server/http/gate';
import { throttledFailure } from '$lib/server/http/refusals';

/** The page's gate: the signed-in staff member, as the feed's audit rows name them, and the request. */
export function me(event: RequestEvent) {
	const { staff } = requireStaff(event);
	const actor = { kind: 'staff' as const, id: staff.id, label: staff.email };
	return { staff, actor, ctx: { requestId: event.locals.requestId } };
}

/** A wrong password or code: throttled like the sign-in (429, retry-after), else an error on its field. */
export function refused(
	event: RequestEvent,
	values: FormValues,
	result: { reason: string; retryAfterSeconds?: number },
	field: string,
	key: MessageKey
) {
	if (result.reason === 'throttled')
		return throttledFailure(event, result.retryAfterSeconds ?? 0, 'identity.throttled', values);
	return fieldFailure(400, values, { [field]: translate(event.locals.locale, key) });
}
