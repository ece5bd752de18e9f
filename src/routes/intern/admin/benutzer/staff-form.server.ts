import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { Locale } from '$lib/i18n/locale';
import { type MessageKey, translate } from '$lib/i18n/messages';
import { checkbox, email, requiredText } from '$lib/server/platform/form-fields';
import { type FormValues, fieldFailure } from '$lib/server/http/form';
import type { AdminResult } from '$lib/server/identity/staff-admin';
import type { MembershipInput, MembershipRole, StaffDetail } from '$lib/server/identity/staff-queries';

/** The staff form (invite and edit): name, address, admin flag and one role select per office. */
const ROLES = ['', 'consultant', 'office_lead'] as const;

export function staffSchema(officeIds: readonly number[]) {
	return z
		.looseObject({ name: requiredText(200), email: email(), is_network_admin: checkbox() })
		.superRefine((v, ctx) => {
			for (const id of officeIds) {
				const role = v[`role_${id}`];
				if (role !== undefined && !(ROLES as readonly unknown[]).includes(role))
					ctx.addIssue({ code: 'custom', path: [`role_${id}`], message: 'form.error.choice' });
			}
		})
		.transform((v) => ({
			name: v.name,
			email: v.email,
			isNetworkAdmin: v.is_network_admin,
			memberships: officeIds.flatMap((officeId): MembershipInput[] => {
				const role = v[`role_${officeId}`];
				return role === 'consultant' || role === 'office_lead'
					? [{ officeId, role: role as MembershipRole }]
					: [];
			})
		}));
}

/** Form values for an existing account (the edit page before any submit). */
export function staffValues(user: StaffDetail): FormValues {
	const values: FormValues = {
		name: user.name,
		email: user.email,
		is_network_admin: user.isNetworkAdmin ? 'on' : ''
	};
	for (const m of user.memberships) values[`role_${m.officeId}`] = m.role;
	return values;
}

export function idParam(raw: string): number {
	if (!/^\d{1,9}$/.test(raw)) error(404, { message: 'not found' });
	return Number(raw);
}

/** The rules' errors for a form that failed its schema as well (issue 16); same words as below. */
export function staffRuleErrors(locale: Locale, broken: { taken: boolean; demoted?: boolean }) {
	const errors: Record<string, string> = {};
	if (broken.taken) errors.email = translate(locale, 'admin.error.emailTaken');
	if (broken.demoted) errors.is_network_admin = translate(locale, 'admin.error.selfDemote');
	return errors;
}

type Failure = Exclude<AdminResult, { ok: true }>['reason'] | 'not_invited';

/** Maps a refused admin command to the page: a field error where one field is at fault. */
export function adminFailure(locale: Locale, values: FormValues, reason: Failure, selfMessage?: MessageKey) {
	const t = (key: MessageKey) => translate(locale, key);
	switch (reason) {
		case 'forbidden':
		case 'not_found':
			error(404, { message: 'not found' });
			break;
		case 'email_taken':
			return fieldFailure(400, values, { email: t('admin.error.emailTaken') });
		case 'self':
			if (selfMessage === 'admin.error.selfDemote')
				return fieldFailure(400, values, { is_network_admin: t(selfMessage) });
			return fieldFailure(400, values, {}, t(selfMessage ?? 'admin.error.selfDisable'));
		case 'unchanged':
			return fieldFailure(409, values, {}, t('admin.error.unchanged'));
		case 'not_invited':
			return fieldFailure(409, values, {}, t('admin.error.notInvited'));
		default:
			return fieldFailure(400, values, {}, t('admin.error.unknownOffice'));
	}
}
