import { fail } from '@sveltejs/kit';
import { denyMail, requireMailViewer, requireNetworkAdmin } from '$lib/server/http/gate';
import { auditActorOf } from '$lib/server/identity/principal';
import { requeueDeadMail } from '$lib/server/notifications/commands';
import { openOutboxMail, parseMailId } from '$lib/server/notifications/queries';
import { services } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { staff, viewer } = requireMailViewer(event);
	const { db, clock } = services();
	const mail = await openOutboxMail(db, viewer, parseMailId(event.params.id), {
		now: clock.now(),
		requestId: event.locals.requestId
	});
	if (!mail) return denyMail(event, staff);
	// The HTML body is served by ./html into a sandboxed frame, never into this page.
	mail.htmlBody = '';
	return { mail, canRequeue: staff.isNetworkAdmin && mail.status === 'dead' };
};

export const actions: Actions = {
	requeue: async (event) => {
		const { staff } = await requireNetworkAdmin(event);
		const { db, clock } = services();
		const done = await requeueDeadMail(db, auditActorOf(staff), parseMailId(event.params.id), {
			now: clock.now(),
			requestId: event.locals.requestId
		});
		if (!done) return fail(409, { requeued: false });
		return { requeued: true };
	}
};
