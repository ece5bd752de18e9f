import { describe, expect, it } from 'vitest';
import { routeEvent, type StaffWho, staffActor } from '../../../../../../../tests/support/route-events';
import { type TestServices, testServices } from '../../../../../../../tests/support/test-database';
import {
	caseFixture,
	caseOfficeCast,
	recordFixture,
	staffIn,
	withDirectory
} from '../../../../../../../tests/support/referral-fixtures';
import { setServices } from '$lib/server/runtime';
import {
	actions as portalActions,
	load as portalLoad
} from '../../../../../portal/einwilligungen/+page.server';
import { actions } from './+page.server';
import { servicesClosedAfterEach } from '../../../../../../../tests/support/services-per-test';

/** Issue 13, part 3, through the routes: the staff action on the case page and the portal page. */
let s = servicesClosedAfterEach({ ignoreCloseErrors: true });

function staffEvent(
	who: Omit<StaffWho, 'office'>,
	office: { id: number; key: string },
	caseId: number,
	form: Record<string, string>
) {
	return routeEvent({
		path: `/intern/buero/${office.key}/begleitungen/${caseId}`,
		params: { key: office.key, id: String(caseId) },
		routeId: '/intern/buero/[key]/begleitungen/[id]',
		actor: staffActor({ ...who, office }),
		form
	});
}

function portalEvent(me: { id: number; email: string }, query = '') {
	return routeEvent({
		path: `/portal/einwilligungen${query}`,
		actor: { kind: 'creative', id: me.id, email: me.email, sessionHash: 'h' }
	});
}

async function outcome(p: unknown): Promise<{ status?: number; location?: string; data?: unknown }> {
	try {
		return { data: await p };
	} catch (e) {
		return e as { status?: number; location?: string };
	}
}

async function withNotes(s: TestServices, consultantId: number) {
	const c = await caseFixture(s, { consultantId, email: 'kim@example.org' });
	const t = s.clock.now().getTime();
	await s.db
		.updateTable('case_file')
		.set({ notes_consent_version: 1, notes_consent_at: t })
		.where('id', '=', c.caseId)
		.execute();
	const record = await recordFixture(s, c.caseId, consultantId);
	await s.db
		.updateTable('consultation_record')
		.set({ situation: 'Lage', advice: 'Rat' })
		.where('id', '=', record)
		.execute();
	return c;
}

async function notes(s: TestServices, caseId: number) {
	return s.db
		.selectFrom('consultation_record')
		.select(['situation', 'advice'])
		.where('case_id', '=', caseId)
		.execute();
}

describe('staff record a withdrawal on the case page', () => {
	it('needs the confirmation, is refused (404) to a colleague and another office, and deletes the notes for the consultant', async () => {
		s = await testServices();
		setServices(s);
		const { nw, by, consultant, colleague } = await caseOfficeCast(s);
		const foreign = await staffIn(s, 'by', 'office_lead');
		const c = await withNotes(s, consultant.id);
		const act = actions.notesConsentWithdrawn!;

		const unconfirmed = (await outcome(act(staffEvent(consultant, nw, c.caseId, {})))).data as {
			status: number;
			data: { which: string; errors: Record<string, string> };
		};
		expect(unconfirmed.status).toBe(400);
		expect(unconfirmed.data.which).toBe('withdrawal');
		expect(unconfirmed.data.errors.confirm).toBe('Bitte bestätigen Sie, dass die Person widerrufen hat.');

		expect((await outcome(act(staffEvent(colleague, nw, c.caseId, { confirm: 'ja' })))).status).toBe(404);
		expect((await outcome(act(staffEvent(foreign, by, c.caseId, { confirm: 'ja' })))).status).toBe(404);
		expect(await notes(s, c.caseId)).toEqual([{ situation: 'Lage', advice: 'Rat' }]);

		const done = await outcome(act(staffEvent(consultant, nw, c.caseId, { confirm: 'ja' })));
		expect(done).toMatchObject({
			status: 303,
			location: `/intern/buero/nw/begleitungen/${c.caseId}?ok=consentWithdrawn`
		});
		expect(await notes(s, c.caseId)).toEqual([{ situation: null, advice: null }]);
		const audit = await s.db
			.selectFrom('audit_event')
			.select(['actor_id', 'data'])
			.where('action', '=', 'case.notes_consent_withdrawn')
			.execute();
		expect(audit.map((a) => [Number(a.actor_id), JSON.parse(a.data).records])).toEqual([[consultant.id, 1]]);
	});
});

describe('/portal/einwilligungen', () => {
	it('lists the consents with version and date, withdraws the notes consent and then shows the withdrawal', async () => {
		s = await testServices();
		setServices(s);
		await withDirectory(s);
		const consultant = await staffIn(s, 'nw', 'consultant');
		const c = await withNotes(s, consultant.id);
		const me = { id: c.creativeId, email: c.email };
		type Page = {
			consents: { kind: string; version: number | null; at: number | null; withdrawnAt: number | null }[];
			canWithdraw: boolean;
			withdrawn: number | null;
		};
		const before = (await portalLoad(portalEvent(me))) as Page;
		const t = s.clock.now().getTime();
		expect(before.canWithdraw).toBe(true);
		expect(before.consents).toEqual([
			expect.objectContaining({ kind: 'notes', version: 1, at: t, withdrawnAt: null })
		]);

		const done = await outcome(portalActions.withdrawNotes!(portalEvent(me)));
		expect(done).toMatchObject({ status: 303, location: '/portal/einwilligungen?widerrufen=1' });
		expect(await notes(s, c.caseId)).toEqual([{ situation: null, advice: null }]);

		const after = (await portalLoad(portalEvent(me, '?widerrufen=1'))) as Page;
		expect(after.canWithdraw).toBe(false);
		expect(after.withdrawn).toBe(1);
		expect(after.consents).toEqual([
			expect.objectContaining({ kind: 'notes', version: null, withdrawnAt: t })
		]);

		// Again (a second tab): nothing to withdraw, no error.
		expect(await outcome(portalActions.withdrawNotes!(portalEvent(me)))).toMatchObject({
			status: 303,
			location: '/portal/einwilligungen?widerrufen=0'
		});
	});

	it('sends a visitor without a portal session away', async () => {
		s = await testServices();
		setServices(s);
		const anonymous = {
			url: new URL('http://localhost/portal/einwilligungen'),
			locals: { actor: { kind: 'anonymous' }, locale: 'de', requestId: 't' }
		} as never;
		expect(
			(await outcome(Promise.resolve().then(() => portalLoad(anonymous)))).status
		).toBeGreaterThanOrEqual(300);
	});
});
