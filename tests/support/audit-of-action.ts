import type { TestServices } from './test-database';

/** The audit rows written for one action, for tests that count them (imported by *.test.ts only). */
export function auditOfAction(s: Pick<TestServices, 'db'>, action: string) {
	return s.db.selectFrom('audit_event').select('action').where('action', '=', action).execute();
}
