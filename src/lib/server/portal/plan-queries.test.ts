import { describe, expect, it } from 'vitest';
import { type TestServices, testServices } from '../../../../tests/support/test-database';
import { HOUR } from '../../time/durations';
import { bookingFixture } from '../../../../tests/support/booking-fixtures';
import { closeCase } from '../cases/case-commands';
import {
	confirmedBooking,
	consultant,
	noReferrals,
	officeScope,
	recordInput as baseRecord,
	kimWithNotesConsent
} from '../../../../tests/support/case-fixtures';
import { type RecordInput, recordConsultation } from '../cases/record';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

/** The shared fixture, without its default step (these tests count steps). */
const recordInput = (caseId: number, overrides: Partial<RecordInput> = {}) =>
	baseRecord(caseId, { steps: [], ...overrides });
import { addNextStep } from '../cases/steps';
import { seedDirectory } from '../directory/seed';
import { myCases, myFollowUpCases, stepOverdue } from './plan-queries';
import { creativeIdOf } from '../../../../tests/support/portal-fixtures';

let s = servicesClosedAfterEach();

/** A referral row on a record, as the referrals domain writes it (its writer is not under test here). */
async function referralOn(s: TestServices, caseId: number, recordId: number, serviceId: number) {
	const t = s.clock.now().getTime();
	await s.db
		.insertInto('referral')
		.values({
			case_id: caseId,
			record_id: recordId,
			service_id: serviceId,
			status: 'suggested',
			note: null,
			token_hash: null,
			token_expires_at: null,
			followup_due_at: t + 21 * 24 * HOUR,
			followup_sent_at: null,
			created_by: null,
			created_at: t,
			updated_at: t
		})
		.execute();
}

/**
 * Kim's case: a first talk with a situation note and unshared advice (steps shared, referrals
 * not), a second talk with shared advice and referrals but unshared steps, and two steps added
 * on the case page (one shared, one not). Alex has a case in the same office with shared advice.
 */
async function setup() {
	s = await testServices();
	const f = await bookingFixture(s);
	await seedDirectory(s.db, s.clock.now());
	const services = await s.db
		.selectFrom('cp_service as sv')
		.innerJoin('cp_organization as o', 'o.id', 'sv.organization_id')
		.select(['sv.id', 'sv.name', 'o.name as org'])
		.orderBy('sv.id')
		.limit(2)
		.execute();
	const [hidden, visible] = services.map((x) => ({ id: Number(x.id), name: x.name || x.org }));
	const scope = officeScope(f.officeId);
	const kim = await kimWithNotesConsent(s, f);
	const alex = await confirmedBooking(s, f, {
		day: '2026-06-16',
		email: 'alex@example.org',
		name: 'Alex Anders',
		notesConsent: true
	});
	s.clock.set(new Date(alex.start + 2 * HOUR));

	const first = await recordConsultation(
		s,
		consultant(f),
		scope,
		recordInput(kim.caseId, {
			bookingId: kim.bookingId,
			situation: 'GEHEIM-SITUATION: Krankheit in der Familie',
			advice: 'GEHEIM-RAT: nur für das Büro',
			share: { advice: false, steps: true, referrals: false },
			steps: [
				{ text: 'Kostenplan schreiben', owner: 'creative', dueOn: '2026-06-10' },
				{ text: 'Förderprogramme heraussuchen', owner: 'consultant', dueOn: null }
			]
		}),
		noReferrals
	);
	if (!first.ok || !('recordId' in first)) throw new Error('record failed');
	await referralOn(s, kim.caseId, first.recordId, hidden!.id);

	s.clock.advance(HOUR);
	const second = await recordConsultation(
		s,
		consultant(f),
		scope,
		recordInput(kim.caseId, {
			heldAt: s.clock.now().getTime() - HOUR,
			format: 'phone',
			topics: ['preise_honorare', 'finanzierung'],
			outcome: 'follow_up_needed',
			situation: 'ZWEITE-SITUATION',
			advice: 'Honorar mit Tagessatz kalkulieren',
			share: { advice: true, steps: false, referrals: true },
			steps: [{ text: 'INTERNER-SCHRITT aus Gespräch zwei', owner: 'consultant', dueOn: '2026-07-01' }]
		}),
		noReferrals
	);
	if (!second.ok || !('recordId' in second)) throw new Error('record failed');
	await referralOn(s, kim.caseId, second.recordId, visible!.id);
	await addNextStep(s, consultant(f), scope, {
		caseId: kim.caseId,
		step: { text: 'Portfolio aktualisieren', owner: 'creative', dueOn: '2026-06-20' },
		shared: true
	});
	await addNextStep(s, consultant(f), scope, {
		caseId: kim.caseId,
		step: { text: 'INTERN-NOTIZSCHRITT', owner: 'consultant', dueOn: null },
		shared: false
	});

	await recordConsultation(
		s,
		consultant(f),
		scope,
		recordInput(alex.caseId, {
			bookingId: alex.bookingId,
			advice: 'ALEX-RAT geteilt',
			share: { advice: true, steps: true, referrals: true },
			steps: [{ text: 'ALEX-SCHRITT', owner: 'creative', dueOn: null }]
		}),
		noReferrals
	);
	return {
		s,
		f,
		kim,
		alex,
		kimId: await creativeIdOf(s, 'kim@example.org'),
		alexId: await creativeIdOf(s, 'alex@example.org'),
		hidden: hidden!,
		visible: visible!
	};
}

