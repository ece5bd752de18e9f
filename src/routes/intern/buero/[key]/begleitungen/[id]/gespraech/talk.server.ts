import type { RequestEvent } from '@sveltejs/kit';
import { formatDateTime } from '$lib/format/datetime';
import type { Locale } from '$lib/i18n/locale';
import { translate } from '$lib/i18n/messages';
import { bookingToRecord } from '$lib/server/cases/talks';
import { formValues } from '$lib/server/http/form';
import { freeTextFailure } from '$lib/server/http/free-text';
import { notFound } from '$lib/server/http/route-answers';
import { services } from '$lib/server/runtime';

/**
 * What the record page's load and action share: the booked talk of `?termin=` as the cases
 * domain decides it (another case's booking is 404; one that cannot be recorded yet comes with
 * the sentence that says why), and the free-text guard over the notes and step texts.
 */
export async function talkOf(event: RequestEvent, caseId: number) {
	const asked = event.url.searchParams.get('termin');
	if (asked == null) return { booking: null, refused: null };
	const found = await bookingToRecord(services().db, caseId, Number(asked), services().clock.now().getTime());
	if (found.kind === 'not_found') notFound();
	if (found.kind === 'ok') return { booking: found.booking, refused: null };
	const refused = { reason: found.reason, start: found.start };
	return { booking: null, refused: { ...refused, text: refusalText(event.locals.locale, refused) } };
}

function refusalText(locale: Locale, refused: { reason: string; start: number }): string {
	if (refused.reason === 'before_start')
		return translate(locale, 'talks.record.beforeStart', { date: formatDateTime(refused.start, locale) });
	return translate(
		locale,
		refused.reason === 'recorded' ? 'talks.record.recorded' : 'talks.record.notActive'
	);
}

/**
 * Issue 13, part 5: notes or step texts with an ID number or an Art. 9 word are blocked until the
 * consultant edits them or confirms on purpose; nothing of the record is stored before.
 */
export function sensitiveNotes(
	form: FormData,
	notes: { situation: string | null; advice: string | null },
	officeId: number,
	locale: Locale
) {
	const steps = [...form.keys()]
		.filter((k) => /^stepText\d+$/.test(k))
		.map((k) => [k, String(form.get(k) ?? '')]);
	return freeTextFailure(services().db, {
		officeId,
		texts: { situation: notes.situation, advice: notes.advice, ...Object.fromEntries(steps) },
		form,
		values: formValues(form),
		locale,
		extra: { which: 'record' }
	});
}
