import { describe, expect, it } from 'vitest';
import { auditRowsOf } from '../../../../tests/support/audit-rows';
import { DAY, WEEK } from '../../time/durations';
import { mintScope } from '../access/scope';
import { servicesWithBookingFixture } from '../../../../tests/support/booking-fixtures';
import { ensureConsentTexts } from '../booking/consent';
import { bookFollowUp, followUpSlots } from '../booking/follow-up';
import {
	closeCase,
	handOverCase,
	openCaseByStaff,
	reopenCase,
	setCaseFacts,
	setCaseGoals,
	setCaseStatus
} from './case-commands';
import { myCases } from '../portal/plan-queries';
import { exportCase } from './case-export';
import { caseView } from './case-view';
import { caseload } from './caseload';
import {
	bookingStatus,
	confirmedBooking,
	consultant,
	lead,
	noReferrals,
	officeScope,
	recordByConsultant,
	recordInput,
	kimWithNotesConsent
} from '../../../../tests/support/case-fixtures';
import { mergeCases } from './merge';
import { recordConsultation } from './record';
import { setStepDoneByCreative } from './steps';
import { caseTimeline } from './timeline';
import { closeServicesAfterEach } from '../../../../tests/support/services-per-test';

closeServicesAfterEach();

const setup = servicesWithBookingFixture;

describe('a case opens with the first confirmed booking', () => {
	it('one case per creative and office; a second booking joins it; a closed case reopens', async () => {
		const { s, f } = await setup();
		const first = await confirmedBooking(s, f, {
			day: '2026-06-16',
			email: 'Kim@Example.org',
			notesConsent: true
		});
		expect(first.caseId).toBeGreaterThan(0);
		const c = await s.db.selectFrom('case_file').selectAll().executeTakeFirstOrThrow();
		expect(c).toMatchObject({
			status: 'open',
			consultant_id: f.consultantId,
			name: 'Kim Kreativ',
			submarket: 'design'
		});
		expect(c.notes_consent_version).not.toBeNull();
		const creative = await s.db.selectFrom('creative').selectAll().executeTakeFirstOrThrow();
		expect(creative.email).toBe('kim@example.org');
		expect(creative.email_verified_at).not.toBeNull();

		await closeCase(s, consultant(f), officeScope(f.officeId), {
			caseId: first.caseId,
			reason: 'other',
			outcome: null
		});
		// Past the first appointment: the limit of open first consultations no longer applies.
		s.clock.set(new Date(first.start + 2 * 3_600_000));
		const second = await confirmedBooking(s, f, { day: '2026-06-19', email: 'kim@example.org' });
		expect(second.caseId).toBe(first.caseId);
		const reopened = await s.db.selectFrom('case_file').selectAll().executeTakeFirstOrThrow();
		expect(reopened.status).toBe('open');
		expect(await s.db.selectFrom('case_file').select('id').execute()).toHaveLength(1);
		const events = await s.db.selectFrom('case_event').select('kind').orderBy('id').execute();
		expect(events.map((e) => e.kind)).toEqual(['opened', 'closed', 'reopened']);
	});
});

