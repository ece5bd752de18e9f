import { fail } from '@sveltejs/kit';
import type { z } from 'zod';
import type { Locale } from '../../i18n/locale';
import { translate } from '../../i18n/messages';
import type { AttachmentInput, SendResult } from '../messages/index';
import { fieldErrors, formObject, formValues } from './form';

/**
 * The message forms of issue 18 (portal and case page) are multipart: text fields go through
 * the schema like every form, the one optional file is read as bytes for the command, which
 * decides its type from the bytes and its size from the config. The file is never echoed back.
 */
export async function parseMessageForm<T>(request: Request, schema: z.ZodType<T>, locale: Locale) {
	const form = await request.formData().catch(() => new FormData());
	const file = form.get('attachment');
	const attachment: AttachmentInput | null =
		file instanceof File && file.size > 0
			? { filename: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
			: null;
	const result = schema.safeParse(formObject(form));
	if (result.success) return { ok: true as const, form, data: result.data, attachment };
	return {
		ok: false as const,
		failure: fail(400, { values: formValues(form), errors: fieldErrors(result.error, locale) })
	};
}

/** A refused message: the reason beside the field it belongs to, the text kept. */
export function messageFailure(
	form: FormData,
	result: { reason: Exclude<Extract<SendResult, { ok: false }>['reason'], 'not_found'> },
	locale: Locale,
	maxBytes: number
) {
	const mb = Math.round(maxBytes / (1024 * 1024));
	const field = result.reason.startsWith('attachment') ? 'attachment' : '_form';
	return fail(result.reason === 'closed' ? 409 : 400, {
		values: formValues(form),
		errors: { [field]: translate(locale, `messages.error.${result.reason}` as const, { mb }) }
	});
}
