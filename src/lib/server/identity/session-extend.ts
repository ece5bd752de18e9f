import { recordAudit } from '../audit/index';
import { transact } from '../db/transaction';
import type { Services } from '../runtime';
import { type RequestContext, staffActor } from './context';

/**
 * Issue 16 (WCAG 2.2.1): "Angemeldet bleiben" in the idle warning. Moves the session's last
 * activity to now, so the idle timeout starts again; audited. Answers the idle time left in
 * milliseconds, or null when the session is gone (it ended before the button was pressed).
 */
export async function extendStaffSession(
	services: Services,
	staff: { id: number; email: string; sessionHash: string },
	ctx: RequestContext = {}
): Promise<number | null> {
	const now = services.clock.now();
	return transact(services.db, async (trx) => {
		const res = await trx
			.updateTable('session')
			.set({ last_seen_at: now.getTime() })
			.where('id_hash', '=', staff.sessionHash)
			.where('subject_kind', '=', 'staff')
			.where('subject_id', '=', staff.id)
			.where('stage', '=', 'full')
			.executeTakeFirst();
		if (Number(res.numUpdatedRows) !== 1) return null;
		await recordAudit(
			trx,
			staffActor(staff),
			{ action: 'auth.session_extended', subject: { kind: 'staff_user', id: staff.id } },
			{ now, requestId: ctx.requestId }
		);
		return services.config.sessionIdleMinutes * 60_000;
	});
}
