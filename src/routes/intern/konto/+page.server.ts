import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { translate } from '$lib/i18n/messages';
import { createFeed, feedStatus, revokeFeed } from '$lib/server/calendar-feed/commands';
import { fieldFailure, parseForm } from '$lib/server/http/form';
import { requireStaff } from '$lib/server/http/gate';
import { accountOverview, changePassword, regenerateRecoveryCodes } from '$lib/server/identity/account';
import { PASSWORD_MIN_LENGTH } from '$lib/server/identity/password';
import { services } from '$lib/server/runtime';
import { newPasswordSchema, SECRET_FIELDS, throttled, totpCode } from '../../anmelden/forms.server';
import type { Actions, PageServerLoad } from './$types';

const passwordSchema = z.object({ current_password: z.string().min(1).max(200) }).and(newPasswordSchema);
const codesSchema = z.object({ code: totpCode() });

export const load: PageServerLoad = async (event) => {
	const { staff } = requireStaff(event);
	const account = await accountOverview(services(), staff.id);
	if (!account) error(404, { message: 'not found' });
	const offices = staff.memberships.map((m) => ({ key: m.officeKey, name: m.officeName, role: m.role }));
	const feed = await feedStatus(services().db, staff.id);
	return { account, offices, isNetworkAdmin: staff.isNetworkAdmin, minLength: PASSWORD_MIN_LENGTH, feed };
};

/** The subscription URL, as https and as webcal:// (what calendar apps open on a click). */
function feedUrls(token: string) {
	const https = `${services().config.publicBaseUrl}/kalender/${token}.ics`;
	return { https, webcal: https.replace(/^https?:/, 'webcal:') };
}

export const actions: Actions = {
	feed: async (event) => {
		const { staff } = requireStaff(event);
		const { token } = await createFeed(
			services(),
			{ kind: 'staff', id: staff.id, label: staff.email },
			{ requestId: event.locals.requestId }
		);
		return { done: 'feed' as const, feedUrls: feedUrls(token) };
	},
	feedRevoke: async (event) => {
		const { staff } = requireStaff(event);
		await revokeFeed(
			services(),
			{ kind: 'staff', id: staff.id, label: staff.email },
			{ requestId: event.locals.requestId }
		);
		return { done: 'feedRevoked' as const };
	},
	password: async (event) => {
		const { staff } = requireStaff(event);
		const { locale, requestId } = event.locals;
		const parsed = await parseForm(event.request, passwordSchema, locale, { secret: SECRET_FIELDS });
		if (!parsed.ok) return parsed.failure;
		const input = {
			userId: staff.id,
			sessionHash: staff.sessionHash,
			current: parsed.data.current_password,
			next: parsed.data.password,
			locale
		};
		const r = await changePassword(services(), input, { requestId });
		if (r.ok) return { done: 'password' as const };
		if (r.reason === 'throttled')
			return throttled(event, parsed.values, r.retryAfterSeconds, 'identity.throttled');
		if (r.reason === 'not_found') error(404, { message: 'not found' });
		return fieldFailure(400, parsed.values, {
			current_password: translate(locale, 'identity.account.password.wrong')
		});
	},
	recovery: async (event) => {
		const { staff } = requireStaff(event);
		const { locale, requestId } = event.locals;
		const parsed = await parseForm(event.request, codesSchema, locale, { secret: SECRET_FIELDS });
		if (!parsed.ok) return parsed.failure;
		const r = await regenerateRecoveryCodes(
			services(),
			{ userId: staff.id, code: parsed.data.code },
			{ requestId }
		);
		if (r.ok) return { done: 'codes' as const, recoveryCodes: r.recoveryCodes };
		if (r.reason === 'throttled')
			return throttled(event, parsed.values, r.retryAfterSeconds, 'identity.throttled');
		return fieldFailure(400, parsed.values, { code: translate(locale, 'identity.totp.invalid') });
	}
};