describe('consultation record', () => {
	it('writes steps, moves the rhythm, marks the booking attended, and is idempotent', async () => {
		const { s, f } = await setup();
		const b = await confirmedBooking(s, f, { day: '2026-06-16', email: 'kim@example.org' });
		s.clock.set(new Date(b.start + 3_600_000));
		const input = { bookingId: b.bookingId, idempotencyKey: 'rec-1' };
		const r = await recordByConsultant(s, f, b.caseId, input);
		expect(r.ok).toBe(true);
		const again = await recordByConsultant(s, f, b.caseId, input);
		expect(again).toEqual(r);
		expect(await s.db.selectFrom('consultation_record').select('id').execute()).toHaveLength(1);
		expect(await s.db.selectFrom('next_step').select('id').execute()).toHaveLength(1);
		expect(await bookingStatus(s, b.bookingId)).toBe('attended');
		const c = await s.db.selectFrom('case_file').selectAll().executeTakeFirstOrThrow();
		expect(Number(c.last_contact_at)).toBe(b.start);
		// The office default: first check-in four weeks after the talk.
		expect(Number(c.next_contact_due_at)).toBe(b.start + 4 * WEEK);
		// A second record for the same booking is refused.
		const dup = await recordByConsultant(s, f, b.caseId, { bookingId: b.bookingId });
		expect(dup).toEqual({ ok: false, reason: 'already_recorded' });
	});

	it.each([
		{ consent: false, notes: { situation: 'Sorgen um Miete', advice: null }, expected: 'no_consent' },
		{ consent: false, notes: { situation: null, advice: null }, expected: 'ok' },
		{ consent: true, notes: { situation: 'Sorgen um Miete', advice: 'KSK prüfen' }, expected: 'ok' }
	])(
		'content notes need the consent (consent $consent, notes $notes.situation) → $expected',
		async ({ consent, notes, expected }) => {
			const { s, f } = await setup();
			const b = await confirmedBooking(s, f, {
				day: '2026-06-16',
				email: 'kim@example.org',
				notesConsent: consent
			});
			const r = await recordByConsultant(s, f, b.caseId, notes);
			expect(r.ok ? 'ok' : r.reason).toBe(expected);
		}
	);

	it('a record follow-up in N weeks sets the next contact; reading notes writes an audit row without content', async () => {
		const { s, f } = await setup();
		const b = await kimWithNotesConsent(s, f);
		const now = s.clock.now().getTime();
		await recordByConsultant(s, f, b.caseId, { situation: 'Geheimnis', followUpWeeks: 2 });
		const c = await s.db.selectFrom('case_file').selectAll().executeTakeFirstOrThrow();
		expect(Number(c.next_contact_due_at)).toBe(now + 2 * WEEK);
		const view = await caseView(
			s.db,
			consultant(f),
			officeScope(f.officeId),
			f.officeId,
			b.caseId,
			s.clock.now()
		);
		expect(view?.records[0]?.situation).toBe('Geheimnis');
		const audit = await s.db
			.selectFrom('audit_event')
			.selectAll()
			.where('action', '=', 'case.notes_read')
			.execute();
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({ actor_id: f.consultantId, subject_id: String(b.caseId) });
		expect(audit[0]!.data).not.toContain('Geheimnis');
	});
});

describe('who sees a case', () => {
	it.each([
		{ who: 'responsible consultant', actor: 'first', office: 'own', visible: true },
		{ who: 'other consultant of the office', actor: 'second', office: 'own', visible: false },
		{ who: 'office lead', actor: 'lead', office: 'own', visible: true },
		{ who: 'lead of another office', actor: 'lead', office: 'other', visible: false }
	] as const)('$who → visible: $visible', async ({ actor, office, visible }) => {
		const { s, f } = await setup();
		const b = await confirmedBooking(s, f, { day: '2026-06-16', email: 'kim@example.org' });
		const who = actor === 'lead' ? lead(999) : consultant(f, actor);
		const scope = office === 'own' ? officeScope(f.officeId) : officeScope(f.officeId + 1);
		const view = await caseView(s.db, who, scope, f.officeId, b.caseId, s.clock.now());
		expect(view !== null).toBe(visible);
		const r = await setCaseStatus(s, who, scope, { caseId: b.caseId, status: 'paused' });
		expect(r.ok).toBe(visible);
	});
});

describe('hand-over, pause, closure', () => {
	it('hands over to a colleague, who then sees it; closed cases are read-only until reopened', async () => {
		const { s, f } = await setup();
		const b = await confirmedBooking(s, f, { day: '2026-06-16', email: 'kim@example.org' });
		const scope = officeScope(f.officeId);
		expect(
			await handOverCase(s, consultant(f), scope, { caseId: b.caseId, toConsultantId: 123456, note: null })
		).toEqual({ ok: false, reason: 'invalid_target' });
		expect(
			(
				await handOverCase(s, consultant(f), scope, {
					caseId: b.caseId,
					toConsultantId: f.secondConsultantId,
					note: 'Bitte übernehmen'
				})
			).ok
		).toBe(true);
		expect(await caseView(s.db, consultant(f), scope, f.officeId, b.caseId, s.clock.now())).toBeNull();
		expect(
			await caseView(s.db, consultant(f, 'second'), scope, f.officeId, b.caseId, s.clock.now())
		).not.toBeNull();

		const hooks: boolean[] = [];
		const closed = await closeCase(
			s,
			consultant(f, 'second'),
			scope,
			{ caseId: b.caseId, reason: 'business_founded', outcome: 'GmbH gegründet' },
			{},
			async (_trx, _id, _now, feedback) => {
				hooks.push(feedback);
			}
		);
		expect(closed.ok).toBe(true);
		expect(hooks).toEqual([true]);
		expect(
			await recordConsultation(s, consultant(f, 'second'), scope, recordInput(b.caseId), noReferrals)
		).toEqual({ ok: false, reason: 'closed' });
		expect(
			await setCaseStatus(s, consultant(f, 'second'), scope, { caseId: b.caseId, status: 'paused' })
		).toEqual({
			ok: false,
			reason: 'closed'
		});
		expect((await reopenCase(s, consultant(f, 'second'), scope, { caseId: b.caseId })).ok).toBe(true);
		const c = await s.db.selectFrom('case_file').selectAll().executeTakeFirstOrThrow();
		expect(c.status).toBe('open');
		expect(c.close_reason).toBeNull();
	});
});

