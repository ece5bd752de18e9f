import { isActionFailure, isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { testServices } from '../../../tests/support/test-database';
import * as checkInPage from './[token]/+page.server';
import { sentCheckInToken } from '../../../tests/support/checkin-fixtures';
import { servicesClosedAfterEach } from '../../../tests/support/services-per-test';
import { tokenPageEvent } from '../../../tests/support/route-events';

/** Issue 13, part 5: a check-in answer naming a health word waits for the person's choice. */
let s = servicesClosedAfterEach({ ignoreCloseErrors: true });

const event = (token: string, form: Record<string, string>) =>
	tokenPageEvent(`/rueckmeldung/${token}`, token, form);

describe('/rueckmeldung/[token] with sensitive text', () => {
	it('refuses until "Trotzdem speichern", storing nothing before', async () => {
		s = await testServices();
		const token = await sentCheckInToken(s);
		const form = { changed: 'Die Chemotherapie ist vorbei, ich arbeite wieder.', questions: '' };

		const refused = await checkInPage.actions.default!(event(token, form));
		if (!isActionFailure(refused)) throw new Error('expected a failure');
		expect(refused.status).toBe(422);
		expect(refused.data).toMatchObject({
			sensitive: { kinds: ['health_keyword'], fields: ['changed'] },
			values: { changed: form.changed }
		});
		const open = await s.db
			.selectFrom('check_in')
			.select(['answered_at', 'changed'])
			.executeTakeFirstOrThrow();
		expect(open.answered_at).toBeNull();

		try {
			await checkInPage.actions.default!(event(token, { ...form, sensitive_confirm: '1' }));
			throw new Error('expected a redirect');
		} catch (e) {
			if (!isRedirect(e)) throw e;
			expect(e.status).toBe(303);
		}
		const answered = await s.db.selectFrom('check_in').select(['changed']).executeTakeFirstOrThrow();
		expect(answered.changed).toBe(form.changed);
	});
});
