import { isActionFailure, isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { testServices } from '../../../tests/support/test-database';
import { transact } from '$lib/server/db/transaction';
import { queueFeedbackMail } from '$lib/server/checkins/feedback';
import { addCase, addStep, sentCheckInToken, tokenFromMail } from '../../../tests/support/checkin-fixtures';
import { sendDueCheckIns } from '$lib/server/checkins/send';
import { setServices } from '$lib/server/runtime';
import * as checkInPage from './[token]/+page.server';
import * as feedbackPage from './abschluss/[token]/+page.server';
import { servicesClosedAfterEach } from '../../../tests/support/services-per-test';
import { tokenPageEvent } from '../../../tests/support/route-events';

let s = servicesClosedAfterEach({ ignoreCloseErrors: true });

const event = tokenPageEvent;

const answerAction = (e: never) => checkInPage.actions.default!(e);
const feedbackAction = (e: never) => feedbackPage.actions.default!(e);

async function outcome(run: () => unknown) {
	try {
		return { result: await run() };
	} catch (e) {
		if (isRedirect(e)) return { redirect: e.location, status: e.status };
		throw e;
	}
}

describe('/rueckmeldung/[token]', () => {
	it('GET shows the form; invalid input keeps values with a German error; POST answers once', async () => {
		s = await testServices();
		setServices(s);
		const f = await addCase(s, { nextContactDueAt: s.clock.now().getTime() });
		const step = await addStep(s, f.caseId);
		await sendDueCheckIns(s);
		const token = await tokenFromMail(s, 'checkins.check_in', f.email, '/rueckmeldung');
		const path = `/rueckmeldung/${token}`;

		const shown = (await checkInPage.load(event(path, token))) as {
			checkIn: { ok: boolean; state?: string };
		};
		expect(shown.checkIn).toMatchObject({ ok: true, state: 'open' });

		const tooLong = await answerAction(
			event(path, token, { steps: String(step), changed: 'x'.repeat(4001), questions: 'Frage?' })
		);
		expect(isActionFailure(tooLong)).toBe(true);
		if (!isActionFailure(tooLong)) throw new Error('expected a failure');
		expect(tooLong.status).toBe(400);
		expect(tooLong.data).toMatchObject({
			errors: { changed: 'Bitte höchstens 4000 Zeichen.' },
			values: { steps: String(step), questions: 'Frage?' }
		});
		const stillOpen = await s.db.selectFrom('check_in').select('answered_at').executeTakeFirstOrThrow();
		expect(stillOpen.answered_at).toBeNull();

		const sent = await outcome(() =>
			answerAction(event(path, token, { steps: String(step), changed: 'Läuft', follow_up: 'on' }))
		);
		expect(sent).toEqual({ redirect: `${path}?danke=1`, status: 303 });
		const again = await answerAction(event(path, token, { changed: 'Nochmal' }));
		expect(isActionFailure(again) && again.status).toBe(409);
		const after = (await checkInPage.load(event(`${path}?danke=1`, token))) as {
			checkIn: { state: string; answer: { changed: string; wantsFollowUp: boolean; stepsDone: unknown[] } };
			thanks: boolean;
		};
		expect(after.thanks).toBe(true);
		expect(after.checkIn.state).toBe('answered');
		expect(after.checkIn.answer).toMatchObject({ changed: 'Läuft', wantsFollowUp: true });
		expect(after.checkIn.answer.stepsDone).toHaveLength(1);
	});

	it('counts a line break as one character, as the textarea maxlength did', async () => {
		s = await testServices();
		const token = await sentCheckInToken(s);
		const path = `/rueckmeldung/${token}`;
		// 450 line breaks: 3,900 characters in the browser, 4,350 with CRLF on the wire.
		const text = `${'a'.repeat(3000)}${'\r\nb'.repeat(450)}`;
		const r = await outcome(() => answerAction(event(path, token, { changed: text, questions: '' })));
		expect(r).toEqual({ redirect: `${path}?danke=1`, status: 303 });
		const row = await s.db.selectFrom('check_in').select('changed').executeTakeFirstOrThrow();
		expect(row.changed).toBe(text.replace(/\r\n/g, '\n'));
	});

	it('an unknown token redirects back to the page that explains it', async () => {
		s = await testServices();
		setServices(s);
		const token = 'Z'.repeat(43);
		const r = await outcome(() => answerAction(event(`/rueckmeldung/${token}`, token, {})));
		expect(r).toEqual({ redirect: `/rueckmeldung/${token}`, status: 303 });
		const shown = (await checkInPage.load(event(`/rueckmeldung/${token}`, token))) as { checkIn: unknown };
		expect(shown.checkIn).toEqual({ ok: false, reason: 'invalid' });
	});
});

describe('/rueckmeldung/abschluss/[token]', () => {
	it('requires a rating 1–5 (German error, comment kept) and saves once', async () => {
		s = await testServices();
		setServices(s);
		const f = await addCase(s, { status: 'closed' });
		await transact(s.db, (trx) => queueFeedbackMail(trx, s!, f.caseId, s!.clock.now()));
		const token = await tokenFromMail(s, 'checkins.feedback', f.email, '/rueckmeldung/abschluss');
		const path = `/rueckmeldung/abschluss/${token}`;

		for (const rating of [undefined, '0', '6', 'fünf']) {
			const form: Record<string, string> = { comment: 'Gut' };
			if (rating) form.rating = rating;
			const r = await feedbackAction(event(path, token, form));
			if (!isActionFailure(r)) throw new Error('expected a failure');
			expect(r.data).toMatchObject({
				errors: { rating: 'Bitte wählen Sie eine Bewertung von 1 bis 5.' },
				values: { comment: 'Gut' }
			});
		}
		const ok = await outcome(() => feedbackAction(event(path, token, { rating: '5', comment: 'Gut' })));
		expect(ok).toEqual({ redirect: `${path}?danke=1`, status: 303 });
		const again = await feedbackAction(event(path, token, { rating: '1' }));
		expect(isActionFailure(again) && again.status).toBe(409);
		const shown = (await feedbackPage.load(event(path, token))) as { feedback: unknown };
		expect(shown.feedback).toMatchObject({ ok: true, state: 'given', given: { rating: 5, comment: 'Gut' } });
	});
});