describe('caseload dashboard', () => {
	it('counts due, overdue, stalled and overdue steps for the responsible consultant', async () => {
		const { s, f } = await setup();
		const scope = officeScope(f.officeId);
		const a = await confirmedBooking(s, f, { day: '2026-06-16', email: 'a@example.org', name: 'Anna' });
		const b = await confirmedBooking(s, f, {
			day: '2026-06-16',
			email: 'b@example.org',
			name: 'Bert'
		});
		// Anna: talk today, step due 2026-06-20, next contact in 4 weeks.
		await recordByConsultant(s, f, a.caseId, {
			steps: [{ text: 'x', owner: 'creative', dueOn: '2026-06-20' }]
		});
		// Bert: follow-up in 1 week.
		await recordByConsultant(s, f, b.caseId, { followUpWeeks: 1, steps: [] });
		const filter = { consultantId: null, state: 'active' as const, attention: false, q: null };

		const now = s.clock.now();
		let load = await caseload(s.db, scope, consultant(f), f.officeId, now, filter);
		expect(load.counts).toMatchObject({ open: 2, due: 1, overdue: 0, overdueSteps: 0, stalled: 0 });

		s.clock.advance(8 * DAY);
		load = await caseload(s.db, scope, consultant(f), f.officeId, s.clock.now(), filter);
		expect(load.counts).toMatchObject({ due: 0, overdue: 1, overdueSteps: 1, stalled: 0 });

		s.clock.advance(60 * DAY);
		load = await caseload(s.db, scope, consultant(f), f.officeId, s.clock.now(), filter);
		expect(load.counts).toMatchObject({ overdue: 2, stalled: 2 });
		// The other consultant has no cases; a lead sees both.
		expect(
			(await caseload(s.db, scope, consultant(f, 'second'), f.officeId, s.clock.now(), filter)).rows
		).toHaveLength(0);
		expect((await caseload(s.db, scope, lead(1), f.officeId, s.clock.now(), filter)).rows).toHaveLength(2);
		// Paused cases are neither due nor stalled.
		await setCaseStatus(s, consultant(f), scope, { caseId: a.caseId, status: 'paused' });
		load = await caseload(s.db, scope, consultant(f), f.officeId, s.clock.now(), filter);
		expect(load.counts).toMatchObject({ open: 1, paused: 1, overdue: 1, stalled: 1 });
	});
});

describe('follow-up booking', () => {
	it('books with the case consultant only, as a follow-up, beyond the first-booking limit, from the portal', async () => {
		const { s, f } = await setup();
		const b = await confirmedBooking(s, f, { day: '2026-06-16', email: 'kim@example.org' });
		// Issue 16: a follow-up follows a talk that took place.
		await s.db.updateTable('booking').set({ status: 'attended' }).where('id', '=', b.bookingId).execute();
		const c = await s.db.selectFrom('case_file').selectAll().executeTakeFirstOrThrow();
		const who = { kind: 'creative' as const, creativeId: Number(c.creative_id) };
		const offered = await followUpSlots(s.db, who, b.caseId, '2026-06-17', s.clock.now());
		expect(offered?.slots.length).toBeGreaterThan(0);
		expect(new Set(offered!.slots.map((x) => x.consultantId))).toEqual(new Set([f.consultantId]));
		const slot = offered!.slots[0]!;
		const input = {
			caseId: b.caseId,
			start: slot.start,
			format: slot.format as 'office',
			idempotencyKey: 'fu-1'
		};
		const r = await bookFollowUp(s, who, input);
		expect(r).toMatchObject({ ok: true, existing: false });
		expect(await bookFollowUp(s, who, input)).toMatchObject({ ok: true, existing: true });
		const booking = await s.db
			.selectFrom('booking')
			.selectAll()
			.where('kind', '=', 'follow_up')
			.executeTakeFirstOrThrow();
		expect(booking).toMatchObject({
			status: 'confirmed',
			consultant_id: f.consultantId,
			email: 'kim@example.org'
		});
		expect(Number(booking.case_id)).toBe(b.caseId);
		// Someone else's case is not reachable; the slot just taken is gone.
		expect(
			await bookFollowUp(s, { kind: 'creative', creativeId: 999 }, { ...input, idempotencyKey: null })
		).toEqual({
			ok: false,
			reason: 'not_found'
		});
		expect(await bookFollowUp(s, who, { ...input, idempotencyKey: null })).toEqual({
			ok: false,
			reason: 'slot_taken'
		});
		const mails = await s.db.selectFrom('outbox').select(['template', 'to_address']).orderBy('id').execute();
		expect(mails.filter((m) => m.to_address === 'kim@example.org').length).toBeGreaterThanOrEqual(3);
	});
});

