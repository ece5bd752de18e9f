import { error, fail } from '@sveltejs/kit';
import { requireNetworkAdmin, requireStaff } from '$lib/server/http/gate';
import { auditActorOf } from '$lib/server/identity/principal';
import { requeueDeadMail } from '$lib/server/notifications/commands';
import { getOutboxMail, parseMailId } from '$lib/server/notifications/queries';
import { services } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { staff, scope } = requireStaff(event);
	const mail = await getOutboxMail(services().db, scope, parseMailId(event.params.id));
	if (!mail) error(404, { message: 'not found' });
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