describe('my plan and summaries in the portal', () => {
	it('shows shared steps and summaries; never the situation note, unshared advice, steps or referrals', async () => {
		const { s, kim, kimId, hidden, visible } = await setup();
		const cases = await myCases(s.db, kimId, 'de');
		expect(cases).toHaveLength(1);
		const c = cases[0]!;
		expect(c).toMatchObject({
			id: kim.caseId,
			officeName: expect.any(String),
			consultantName: 'Berta Beraterin',
			status: 'open',
			canBookFollowUp: true
		});
		// The plan: shared steps only, open ones by due day, undated last.
		expect(c.plan.map((p) => [p.text, p.owner, p.dueOn, p.doneAt])).toEqual([
			['Kostenplan schreiben', 'creative', '2026-06-10', null],
			['Portfolio aktualisieren', 'creative', '2026-06-20', null],
			['Förderprogramme heraussuchen', 'consultant', null, null]
		]);
		// Summaries newest first; advice only where shared, steps and referrals likewise.
		expect(c.summaries).toHaveLength(2);
		const [newer, older] = c.summaries;
		expect(newer).toMatchObject({
			kind: 'follow_up',
			format: 'phone',
			outcome: 'follow_up_needed',
			topics: ['Preise, Honorare, Kalkulation', 'Finanzierung (Kredit, Eigenkapital, Crowdfunding)'],
			advice: 'Honorar mit Tagessatz kalkulieren',
			steps: []
		});
		expect(newer!.referrals.map((r) => r.id)).toHaveLength(1);
		expect(newer!.referrals[0]!.serviceName).toBe(visible.name);
		expect(older).toMatchObject({
			kind: 'first',
			heldAt: kim.start,
			outcome: 'plan_agreed',
			advice: null,
			steps: ['Kostenplan schreiben', 'Förderprogramme heraussuchen'],
			referrals: []
		});

		const everything = JSON.stringify(cases);
		for (const secret of [
			'GEHEIM-SITUATION',
			'GEHEIM-RAT',
			'ZWEITE-SITUATION',
			'INTERNER-SCHRITT',
			'INTERN-NOTIZSCHRITT',
			'ALEX'
		])
			expect(everything).not.toContain(secret);
		if (hidden.name !== visible.name) expect(everything).not.toContain(hidden.name);
	});

	it('names topics in the reader’s language', async () => {
		const { s, kimId } = await setup();
		const [c] = await myCases(s.db, kimId, 'en');
		expect(c!.summaries[0]!.topics).toEqual([
			'Pricing, fees, costing',
			'Financing (loans, equity, crowdfunding)'
		]);
	});

	it('never shows another creative’s case; a creative without cases sees none', async () => {
		const { s, alex, alexId, kim } = await setup();
		const cases = await myCases(s.db, alexId, 'de');
		expect(cases.map((c) => c.id)).toEqual([alex.caseId]);
		expect(cases[0]!.plan.map((p) => p.text)).toEqual(['ALEX-SCHRITT']);
		expect(cases[0]!.summaries.map((r) => r.advice)).toEqual(['ALEX-RAT geteilt']);
		expect(JSON.stringify(cases)).not.toContain('Kostenplan');
		expect(cases.map((c) => c.id)).not.toContain(kim.caseId);
		expect(await myCases(s.db, 999_999, 'de')).toEqual([]);
		expect((await myFollowUpCases(s.db, alexId)).map((c) => c.id)).toEqual([alex.caseId]);
	});

	it('a closed case stays readable but offers no follow-up', async () => {
		const { s, f, kim, kimId } = await setup();
		expect((await myFollowUpCases(s.db, kimId)).map((c) => c.id)).toEqual([kim.caseId]);
		expect((await myFollowUpCases(s.db, kimId))[0]).toMatchObject({
			officePhone: '0234 123456',
			officeEmail: 'nw@kreativlotse.example',
			consultantName: 'Berta Beraterin'
		});
		await closeCase(s, consultant(f), officeScope(f.officeId), {
			caseId: kim.caseId,
			reason: 'no_further_need',
			outcome: null
		});
		const [c] = await myCases(s.db, kimId, 'de');
		expect(c).toMatchObject({ status: 'closed', canBookFollowUp: false });
		expect(c!.plan).toHaveLength(3);
		expect(await myFollowUpCases(s.db, kimId)).toEqual([]);
	});
});

describe('overdue steps', () => {
	const today = '2026-06-16';
	it.each([
		{ dueOn: '2026-06-15', doneAt: null, overdue: true },
		{ dueOn: '2026-06-16', doneAt: null, overdue: false },
		{ dueOn: '2026-06-17', doneAt: null, overdue: false },
		{ dueOn: null, doneAt: null, overdue: false },
		{ dueOn: '2026-06-01', doneAt: 1, overdue: false }
	])('due $dueOn, done $doneAt → overdue $overdue', ({ dueOn, doneAt, overdue }) => {
		expect(stepOverdue({ dueOn, doneAt }, today)).toBe(overdue);
	});
});