describe('portal steps, merge and timeline', () => {
	it('the creative ticks only their own shared steps; merging moves everything; the timeline tells it in order', async () => {
		const { s, f } = await setup();
		const scope = officeScope(f.officeId);
		const a = await confirmedBooking(s, f, { day: '2026-06-16', email: 'kim@example.org' });
		const b = await confirmedBooking(s, f, { day: '2026-06-16', email: 'kim.k@example.org' });
		await recordByConsultant(s, f, a.caseId);
		const step = await s.db.selectFrom('next_step').selectAll().executeTakeFirstOrThrow();
		const creatives = await s.db.selectFrom('creative').select(['id', 'email']).orderBy('id').execute();
		const [kim, kimK] = creatives.map((c) => Number(c.id));
		expect((await setStepDoneByCreative(s, kimK!, { stepId: Number(step.id), done: true })).ok).toBe(false);
		s.clock.advance(DAY);
		expect((await setStepDoneByCreative(s, kim!, { stepId: Number(step.id), done: true })).ok).toBe(true);

		expect(
			(await mergeCases(s, consultant(f), scope, { sourceCaseId: b.caseId, targetCaseId: a.caseId })).ok
		).toBe(false);
		s.clock.advance(DAY);
		const merged = await mergeCases(s, lead(1), scope, { sourceCaseId: b.caseId, targetCaseId: a.caseId });
		expect(merged).toEqual({ ok: true, caseId: a.caseId });
		expect(await s.db.selectFrom('case_file').select('id').execute()).toHaveLength(1);
		const bookings = await s.db.selectFrom('booking').select('case_id').execute();
		expect(bookings.map((x) => Number(x.case_id))).toEqual([a.caseId, a.caseId]);
		const dup = await s.db
			.selectFrom('creative')
			.selectAll()
			.where('id', '=', kimK!)
			.executeTakeFirstOrThrow();
		expect(Number(dup.merged_into_id)).toBe(kim);

		const timeline = await caseTimeline(s.db, a.caseId, {
			creativeEmail: 'kim@example.org',
			officeId: f.officeId
		});
		const kinds = timeline.map((e) => (e.kind === 'case_event' ? `event:${e.event}` : e.kind));
		expect(kinds[0]).toBe('event:merged');
		expect(kinds).toContain('step_completed');
		expect(kinds).toContain('record');
		expect(kinds.filter((k) => k === 'booking')).toHaveLength(2);
		expect(kinds).toContain('mail');
		for (let i = 1; i < timeline.length; i++)
			expect(timeline[i - 1]!.at).toBeGreaterThanOrEqual(timeline[i]!.at);
	});

	it('staff open a case for someone who called; one per creative and office', async () => {
		const { s, f } = await setup();
		const scope = mintScope(false, [f.officeId]);
		await ensureConsentTexts(s.db, s.clock.now());
		const input = {
			officeId: f.officeId,
			email: 'Neu@Example.org',
			name: 'Nora Neu',
			landIso: 'DE-NW',
			submarket: 'musik',
			stage: 'idee',
			topics: [],
			notesConsent: true,
			consultantId: null
		};
		const r = await openCaseByStaff(s, consultant(f), scope, input);
		expect(r.ok).toBe(true);
		expect(await openCaseByStaff(s, consultant(f), scope, input)).toMatchObject({
			ok: false,
			reason: 'exists'
		});
		expect(await openCaseByStaff(s, consultant(f), officeScope(f.officeId + 1), input)).toMatchObject({
			ok: false,
			reason: 'not_found'
		});
		const c = await s.db.selectFrom('case_file').selectAll().executeTakeFirstOrThrow();
		expect(c.consultant_id).toBe(f.consultantId);
		expect(c.notes_consent_version).not.toBeNull();
	});
});

