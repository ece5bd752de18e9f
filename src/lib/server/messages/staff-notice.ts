import { isDeliverableAddress } from '../notifications/index';

/** Who a notice mail goes to, and in which language. */
export interface NoticeRecipient {
	to: string;
	/** The name the mail greets: the consultant's, or the office's. */
	name: string;
	locale: 'de' | 'en';
}

/**
 * Who on the staff side hears that the creative did something (wrote a message, answered a
 * check-in): the responsible consultant; if their account is disabled or their address takes no
 * mail, the office's address, in German. Null when neither takes mail.
 */
export function staffNoticeRecipient(
	consultant: { email: string; name: string; locale: string; disabledAt: unknown },
	office: { email: string; name: string }
): NoticeRecipient | null {
	const toConsultant = consultant.disabledAt == null && isDeliverableAddress(consultant.email);
	const to = toConsultant ? consultant.email : office.email;
	if (!isDeliverableAddress(to)) return null;
	if (!toConsultant) return { to, name: office.name, locale: 'de' };
	return { to, name: consultant.name, locale: consultant.locale === 'en' ? 'en' : 'de' };
}
