import type { Locale } from '../../i18n/locale';
import { type MessageKey, translate } from '../../i18n/messages';
import { type RenderedMail, renderMail } from '../notifications/index';

/** The portal's sign-in mail. Text in the catalogue (portal.mail.*), the link absolute. */
export function portalLoginMail(locale: Locale, input: { link: string }): RenderedMail {
	const t = (key: MessageKey) => translate(locale, key);
	return renderMail(
		locale,
		t('portal.mail.login.subject'),
		[
			{ kind: 'p', text: t('portal.mail.login.greeting') },
			{ kind: 'p', text: t('portal.mail.login.body') },
			{ kind: 'button', text: t('portal.mail.login.button'), href: input.link },
			{ kind: 'small', text: t('portal.mail.login.validity') },
			{ kind: 'small', text: t('portal.mail.login.ignore') }
		],
		translate(locale, 'mail.footer')
	);
}
