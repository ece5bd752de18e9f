import type { Locale } from '../../i18n/locale';
import { describe, expect, it } from 'vitest';
import { TEST_NOW, testServices } from '../../../../tests/support/test-database';
import { DAY } from '../../time/durations';
import { transact } from '../db/transaction';
import { hashToken } from '../platform/tokens';
import {
	addCase,
	auditRows,
	caseEvents,
	caseRow,
	mails,
	tokenFromMail
} from '../../../../tests/support/checkin-fixtures';
import { mintScope } from '../access/scope';
import { DEFAULT_CASE_SETTINGS } from '../cases/rhythm-rules';
import { saveCaseSettings } from '../cases/settings';
import { closeCaseWithFeedback, inspectFeedback, queueFeedbackMail, submitFeedback } from './feedback';
import { raceTest } from '../../../../tests/support/race-name';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

let s = servicesClosedAfterEach();

async function closedCase(options: { locale?: Locale; erased?: boolean } = {}) {
	s = await testServices();
	const f = await addCase(s, { status: 'closed', ...options });
	const queued = await transact(s.db, (trx) => queueFeedbackMail(trx, s!, f.caseId, s!.clock.now()));
	return { s, f, queued };
}

describe('queueFeedbackMail (inside closeCase)', () => {
	it('stores a hashed 30-day token and mails the rating link', async () => {
		const { s, f, queued } = await closedCase();
		expect(queued).toBe(true);
		const mail = (await mails(s, 'checkins.feedback'))[0]!;
		expect(mail).toMatchObject({ to_address: f.email, subject: 'Wie war die Begleitung?' });
		expect(mail.text_body).toContain('Regionalbüro Nordrhein-Westfalen');
		const token = await tokenFromMail(s, 'checkins.feedback', f.email, '/rueckmeldung/abschluss');
		const c = await caseRow(s, f.caseId);
		expect(c.feedback_token_hash).toBe(hashToken(token));
		expect(Number(c.feedback_token_expires_at)).toBe(TEST_NOW + 30 * DAY);
	});

	it('writes English for an English-speaking creative', async () => {
		const { s, f } = await closedCase({ locale: 'en' });
		const mail = (await mails(s, 'checkins.feedback'))[0]!;
		expect(mail.subject).toBe('How was the accompaniment?');
		expect(mail.text_body).toContain('/en/rueckmeldung/abschluss/');
		expect(f.caseId).toBeGreaterThan(0);
	});

	it('asks nobody when the creative is erased', async () => {
		const { s, f, queued } = await closedCase({ erased: true });
		expect(queued).toBe(false);
		expect(await mails(s, 'checkins.feedback')).toHaveLength(0);
		expect((await caseRow(s, f.caseId)).feedback_token_hash).toBeNull();
	});
});

describe("closeCaseWithFeedback (the case page's closure)", () => {
	it('closes and asks for feedback when the office wants it; not for a colleague; not when switched off', async () => {
		s = await testServices();
		const f = await addCase(s);
		const scope = mintScope(false, [f.officeId]);
		const mine = { id: f.consultantId, email: f.consultantEmail, role: 'consultant' as const };
		const colleague = { ...mine, id: f.consultantId + 1000 };
		const input = { caseId: f.caseId, reason: 'no_further_need' as const, outcome: null };

		expect(await closeCaseWithFeedback(s, colleague, scope, input)).toEqual({
			ok: false,
			reason: 'not_found'
		});
		expect(await mails(s, 'checkins.feedback')).toHaveLength(0);
		expect(await closeCaseWithFeedback(s, mine, scope, input, { requestId: 'r1' })).toEqual({
			ok: true,
			caseId: f.caseId
		});
		expect((await caseRow(s, f.caseId)).status).toBe('closed');
		expect(await mails(s, 'checkins.feedback')).toHaveLength(1);
		expect(await auditRows(s, 'case.closed')).toHaveLength(1);

		const other = await addCase(s);
		const lead = { id: other.consultantId, email: other.consultantEmail, role: 'office_lead' as const };
		const off = { ...DEFAULT_CASE_SETTINGS, feedbackMail: false };
		expect(await saveCaseSettings(s, lead, other.officeId, off)).toEqual({ ok: true });
		const closed = await closeCaseWithFeedback(s, lead, mintScope(false, [other.officeId]), {
			...input,
			caseId: other.caseId
		});
		expect(closed).toEqual({ ok: true, caseId: other.caseId });
		expect(await mails(s, 'checkins.feedback')).toHaveLength(1);
	});
});

