import { formValues } from '$lib/server/http/form';
import { freeTextFailure } from '$lib/server/http/free-text';
import { denyRecord } from '$lib/server/http/gate';
import { messageFailure, parseMessageForm } from '$lib/server/http/message-form';
import { seeOther } from '$lib/server/http/route-answers';
import { sendMessageAsStaff } from '$lib/server/messages/commands';
import { staffConversation } from '$lib/server/messages/queries';
import { messageSchema } from '$lib/server/messages/schema';
import { randomToken } from '$lib/server/platform/tokens';
import { services } from '$lib/server/runtime';
import { caseAction, casePath } from '../../case-actions.server';
import type { Actions, PageServerLoad } from './$types';

/**
 * A case's conversation (issue 18, item 1): the case rule decides (office member; consultants
 * only their own cases); a refusal is a 404 with an `access.denied` row. Reading is audited and
 * marks the creative's messages read; the answer form is multipart and works without JS.
 */
export const load: PageServerLoad = async (event) => {
	const { office, staff, scope, viewer, id, ctx } = await caseAction(event);
	const { db, clock, config } = services();
	const page = await staffConversation(db, viewer, scope, office.id, id, clock.now(), ctx);
	if (!page) return denyRecord(event, staff, 'case not visible', office.id);
	return {
		office: { key: office.key, name: office.name },
		...page,
		maxMb: Math.round(config.attachmentMaxBytes / (1024 * 1024)),
		formKey: randomToken(16),
		sent: event.url.searchParams.get('ok') === 'gesendet'
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { office, staff, scope, viewer, id, ctx } = await caseAction(event);
		const { locale } = event.locals;
		const parsed = await parseMessageForm(event.request, messageSchema, locale);
		if (!parsed.ok) return parsed.failure;
		const { form, data, attachment } = parsed;
		const s = services();
		const refused = await freeTextFailure(s.db, {
			officeId: office.id,
			texts: { body: data.body },
			form,
			values: formValues(form),
			locale
		});
		if (refused) return refused;
		const input = { caseId: id, body: data.body, idempotencyKey: data.key, attachment };
		const r = await sendMessageAsStaff(s, viewer, scope, input, ctx);
		if (!r.ok)
			return r.reason === 'not_found'
				? denyRecord(event, staff, 'case not visible', office.id)
				: messageFailure(form, { reason: r.reason }, locale, s.config.attachmentMaxBytes);
		seeOther(event, `${casePath(office.key, id, '/nachrichten')}?ok=gesendet#nachricht-${r.messageId}`);
	}
};
