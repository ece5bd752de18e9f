import { describe, expect, it } from 'vitest';
import { requestFormSchemaOn } from './schema';

/** Issue 16: a past deadline is reported in the same round as the other errors. */
describe('request form: all errors at once', () => {
	const base = {
		submission_id: 'abcdefghijklmnop',
		organisation: '',
		contact_name: '',
		email: 'nicht-gueltig',
		submarkets: [],
		title: '',
		description: '',
		land: '',
		region: '',
		budget_min: '',
		budget_max: '',
		visibility: 'public',
		consent_request: ''
	};
	it.each([
		{ deadline: '2026-12-03', past: true },
		{ deadline: '2026-12-04', past: false },
		{ deadline: '', past: false }
	])('deadline $deadline with other errors → past reported: $past', ({ deadline, past }) => {
		const r = requestFormSchemaOn('2026-12-04').safeParse({ ...base, deadline });
		expect(r.success).toBe(false);
		const fields = new Set(r.error!.issues.map((i) => String(i.path[0])));
		expect(fields.has('organisation')).toBe(true);
		expect(fields.has('deadline')).toBe(past);
	});
});
