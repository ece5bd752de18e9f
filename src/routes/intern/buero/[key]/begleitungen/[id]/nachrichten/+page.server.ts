import { redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locale';
import { formValues } from '$lib/server/http/form';
import { freeTextFailure } from '$lib/server/http/free-text';
import { denyRecord } from '$lib/server/http/gate';
import { messageFailure, parseMessageForm } from '$lib/server/http/message-form';
import { sendMessageAsStaff } from '$lib/server/messages/commands';
import { readConversationAsStaff } from '$lib/server/messages/queries';
import { answerDueDay } from '$lib/server/messages/rules';
import { messageSchema } from '$lib/server/messages/schema';
import { messageSetting } from '$lib/server/messages/settings';
import { randomToken } from '$lib/server/platform/tokens';
import { services } from '$lib/server/runtime';
import { berlinDate } from '$lib/time/berlin';
import { caseAction } from '../../case-actions.server';
import type { Actions, PageServerLoad } from './$types';

/**
 * A case's conversation (issue 18, item 1): the case rule decides (office member; consultants
 * only their own cases); a refusal is a 404 with an `access.denied` row. Reading is audited and
 * marks the creative's messages read; the answer form is multipart and works without JS.
 */
export const load: PageServerLoad = async (event) => {
	const { office, staff, scope, viewer, id, ctx } = await caseAction(event);
	const { db, clock, config } = services();
	const now = clock.now();
	const view = await readConversationAsStaff(db, viewer, scope, office.id, id, now, ctx);
	if (!view) return denyRecord(event, staff, 'case not visible', office.id);
	const setting = await messageSetting(db, office.id);
	const c = view.case;
	return {
		office: { key: office.key, name: office.name },
		case: { id: c.id, name: c.name, status: c.status, erased: c.creativeErased },
		messages: view.messages.map((m) => {
			const due = answerDueDay(berlinDate(m.createdAt), setting.answerDays, setting.holidays);
			return {
				...m,
				answerDue: m.authorKind === 'creative' && m.answeredAt == null ? due : null,
				overdue: m.authorKind === 'creative' && m.answeredAt == null && berlinDate(now) > due
			};
		}),
		answerDays: setting.answerDays,
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
		const s = services();
		const values = formValues(parsed.form);
		const refused = await freeTextFailure(s.db, {
			officeId: office.id,
			texts: { body: parsed.data.body },
			form: parsed.form,
			values,
			locale
		});
		if (refused) return refused;
		const r = await sendMessageAsStaff(
			s,
			viewer,
			scope,
			{ caseId: id, body: parsed.data.body, idempotencyKey: parsed.data.key, attachment: parsed.attachment },
			ctx
		);
		if (!r.ok) {
			if (r.reason === 'not_found') return denyRecord(event, staff, 'case not visible', office.id);
			return messageFailure(parsed.form, { reason: r.reason }, locale, s.config.attachmentMaxBytes);
		}
		redirect(
			303,
			localizePath(
				locale,
				`/intern/buero/${office.key}/begleitungen/${id}/nachrichten?ok=gesendet#nachricht-${r.messageId}`
			)
		);
	}
};
