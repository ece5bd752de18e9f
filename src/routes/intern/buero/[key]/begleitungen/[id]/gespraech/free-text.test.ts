import { describe, expect, it } from 'vitest';
import { routeEvent, staffActor } from '../../../../../../../../tests/support/route-events';
import { testServices } from '../../../../../../../../tests/support/test-database';
import { OUTCOMES, STEP_ROWS } from '$lib/server/cases/case-schemas';
import { caseFixture, officeId, staffIn } from '../../../../../../../../tests/support/referral-fixtures';
import { setServices } from '$lib/server/runtime';
import { actions } from './+page.server';
import { servicesClosedAfterEach } from '../../../../../../../../tests/support/services-per-test';

/**
 * Issue 13, part 5: a consultation record whose notes hold an Art. 9 word or an ID number is
 * blocked until the consultant edits it or confirms on purpose; before that nothing of the
 * record exists (no row, no audit entry).
 */
let s = servicesClosedAfterEach({ ignoreCloseErrors: true });

function event(
	who: { id: number; email: string },
	office: { id: number; key: string },
	caseId: number,
	form: Record<string, string>
) {
	return routeEvent({
		path: `/intern/buero/${office.key}/begleitungen/${caseId}/gespraech`,
		params: { key: office.key, id: String(caseId) },
		routeId: '/intern/buero/[key]/begleitungen/[id]/gespraech',
		actor: staffActor({ ...who, role: 'office_lead', office }),
		form
	});
}

async function outcome(
	p: unknown
): Promise<{ status?: number; location?: string; data?: Record<string, unknown> }> {
	try {
		return (await p) as { status: number; data: Record<string, unknown> };
	} catch (e) {
		return e as { status?: number; location?: string };
	}
}

describe('record form: notes with sensitive content', () => {
	it('are blocked (nothing stored) until confirmed with sensitive_confirm=1', async () => {
		s = await testServices();
		setServices(s);
		const office = { id: await officeId(s, 'nw'), key: 'nw' };
		const lead = await staffIn(s, 'nw', 'office_lead');
		const c = await caseFixture(s, { consultantId: lead.id });
		await s.db
			.updateTable('case_file')
			.set({ notes_consent_version: 1, notes_consent_at: s.clock.now().getTime() })
			.where('id', '=', c.caseId)
			.execute();
		const form: Record<string, string> = {
			heldOn: '2026-06-15',
			format: 'phone',
			outcome: OUTCOMES[0],
			situation: 'Seit der Diagnose arbeitet sie halbtags.',
			advice: '',
			followUpWeeks: '',
			idempotencyKey: 'record-free-text-1'
		};
		for (let i = 1; i <= STEP_ROWS; i++) {
			form[`stepText${i}`] = i === 1 ? 'Honorar auf DE89 3704 0044 0532 0130 00 prüfen' : '';
			form[`stepOwner${i}`] = 'creative';
			form[`stepDue${i}`] = '';
		}
		const audits = async () => (await s!.db.selectFrom('audit_event').select('id').execute()).length;
		const before = await audits();

		const blocked = await outcome(actions.default!(event(lead, office, c.caseId, form)));
		expect(blocked.status).toBe(422);
		expect(blocked.data).toMatchObject({
			which: 'record',
			sensitive: { kinds: ['iban', 'health_keyword'], fields: ['situation', 'stepText1'] },
			values: { situation: 'Seit der Diagnose arbeitet sie halbtags.' }
		});
		expect(await s.db.selectFrom('consultation_record').select('id').execute()).toHaveLength(0);
		expect(await s.db.selectFrom('next_step').select('id').execute()).toHaveLength(0);
		expect(await audits()).toBe(before);

		const saved = await outcome(
			actions.default!(event(lead, office, c.caseId, { ...form, sensitive_confirm: '1' }))
		);
		expect(saved.status).toBe(303);
		expect(await s.db.selectFrom('consultation_record').select('situation').execute()).toEqual([
			{ situation: 'Seit der Diagnose arbeitet sie halbtags.' }
		]);
	});
});
