import { type ActionFailure, fail } from '@sveltejs/kit';
import type { Locale } from '../../i18n/locale';
import { translate } from '../../i18n/messages';
import type { Db } from '../db/transaction';
import { checkFreeText, type SensitiveKind } from '../privacy/index';
import type { FormValues } from './form';

/**
 * Issue 13, part 5, at the edge: a form with free texts asks the guard before its command runs.
 * Findings and no explicit choice → 422 with the person's values kept, an error at each field
 * and a `sensitive` payload for `components/SensitiveConfirm.svelte`; nothing has been stored,
 * audited or logged. "Trotzdem speichern" sends `sensitive_confirm=1` and the command runs.
 * The payload names kinds only; the number itself stays in the person's own field.
 */
export const SENSITIVE_CONFIRM = 'sensitive_confirm';

export interface SensitivePayload {
	kinds: SensitiveKind[];
	fields: string[];
}

/** The failure a form gets back: its values, an error per field, the kinds for SensitiveConfirm. */
export interface FreeTextFailure {
	values: FormValues;
	errors: Record<string, string>;
	sensitive: SensitivePayload;
	/** Which form of the page failed (the case pages have several). */
	which?: string;
}

export function sensitiveConfirmed(form: FormData | FormValues): boolean {
	const v = form instanceof FormData ? form.get(SENSITIVE_CONFIRM) : form[SENSITIVE_CONFIRM];
	return v === '1';
}

export function kindList(locale: Locale, kinds: readonly SensitiveKind[]): string {
	const words = kinds.map((k) => translate(locale, `freeText.kind.${k}` as const));
	return new Intl.ListFormat(locale, { type: 'conjunction' }).format(words);
}

export async function freeTextFailure(
	db: Db,
	input: {
		officeId: number | null;
		texts: Record<string, string | null | undefined>;
		form: FormData | FormValues;
		values: FormValues;
		locale: Locale;
		/** More fields for the page's failure shape (`which` on the case page). */
		extra?: { which?: string };
	}
): Promise<ActionFailure<FreeTextFailure> | null> {
	if (sensitiveConfirmed(input.form)) return null;
	const warning = await checkFreeText(db, input.officeId, input.texts);
	if (!warning) return null;
	const { [SENSITIVE_CONFIRM]: _choice, ...values } = input.values;
	const errors: Record<string, string> = {};
	for (const [field, kinds] of Object.entries(warning.fields)) {
		errors[field] = translate(input.locale, 'freeText.error.field', { kinds: kindList(input.locale, kinds) });
	}
	const sensitive: SensitivePayload = { kinds: warning.kinds, fields: Object.keys(warning.fields) };
	const failure: FreeTextFailure = { ...input.extra, values, errors, sensitive };
	return fail(422, failure);
}
