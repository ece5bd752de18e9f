import type { Locale } from '../../i18n/locale';
import type { Db, Tx } from '../db/transaction';
import { absoluteLink } from '../identity/index';
import { enqueueMail, type RenderedMail } from '../notifications/index';

/**
 * The check-in and the closure feedback reach the creative the same way: the case with its
 * creative and office is read, and one mail whose button opens a token page (no login) is
 * enqueued in the caller's transaction. Both are here once so the two mails cannot drift apart.
 */

/** The case with its creative and office; callers add the columns their decision needs. */
export function caseWithCreative(db: Db | Tx) {
	return db
		.selectFrom('case_file as c')
		.innerJoin('creative as cr', 'cr.id', 'c.creative_id')
		.innerJoin('office as o', 'o.id', 'c.office_id')
		.select(['c.id', 'c.office_id', 'c.name', 'cr.deleted_at', 'o.name as office_name']);
}

type TokenPageMail = (locale: Locale, input: { name: string; office: string; link: string }) => RenderedMail;

export async function mailCaseCreative(
	trx: Tx,
	c: { id: number; office_id: number; name: string; email: string; locale: string; office_name: string },
	m: { template: string; build: TokenPageMail; publicBaseUrl: string; path: string; dedupeKey: string },
	now: Date
): Promise<void> {
	const locale = c.locale === 'en' ? 'en' : 'de';
	await enqueueMail(
		trx,
		{
			to: c.email,
			toName: c.name,
			locale,
			template: m.template,
			mail: m.build(locale, {
				name: c.name,
				office: c.office_name,
				link: absoluteLink(m.publicBaseUrl, locale, m.path)
			}),
			dedupeKey: m.dedupeKey,
			officeId: Number(c.office_id),
			subject: { kind: 'case', id: Number(c.id) }
		},
		now
	);
}
