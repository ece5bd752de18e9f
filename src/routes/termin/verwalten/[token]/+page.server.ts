import { fail, redirect } from '@sveltejs/kit';
import type { Locale } from '$lib/i18n/locale';
import { translate } from '$lib/i18n/messages';
import { type ChangeResult, cancelByCreative, rescheduleByCreative } from '$lib/server/booking/commands';
import { managePage } from '$lib/server/booking/queries';
import { readForm } from '$lib/server/http/route-answers';
import { CANCEL_REASONS, cancelReasonOf } from '$lib/server/reference/cancel-reasons';
import { services } from '$lib/server/runtime';
import { readSlotKey, rescheduleWeek } from '../../flow.server';
import type { Actions, PageServerLoad } from './$types';

/** What the page says after a change, by the parameter the change's redirect set (first match wins). */
const NOTICES = { bestaetigt: 'confirmed', verschoben: 'moved', abgesagt: 'cancelled' } as const;

/** The manage link: details, .ics, and (until the change deadline) cancel and move forms. */
export const load: PageServerLoad = async ({ params, locals, url, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const { db, clock } = services();
	const now = clock.now();
	const q = url.searchParams;
	const page = await managePage(db, params.token, locals.locale, now);
	const none = { booking: null, canChange: false, week: null, notice: null, confirmCancel: false };
	if (!page.ok) return { problem: page.reason, ...none, reasons: CANCEL_REASONS };
	return {
		problem: null,
		booking: page.booking,
		canChange: page.canChange,
		week: page.canChange ? await rescheduleWeek(db, page.booking, q.get('woche'), now) : null,
		notice: Object.entries(NOTICES).find(([param]) => q.has(param))?.[1] ?? null,
		// Issue 16: "Termin absagen" first asks (with an optional reason); the POST then cancels.
		confirmCancel: page.canChange && q.has('absagen'),
		reasons: CANCEL_REASONS
	};
};

/** A change's answer: the page again (with its notice), the plain page for a dead link, else why not. */
function answer(r: ChangeResult, url: URL, locale: Locale, done: string) {
	if (r.ok) redirect(303, `${url.pathname}?${done}=1`);
	if (r.reason === 'invalid' || r.reason === 'expired') redirect(303, url.pathname);
	const key = r.reason === 'slot_taken' ? 'slotTaken' : r.reason === 'too_late' ? 'tooLate' : 'notActive';
	const phone = r.reason === 'too_late' ? r.officePhone : '';
	return fail(409, { message: translate(locale, `booking.manage.error.${key}`, { phone }) });
}

export const actions: Actions = {
	absagen: async ({ params, locals, url, request }) => {
		const reason = cancelReasonOf((await readForm(request)).get('reason'));
		const r = await cancelByCreative(services(), params.token, { requestId: locals.requestId }, reason);
		return answer(r, url, locals.locale, 'abgesagt');
	},
	verschieben: async ({ params, locals, url, request }) => {
		const slot = readSlotKey(String((await readForm(request)).get('slot') ?? ''));
		if (!slot) return fail(400, { message: translate(locals.locale, 'booking.manage.error.chooseSlot') });
		const r = await rescheduleByCreative(services(), params.token, slot, { requestId: locals.requestId });
		return answer(r, url, locals.locale, 'verschoben');
	}
};
