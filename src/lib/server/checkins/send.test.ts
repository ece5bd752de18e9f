import { describe, expect, it } from 'vitest';
import { TEST_NOW, testServices } from '../../../../tests/support/test-database';
import { HOUR, DAY } from '../../time/durations';
import { runMinuteJobs } from '../background';
import { hashToken } from '../platform/tokens';
import {
	addCase,
	auditRows,
	caseEvents,
	caseRow,
	mails,
	tokenFromMail
} from '../../../../tests/support/checkin-fixtures';
import { sendDueCheckIns } from './send';
import { raceTest } from '../../../../tests/support/race-name';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

let s = servicesClosedAfterEach();

describe('sendDueCheckIns: which cases get a mail', () => {
	// Rules as data: status, due date relative to now, erased creative -> mail?
	const table: {
		label: string;
		status: 'open' | 'paused' | 'closed';
		due: number | null;
		erased?: boolean;
		mail: boolean;
	}[] = [
		{ label: 'open, due a day ago', status: 'open', due: TEST_NOW - DAY, mail: true },
		{ label: 'open, due exactly now', status: 'open', due: TEST_NOW, mail: true },
		{ label: 'open, due in an hour', status: 'open', due: TEST_NOW + HOUR, mail: false },
		{ label: 'open, no due date', status: 'open', due: null, mail: false },
		{ label: 'paused, due a day ago', status: 'paused', due: TEST_NOW - DAY, mail: false },
		{ label: 'closed, due a day ago', status: 'closed', due: TEST_NOW - DAY, mail: false },
		{ label: 'open, due, creative erased', status: 'open', due: TEST_NOW - DAY, erased: true, mail: false }
	];
	it.each(table)('$label -> mail: $mail', async (row) => {
		s = await testServices();
		const f = await addCase(s, { status: row.status, nextContactDueAt: row.due, erased: row.erased });
		const sent = await sendDueCheckIns(s);
		expect(sent).toBe(row.mail ? 1 : 0);
		const checkIns = await s.db.selectFrom('check_in').selectAll().where('case_id', '=', f.caseId).execute();
		expect(checkIns).toHaveLength(row.mail ? 1 : 0);
		expect(await mails(s, 'checkins.check_in')).toHaveLength(row.mail ? 1 : 0);
	});

	it('skips an undeliverable address and sends once the case is due, not before', async () => {
		s = await testServices();
		const bad = await addCase(s, { email: 'not-an-address', nextContactDueAt: TEST_NOW - DAY });
		const later = await addCase(s, { nextContactDueAt: TEST_NOW + 3 * DAY });
		expect(await sendDueCheckIns(s)).toBe(0);
		s.clock.advance(3 * DAY - 1);
		expect(await sendDueCheckIns(s)).toBe(0);
		s.clock.advance(1);
		expect(await sendDueCheckIns(s)).toBe(1);
		const rows = await s.db.selectFrom('check_in').select('case_id').execute();
		expect(rows.map((r) => Number(r.case_id))).toEqual([later.caseId]);
		expect(bad.caseId).not.toBe(later.caseId);
	});
});

describe('sendDueCheckIns: the check-in and its mail', () => {
	it('stores only the token hash, mails the link in the creative language, logs and audits', async () => {
		s = await testServices();
		const due = TEST_NOW - 2 * DAY;
		const de = await addCase(s, { nextContactDueAt: due, name: 'Kim Kreativ' });
		const en = await addCase(s, { nextContactDueAt: due, name: 'Alex Artist', locale: 'en' });
		expect(await sendDueCheckIns(s)).toBe(2);

		const deMail = (await mails(s, 'checkins.check_in')).find((m) => m.to_address === de.email)!;
		expect(deMail.subject).toBe('Wie geht es voran?');
		expect(deMail.text_body).toContain('Guten Tag Kim Kreativ,');
		expect(deMail.text_body).toContain('Regionalbüro Nordrhein-Westfalen');
		expect(deMail.text_body).toMatch(/http:\/\/localhost:\d+\/rueckmeldung\/[A-Za-z0-9_-]{40,}/);
		expect(deMail.office_id).toBe(de.officeId);

		const enMail = (await mails(s, 'checkins.check_in')).find((m) => m.to_address === en.email)!;
		expect(enMail.subject).toBe('How are things going?');
		expect(enMail.text_body).toMatch(/\/en\/rueckmeldung\/[A-Za-z0-9_-]{40,}/);

		const token = await tokenFromMail(s, 'checkins.check_in', de.email, '/rueckmeldung');
		const row = await s.db
			.selectFrom('check_in')
			.selectAll()
			.where('case_id', '=', de.caseId)
			.executeTakeFirstOrThrow();
		expect(row.token_hash).toBe(hashToken(token));
		expect(Number(row.due_at)).toBe(due);
		expect(Number(row.sent_at)).toBe(TEST_NOW);
		expect(Number(row.expires_at)).toBe(TEST_NOW + 30 * DAY);
		expect(row.answered_at).toBeNull();

		// The case stays overdue: sending does not move the next contact.
		expect(Number((await caseRow(s, de.caseId)).next_contact_due_at)).toBe(due);
		expect(await caseEvents(s, de.caseId)).toEqual([
			{ kind: 'check_in_sent', actor: 'system', data: { checkInId: Number(row.id), dueAt: due } }
		]);
		const audit = await auditRows(s, 'checkin.sent');
		expect(audit).toHaveLength(2);
		expect(audit[0]).toMatchObject({ actor_kind: 'system', subject_kind: 'check_in' });
	});

	it('sends once per due date: a second run sends nothing, a new due date sends again', async () => {
		s = await testServices();
		const f = await addCase(s, { nextContactDueAt: TEST_NOW - DAY });
		expect(await sendDueCheckIns(s)).toBe(1);
		s.clock.advance(HOUR);
		expect(await sendDueCheckIns(s)).toBe(0);
		expect(await mails(s, 'checkins.check_in')).toHaveLength(1);
		// A consultation (or an answer) moves the next contact; when that is due, a new mail goes.
		await s.db
			.updateTable('case_file')
			.set({ next_contact_due_at: TEST_NOW + 10 * DAY })
			.where('id', '=', f.caseId)
			.execute();
		s.clock.advance(10 * DAY);
		expect(await sendDueCheckIns(s)).toBe(1);
		expect(await mails(s, 'checkins.check_in')).toHaveLength(2);
	});

	it(raceTest('two parallel runs (two instances) send one mail per case'), async () => {
		s = await testServices();
		for (let i = 0; i < 3; i++) await addCase(s, { nextContactDueAt: TEST_NOW - DAY });
		const [a, b] = await Promise.all([sendDueCheckIns(s), sendDueCheckIns(s)]);
		expect(a + b).toBe(3);
		expect(await mails(s, 'checkins.check_in')).toHaveLength(3);
		expect(await s.db.selectFrom('check_in').select('id').execute()).toHaveLength(3);
		expect(
			await s.db.selectFrom('case_event').select('id').where('kind', '=', 'check_in_sent').execute()
		).toHaveLength(3);
	});

	it('runs as one of the minute jobs', async () => {
		s = await testServices();
		await addCase(s, { nextContactDueAt: TEST_NOW - DAY });
		const done = await runMinuteJobs(s);
		expect(done.checkIns).toBe(1);
		expect((await runMinuteJobs(s)).checkIns).toBe(0);
	});
});