describe('goals', () => {
	it('staff record goals; the portal plan shows them; closed cases refuse changes', async () => {
		const { s, f } = await setup();
		const b = await confirmedBooking(s, f, { day: '2026-06-16', email: 'kim@example.org' });
		const scope = officeScope(f.officeId);
		const r = await setCaseGoals(s, consultant(f), scope, {
			caseId: b.caseId,
			goals: 'Studio bis zum Frühjahr gründen'
		});
		expect(r.ok).toBe(true);
		expect(await setCaseGoals(s, consultant(f, 'second'), scope, { caseId: b.caseId, goals: 'x' })).toEqual({
			ok: false,
			reason: 'not_found'
		});
		const c = await s.db.selectFrom('case_file').select(['creative_id', 'goals']).executeTakeFirstOrThrow();
		expect(c.goals).toBe('Studio bis zum Frühjahr gründen');
		const portal = await myCases(s.db, Number(c.creative_id), 'de');
		expect(portal[0]?.goals).toBe('Studio bis zum Frühjahr gründen');
		const audit = await auditRowsOf(s.db, 'case.goals_changed');
		expect(audit).toHaveLength(1);
		await closeCase(s, consultant(f), scope, { caseId: b.caseId, reason: 'other', outcome: null });
		expect(await setCaseGoals(s, consultant(f), scope, { caseId: b.caseId, goals: null })).toEqual({
			ok: false,
			reason: 'closed'
		});
	});
});

describe('case file export', () => {
	it('exports the whole case for those who may see it, audited; nobody else gets anything', async () => {
		const { s, f } = await setup();
		const b = await kimWithNotesConsent(s, f);
		await recordByConsultant(s, f, b.caseId, { situation: 'Notiz' });
		const now = s.clock.now();
		expect(
			await exportCase(s.db, consultant(f, 'second'), officeScope(f.officeId), f.officeId, b.caseId, now)
		).toBeNull();
		expect(
			await exportCase(s.db, lead(1), officeScope(f.officeId + 1), f.officeId, b.caseId, now)
		).toBeNull();
		const data = await exportCase(s.db, consultant(f), officeScope(f.officeId), f.officeId, b.caseId, now);
		expect(data).toMatchObject({ case: { id: b.caseId, name: 'Kim Kreativ', email: 'kim@example.org' } });
		expect(JSON.stringify(data)).toContain('Notiz');
		const actions = (await s.db.selectFrom('audit_event').select('action').execute()).map((a) => a.action);
		expect(actions.filter((a) => a === 'case.exported')).toHaveLength(1);
		expect(actions.filter((a) => a === 'case.notes_read')).toHaveLength(1);
	});
});

describe('case details', () => {
	it('the stage moves on (idea → founding) with a timeline entry; nothing changes without a change', async () => {
		const { s, f } = await setup();
		const b = await confirmedBooking(s, f, { day: '2026-06-16', email: 'kim@example.org' });
		const scope = officeScope(f.officeId);
		const facts = {
			caseId: b.caseId,
			landIso: 'DE-NW',
			submarket: 'design',
			stage: 'gruendung',
			topics: ['steuern']
		};
		expect((await setCaseFacts(s, consultant(f), scope, facts)).ok).toBe(true);
		expect((await setCaseFacts(s, consultant(f), scope, facts)).ok).toBe(true);
		const c = await s.db.selectFrom('case_file').selectAll().executeTakeFirstOrThrow();
		expect([c.stage, JSON.parse(c.topics)]).toEqual(['gruendung', ['steuern']]);
		const events = await s.db
			.selectFrom('case_event')
			.select(['kind', 'data'])
			.where('kind', '=', 'stage')
			.execute();
		expect(events.map((e) => JSON.parse(e.data))).toEqual([{ from: 'idee', to: 'gruendung' }]);
		const audits = await auditRowsOf(s.db, 'case.facts_changed');
		expect(audits).toHaveLength(1);
		expect(await setCaseFacts(s, consultant(f, 'second'), scope, facts)).toEqual({
			ok: false,
			reason: 'not_found'
		});
	});
});
