import { z } from 'zod';

/**
 * Field builders of the JSON API's request bodies. Unlike the form fields (whose wording comes
 * from http/form.ts), their messages are short English phrases that the API answers as they
 * are: its readers are the developers of the offices' websites.
 */
const NOT_AN_EMAIL = { message: 'must be an e-mail address' };

export const apiEmail = () => z.string().trim().toLowerCase().max(254).pipe(z.email(NOT_AN_EMAIL));

/** The Idempotency-Key header of the API's POSTs: 8 to 200 printable ASCII characters. */
export const IDEMPOTENCY_KEY = { min: 8, max: 200 } as const;

export function validIdempotencyKey(key: string | null): key is string {
	return (
		key !== null &&
		key.length >= IDEMPOTENCY_KEY.min &&
		key.length <= IDEMPOTENCY_KEY.max &&
		/^[\x21-\x7e]+$/.test(key)
	);
}
