import type { Db } from '../../src/lib/server/db/transaction';

/**
 * The audit rows a test checks, oldest first: one action, or a family of them when the pattern
 * holds a `%` (`calendar_feed.%`).
 */
export function auditRowsOf(db: Db, action: string) {
	return db
		.selectFrom('audit_event')
		.selectAll()
		.where('action', action.includes('%') ? 'like' : '=', action)
		.orderBy('id')
		.execute();
}
