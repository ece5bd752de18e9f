import { error, redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locale';
import { formValues } from '$lib/server/http/form';
import { freeTextFailure } from '$lib/server/http/free-text';
import { requireCreative } from '$lib/server/http/gate';
import { messageFailure, parseMessageForm } from '$lib/server/http/message-form';
import { sendMessageAsCreative, setStepReminders } from '$lib/server/messages/commands';
import {
	creativeCaseOffice,
	readConversationsAsCreative,
	stepRemindersOn
} from '$lib/server/messages/queries';
import { creativeMessageSchema, remindersSchema } from '$lib/server/messages/schema';
import { messageSettings } from '$lib/server/messages/settings';
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
	const conversations = await readConversationsAsCreative(db, me.id, clock.now());
	const settings = await messageSettings(db, [...new Set(conversations.map((c) => c.officeId))]);
	const q = event.url.searchParams;
	return {
		conversations: conversations.map((c) => ({
			...c,
			answerDays: settings.get(c.officeId)?.answerDays ?? 3
		})),
		reminders: await stepRemindersOn(db, me.id),
		maxMb: Math.round(config.attachmentMaxBytes / (1024 * 1024)),
		formKey: randomToken(16),
		sent: q.get('ok') === 'gesendet',
		remindersSaved: q.get('ok') === 'erinnerungen'
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
		const refused = await freeTextFailure(s.db, {
			officeId: await creativeCaseOffice(s.db, me.id, caseId),
			texts: { body },
			form: parsed.form,
			values: formValues(parsed.form),
			locale
		});
		if (refused) return refused;
		const r = await sendMessageAsCreative(
			s,
			me.id,
			{ caseId, body, idempotencyKey: key, attachment: parsed.attachment },
			{ requestId }
		);
		if (!r.ok) {
			if (r.reason === 'not_found') error(404, { message: 'not found' });
			return messageFailure(parsed.form, { reason: r.reason }, locale, s.config.attachmentMaxBytes);
		}
		redirect(303, localizePath(locale, `/portal/nachrichten?ok=gesendet#nachricht-${r.messageId}`));
	},
	reminders: async (event) => {
		const me = requireCreative(event);
		const { locale, requestId } = event.locals;
		const form = await event.request.formData().catch(() => new FormData());
		const parsed = remindersSchema.safeParse({ on: form.get('on') ?? '' });
		if (!parsed.success) error(400, { message: 'bad request' });
		await setStepReminders(services(), me.id, parsed.data.on === '1', { requestId });
		redirect(303, localizePath(locale, '/portal/nachrichten?ok=erinnerungen#erinnerungen'));
	}
};
