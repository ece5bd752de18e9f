import { error } from '@sveltejs/kit';
import { formValues } from '$lib/server/http/form';
import { freeTextFailure } from '$lib/server/http/free-text';
import { requireCreative } from '$lib/server/http/gate';
import { messageFailure, parseMessageForm } from '$lib/server/http/message-form';
import { notFound, readForm, seeOther } from '$lib/server/http/route-answers';
import { sendMessageAsCreative, setStepReminders } from '$lib/server/messages/commands';
import { creativeCaseOffice, myMessagesPage } from '$lib/server/messages/queries';
import { creativeMessageSchema, remindersSchema } from '$lib/server/messages/schema';
import { randomToken } from '$lib/server/platform/tokens';
import { services } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

/**
 * The creative's messages to their office (issue 18, item 1), one conversation per case, and
 * the switch for step reminders (item 3). Opening the page marks the office's answers read.
 */
export const load: PageServerLoad = async (event) => {
	const me = requireCreative(event);
	const { db, clock, config } = services();
	const ok = event.url.searchParams.get('ok');
	return {
		...(await myMessagesPage(db, me.id, clock.now())),
		maxMb: Math.round(config.attachmentMaxBytes / (1024 * 1024)),
		formKey: randomToken(16),
		sent: ok === 'gesendet',
		remindersSaved: ok === 'erinnerungen'
	};
};

export const actions: Actions = {
	send: async (event) => {
		const me = requireCreative(event);
		const { locale, requestId } = event.locals;
		const parsed = await parseMessageForm(event.request, creativeMessageSchema, locale);
		if (!parsed.ok) return parsed.failure;
		const s = services();
		const { caseId, body, key } = parsed.data;
		const officeId = await creativeCaseOffice(s.db, me.id, caseId);
		const { form } = parsed;
		const free = { officeId, texts: { body }, form, values: formValues(form), locale };
		const refused = await freeTextFailure(s.db, free);
		if (refused) return refused;
		const input = { caseId, body, idempotencyKey: key, attachment: parsed.attachment };
		const r = await sendMessageAsCreative(s, me.id, input, { requestId });
		if (r.ok) seeOther(event, `/portal/nachrichten?ok=gesendet#nachricht-${r.messageId}`);
		if (r.reason === 'not_found') notFound();
		return messageFailure(parsed.form, { reason: r.reason }, locale, s.config.attachmentMaxBytes);
	},
	reminders: async (event) => {
		const me = requireCreative(event);
		const parsed = remindersSchema.safeParse({ on: (await readForm(event.request)).get('on') ?? '' });
		if (!parsed.success) error(400, { message: 'bad request' });
		await setStepReminders(services(), me.id, parsed.data.on === '1', { requestId: event.locals.requestId });
		seeOther(event, '/portal/nachrichten?ok=erinnerungen#erinnerungen');
	}
};
