import { recordAudit } from '../audit/index';
import { type Db, type Tx, transactNow } from '../db/transaction';
import type { RequestContext } from '../identity/index';
import { creativeAuditActor } from '../portal/index';
import type { Services } from '../runtime';

/**
 * Issue 13: the news consent (hints about offers by e-mail, given with a booking) withdrawn in
 * the portal. It lives on each booking the person made, so every one of them loses it in one
 * statement; the audit row (subject: the creative) is the record of when, which the consents
 * page shows as "widerrufen am …". Nothing else changes: bookings and cases stay.
 */
export const NEWS_WITHDRAWN = 'consent.news_withdrawn';

export type NewsWithdrawalResult = { ok: true; bookings: number } | { ok: false; reason: 'not_found' };

type Me = { id: number; email: string };

function bookingsOf(db: Db | Tx, me: Me) {
	return db
		.updateTable('booking')
		.where((eb) =>
			eb.or([
				eb('email', '=', me.email.toLowerCase()),
				eb('case_id', 'in', eb.selectFrom('case_file').select('id').where('creative_id', '=', me.id))
			])
		)
		.where('consent_news_version', 'is not', null);
}

export async function withdrawNewsConsent(
	services: Services,
	me: Me,
	ctx: RequestContext = {}
): Promise<NewsWithdrawalResult> {
	return transactNow(services, async (trx, now) => {
		const r = await bookingsOf(trx, me).set({ consent_news_version: null }).executeTakeFirst();
		const bookings = Number(r.numUpdatedRows);
		if (bookings === 0) return { ok: false as const, reason: 'not_found' as const };
		await recordAudit(
			trx,
			creativeAuditActor(me.id),
			{ action: NEWS_WITHDRAWN, subject: { kind: 'creative', id: me.id }, data: { bookings } },
			{ now, requestId: ctx.requestId }
		);
		return { ok: true as const, bookings };
	});
}

/** When the person last withdrew the news consent (null: never). */
export async function newsWithdrawnAt(db: Db | Tx, creativeId: number): Promise<number | null> {
	const row = await db
		.selectFrom('audit_event')
		.select((eb) => eb.fn.max('at').as('at'))
		.where('action', '=', NEWS_WITHDRAWN)
		.where('subject_kind', '=', 'creative')
		.where('subject_id', '=', String(creativeId))
		.executeTakeFirst();
	return row?.at == null ? null : Number(row.at);
}
