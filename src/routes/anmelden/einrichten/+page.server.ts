import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { localizePath } from '$lib/i18n/locale';
import { translate } from '$lib/i18n/messages';
import { fieldFailure, parseForm } from '$lib/server/http/form';
import { setSessionCookie } from '$lib/server/http/session-cookie';
import {
	confirmEnrolment,
	groupSecret,
	pendingEnrolment,
	prepareEnrolment
} from '$lib/server/identity/enrolment';
import { services } from '$lib/server/runtime';
import { throttledFailure } from '$lib/server/http/refusals';
import { actionSuffix, nextPath, SECRET_FIELDS, signInPath, totpCode } from '../forms.server';
import type { Actions, PageServerLoad } from './$types';

const schema = z.object({ code: totpCode() });

export const load: PageServerLoad = async (event) => {
	const { actor, locale } = event.locals;
	if (actor.kind === 'staff') redirect(303, localizePath(locale, nextPath(event)));
	if (actor.kind !== 'staff-pending') redirect(303, signInPath(event, '/anmelden'));
	if (actor.totpEnrolled) redirect(303, signInPath(event, '/anmelden/zwei-faktor'));
	const e = await pendingEnrolment(services(), actor.id);
	if (!e.ok && e.reason === 'unknown') redirect(303, signInPath(event, '/anmelden'));
	// 'enrolled' right after the confirming POST: the page then shows the recovery codes.
	const enrol = e.ok ? { qrSvg: e.qrSvg, secret: groupSecret(e.secret) } : null;
	return { state: e.ok ? 'enrol' : e.reason, enrol, actionSuffix: actionSuffix(event) };
};

export const actions: Actions = {
	start: async (event) => {
		const { actor } = event.locals;
		if (actor.kind !== 'staff-pending') redirect(303, signInPath(event, '/anmelden', 'hinweis=abgelaufen'));
		await prepareEnrolment(services(), actor.id);
		redirect(303, signInPath(event, '/anmelden/einrichten'));
	},
	confirm: async (event) => {
		const { actor, locale, requestId } = event.locals;
		if (actor.kind !== 'staff-pending') redirect(303, signInPath(event, '/anmelden', 'hinweis=abgelaufen'));
		const parsed = await parseForm(event.request, schema, locale, { secret: SECRET_FIELDS });
		if (!parsed.ok) return parsed.failure;
		const r = await confirmEnrolment(
			services(),
			{ sessionHash: actor.sessionHash, userId: actor.id, code: parsed.data.code },
			{ requestId }
		);
		if (r.ok) {
			setSessionCookie(event.cookies, r.token, r.expiresAt);
			// Shown once, in this response; never stored in clear.
			return { recoveryCodes: r.recoveryCodes, next: nextPath(event) };
		}
		if (r.reason === 'throttled')
			return throttledFailure(event, r.retryAfterSeconds, 'identity.throttled', parsed.values);
		if (r.reason === 'expired') redirect(303, signInPath(event, '/anmelden', 'hinweis=abgelaufen'));
		if (r.reason === 'enrolled') redirect(303, signInPath(event, '/anmelden/zwei-faktor'));
		return fieldFailure(400, parsed.values, { code: translate(locale, 'identity.enrol.invalid') });
	}
};
