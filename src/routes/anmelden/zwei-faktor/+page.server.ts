import { type RequestEvent, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { localizePath } from '$lib/i18n/locale';
import { translate } from '$lib/i18n/messages';
import { fieldFailure, parseForm } from '$lib/server/http/form';
import { setSessionCookie } from '$lib/server/http/session-cookie';
import { completeLoginWithRecoveryCode, completeLoginWithTotp } from '$lib/server/identity/second-factor';
import { services } from '$lib/server/runtime';
import { throttledFailure } from '$lib/server/http/refusals';
import { actionSuffix, nextPath, SECRET_FIELDS, signInPath, totpCode } from '../forms.server';
import type { Actions, PageServerLoad } from './$types';

const totpSchema = z.object({ code: totpCode() });
const recoverySchema = z.object({ recovery_code: z.string().trim().min(1).max(40) });

export const load: PageServerLoad = (event) => {
	const { actor, locale } = event.locals;
	if (actor.kind === 'staff') redirect(303, localizePath(locale, nextPath(event)));
	if (actor.kind !== 'staff-pending') redirect(303, signInPath(event, '/anmelden'));
	if (!actor.totpEnrolled) redirect(303, signInPath(event, '/anmelden/einrichten'));
	return { actionSuffix: actionSuffix(event) };
};

async function secondFactor(event: RequestEvent, method: 'totp' | 'recovery') {
	const { actor, locale, requestId } = event.locals;
	if (actor.kind === 'staff') redirect(303, localizePath(locale, nextPath(event)));
	if (actor.kind !== 'staff-pending') redirect(303, signInPath(event, '/anmelden', 'hinweis=abgelaufen'));
	const parsed =
		method === 'totp'
			? await parseForm(event.request, totpSchema, locale, { secret: SECRET_FIELDS })
			: await parseForm(event.request, recoverySchema, locale, { secret: SECRET_FIELDS });
	if (!parsed.ok) return parsed.failure;
	const code = 'code' in parsed.data ? parsed.data.code : parsed.data.recovery_code;
	const complete = method === 'totp' ? completeLoginWithTotp : completeLoginWithRecoveryCode;
	const r = await complete(
		services(),
		{ sessionHash: actor.sessionHash, userId: actor.id, code },
		{ requestId }
	);
	if (r.ok) {
		setSessionCookie(event.cookies, r.token, r.expiresAt);
		redirect(303, localizePath(locale, nextPath(event)));
	}
	if (r.reason === 'throttled')
		return throttledFailure(event, r.retryAfterSeconds, 'identity.throttled', parsed.values);
	if (r.reason === 'not_enrolled') redirect(303, signInPath(event, '/anmelden/einrichten'));
	if (r.reason === 'expired') redirect(303, signInPath(event, '/anmelden', 'hinweis=abgelaufen'));
	const field = method === 'totp' ? 'code' : 'recovery_code';
	const key = method === 'totp' ? 'identity.totp.invalid' : 'identity.recovery.invalid';
	return fieldFailure(400, parsed.values, { [field]: translate(locale, key) });
}

export const actions: Actions = {
	totp: (event) => secondFactor(event, 'totp'),
	recovery: (event) => secondFactor(event, 'recovery')
};
