import { z } from 'zod';
import { createFeed, feedStatus, revokeFeed } from '$lib/server/calendar-feed/commands';
import { subscriptionUrls } from '$lib/server/calendar-feed/feed';
import { parseForm } from '$lib/server/http/form';
import { requireStaff } from '$lib/server/http/gate';
import { notFound } from '$lib/server/http/route-answers';
import { accountPage, changePassword, regenerateRecoveryCodes } from '$lib/server/identity/account';
import { services } from '$lib/server/runtime';
import { newPasswordSchema, SECRET_FIELDS, totpCode } from '../../anmelden/forms.server';
import type { Actions, PageServerLoad } from './$types';
import { me, refused } from './account.server';

const passwordSchema = z.object({ current_password: z.string().min(1).max(200) }).and(newPasswordSchema);
const codesSchema = z.object({ code: totpCode() });

export const load: PageServerLoad = async (event) => {
	const { staff } = requireStaff(event);
	const [page, feed] = await Promise.all([
		accountPage(services(), staff),
		feedStatus(services().db, staff.id)
	]);
	return { ...(page ?? notFound()), feed };
};

export const actions: Actions = {
	feed: async (event) => {
		const { actor, ctx } = me(event);
		const { token } = await createFeed(services(), actor, ctx);
		return { done: 'feed' as const, feedUrls: subscriptionUrls(services().config.publicBaseUrl, token) };
	},
	feedRevoke: async (event) => {
		const { actor, ctx } = me(event);
		await revokeFeed(services(), actor, ctx);
		return { done: 'feedRevoked' as const };
	},
	password: async (event) => {
		const { staff, ctx } = me(event);
		const { locale } = event.locals;
		const parsed = await parseForm(event.request, passwordSchema, locale, { secret: SECRET_FIELDS });
		if (!parsed.ok) return parsed.failure;
		const { current_password: current, password: next } = parsed.data;
		const input = { userId: staff.id, sessionHash: staff.sessionHash, current, next, locale };
		const r = await changePassword(services(), input, ctx);
		if (r.ok) return { done: 'password' as const };
		if (r.reason === 'not_found') notFound();
		return refused(event, parsed.values, r, 'current_password', 'identity.account.password.wrong');
	},
	recovery: async (event) => {
		const { staff, ctx } = me(event);
		const { locale } = event.locals;
		const parsed = await parseForm(event.request, codesSchema, locale, { secret: SECRET_FIELDS });
		if (!parsed.ok) return parsed.failure;
		const r = await regenerateRecoveryCodes(services(), { userId: staff.id, code: parsed.data.code }, ctx);
		if (r.ok) return { done: 'codes' as const, recoveryCodes: r.recoveryCodes };
		return refused(event, parsed.values, r, 'code', 'identity.totp.invalid');
	}
};
