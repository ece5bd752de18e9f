import type { Locale } from '../../i18n/locale';
import { type MessageKey, translate } from '../../i18n/messages';
import { type MailBlock, type RenderedMail, renderMail } from '../notifications/index';
import { SETTABLE_STATUSES } from './rules';

/**
 * The follow-up mail three weeks after a referral: "did it help?" with one link per answer.
 * Each link only opens the page /verweis/<token>?status=… whose button confirms (a GET never
 * changes anything: mail scanners open links).
 */
export function referralLink(publicBaseUrl: string, locale: Locale, path: string): string {
	const localized = locale === 'en' ? `/en${path}` : path;
	return publicBaseUrl.replace(/\/$/, '') + localized;
}

export function referralFollowupMail(
	locale: Locale,
	input: { publicBaseUrl: string; token: string; serviceName: string; officeName: string; referredOn: string }
): RenderedMail {
	const t = (key: MessageKey, params: Record<string, string> = {}) => translate(locale, key, params);
	const base = `/verweis/${input.token}`;
	const blocks: MailBlock[] = [
		{ kind: 'p', text: t('referrals.mail.greeting') },
		{
			kind: 'p',
			text: t('referrals.mail.body', {
				service: input.serviceName,
				office: input.officeName,
				date: input.referredOn
			})
		},
		{ kind: 'p', text: t('referrals.mail.question') },
		...SETTABLE_STATUSES.map(
			(s): MailBlock => ({
				kind: 'button',
				text: t(`referrals.mail.answer.${s}` as MessageKey),
				href: referralLink(input.publicBaseUrl, locale, `${base}?status=${s}`)
			})
		),
		{ kind: 'small', text: t('referrals.mail.confirmHint') },
		{
			kind: 'small',
			text: t('referrals.mail.portal', {
				link: referralLink(input.publicBaseUrl, locale, '/portal/verweise')
			})
		},
		{ kind: 'small', text: t('referrals.mail.validity') }
	];
	return renderMail(
		locale,
		t('referrals.mail.subject', { service: input.serviceName }),
		blocks,
		translate(locale, 'mail.footer')
	);
}
