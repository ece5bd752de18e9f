import type { Locale } from '$lib/i18n/locale';
import { fail, redirect } from '@sveltejs/kit';
import { translate } from '$lib/i18n/messages';
import { cancelByCreative, rescheduleByCreative } from '$lib/server/booking/commands';
import { CANCEL_REASONS, cancelReasonOf } from '$lib/server/reference/cancel-reasons';
import { managePage } from '$lib/server/booking/queries';
import { services } from '$lib/server/runtime';
import { readSlotKey, rescheduleWeek } from '../../flow.server';
import type { Actions, PageServerLoad } from './$types';

/** The manage link: details, .ics, and (until the change deadline) cancel and move forms. */
export const load: PageServerLoad = async ({ params, locals, url, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const { db, clock } = services();
	const now = clock.now();
	const page = await managePage(db, params.token, locals.locale, now);
	if (!page.ok)
		return {
			problem: page.reason,
			booking: null,
			canChange: false,
			week: null,
			notice: null,
			confirmCancel: false,
			reasons: CANCEL_REASONS
		};
	const week = page.canChange
		? await rescheduleWeek(db, page.booking, url.searchParams.get('woche'), now)
		: null;
	const notice = url.searchParams.has('bestaetigt')
		? 'confirmed'
		: url.searchParams.has('verschoben')
			? 'moved'
			: url.searchParams.has('abgesagt')
				? 'cancelled'
				: null;
	// Issue 16: "Termin absagen" first asks (with an optional reason); the POST then cancels.
	const confirmCancel = page.canChange && url.searchParams.has('absagen');
	return {
		problem: null,
		booking: page.booking,
		canChange: page.canChange,
		week,
		notice,
		confirmCancel,
		reasons: CANCEL_REASONS
	};
};

function failure(locale: Locale, reason: string, officePhone?: string) {
	const key =
		reason === 'slot_taken'
			? 'booking.manage.error.slotTaken'
			: reason === 'too_late'
				? 'booking.manage.error.tooLate'
				: 'booking.manage.error.notActive';
	return fail(409, { message: translate(locale, key, { phone: officePhone ?? '' }) });
}

export const actions: Actions = {
	absagen: async ({ params, locals, url, request }) => {
		const form = await request.formData().catch(() => new FormData());
		const reason = cancelReasonOf(form.get('reason'));
		const r = await cancelByCreative(services(), params.token, { requestId: locals.requestId }, reason);
		if (r.ok) redirect(303, `${url.pathname}?abgesagt=1`);
		if (r.reason === 'invalid' || r.reason === 'expired') redirect(303, url.pathname);
		return failure(locals.locale, r.reason, r.reason === 'too_late' ? r.officePhone : undefined);
	},
	verschieben: async ({ params, locals, url, request }) => {
		const form = await request.formData().catch(() => new FormData());
		const slot = readSlotKey(String(form.get('slot') ?? ''));
		if (!slot) return fail(400, { message: translate(locals.locale, 'booking.manage.error.chooseSlot') });
		const r = await rescheduleByCreative(services(), params.token, slot, { requestId: locals.requestId });
		if (r.ok) redirect(303, `${url.pathname}?verschoben=1`);
		if (r.reason === 'invalid' || r.reason === 'expired') redirect(303, url.pathname);
		return failure(locals.locale, r.reason, r.reason === 'too_late' ? r.officePhone : undefined);
	}
};