describe('submitFeedback', () => {
	it.each([0, 6, 2.5, Number.NaN])('refuses the rating %s', async (rating) => {
		const { s, f } = await closedCase();
		const token = await tokenFromMail(s, 'checkins.feedback', f.email, '/rueckmeldung/abschluss');
		expect(await submitFeedback(s, token, { rating, comment: '' })).toEqual({
			ok: false,
			reason: 'invalid_rating'
		});
		expect((await caseRow(s, f.caseId)).feedback_at).toBeNull();
	});

	it('saves rating and comment once; GET shows it; the timeline gets the rating only', async () => {
		const { s, f } = await closedCase();
		const token = await tokenFromMail(s, 'checkins.feedback', f.email, '/rueckmeldung/abschluss');
		const open = await inspectFeedback(s.db, token, s.clock.now());
		expect(open).toMatchObject({ ok: true, state: 'open', view: { caseId: f.caseId, name: 'Kim Kreativ' } });
		expect((await caseRow(s, f.caseId)).feedback_at).toBeNull();

		s.clock.advance(DAY);
		expect(await submitFeedback(s, token, { rating: 4, comment: '  Sehr hilfreich, danke!  ' })).toEqual({
			ok: true,
			caseId: f.caseId
		});
		const c = await caseRow(s, f.caseId);
		expect(Number(c.feedback_rating)).toBe(4);
		expect(c.feedback_comment).toBe('Sehr hilfreich, danke!');
		expect(Number(c.feedback_at)).toBe(TEST_NOW + DAY);
		expect(await caseEvents(s, f.caseId)).toEqual([
			{ kind: 'feedback', actor: 'creative', data: { rating: 4 } }
		]);
		expect(await auditRows(s, 'case.feedback_given')).toEqual([
			expect.objectContaining({
				actor_kind: 'creative',
				actor_id: f.creativeId,
				data: JSON.stringify({ rating: 4 })
			})
		]);

		expect(await submitFeedback(s, token, { rating: 1, comment: 'anders' })).toEqual({
			ok: false,
			reason: 'given'
		});
		expect(Number((await caseRow(s, f.caseId)).feedback_rating)).toBe(4);
		expect(await inspectFeedback(s.db, token, s.clock.now())).toMatchObject({
			ok: true,
			state: 'given',
			given: { rating: 4, comment: 'Sehr hilfreich, danke!', at: TEST_NOW + DAY }
		});
		// A later closure of the same case does not ask again.
		expect(await transact(s.db, (trx) => queueFeedbackMail(trx, s, f.caseId, s.clock.now()))).toBe(false);
	});

	it(raceTest('of two parallel submits exactly one wins'), async () => {
		const { s, f } = await closedCase();
		const token = await tokenFromMail(s, 'checkins.feedback', f.email, '/rueckmeldung/abschluss');
		const results = await Promise.all([
			submitFeedback(s, token, { rating: 5, comment: '' }),
			submitFeedback(s, token, { rating: 3, comment: '' })
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(await caseEvents(s, f.caseId)).toHaveLength(1);
	});

	it('refuses an expired link, an unknown token and an over-long comment', async () => {
		const { s, f } = await closedCase();
		const token = await tokenFromMail(s, 'checkins.feedback', f.email, '/rueckmeldung/abschluss');
		expect(await submitFeedback(s, token, { rating: 3, comment: 'x'.repeat(4001) })).toEqual({
			ok: false,
			reason: 'too_long'
		});
		expect(await submitFeedback(s, 'C'.repeat(43), { rating: 3, comment: '' })).toEqual({
			ok: false,
			reason: 'invalid'
		});
		expect(await inspectFeedback(s.db, 'C'.repeat(43), s.clock.now())).toEqual({
			ok: false,
			reason: 'invalid'
		});
		s.clock.advance(30 * DAY);
		expect(await inspectFeedback(s.db, token, s.clock.now())).toEqual({ ok: false, reason: 'expired' });
		expect(await submitFeedback(s, token, { rating: 3, comment: '' })).toEqual({
			ok: false,
			reason: 'expired'
		});
		expect((await caseRow(s, f.caseId)).feedback_at).toBeNull();
	});
});
