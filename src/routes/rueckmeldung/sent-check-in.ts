import { sendDueCheckIns } from '$lib/server/checkins/send';
import { setServices } from '$lib/server/runtime';
import { addCase, tokenFromMail } from '../../../tests/support/checkin-fixtures';
import type { TestServices } from '../../../tests/support/test-database';

/**
 * Test fixture of the check-in page tests: `s` serves the routes, a case's check-in is due and
 * its mail sent; the token of the mail's link.
 */
export async function sentCheckInToken(s: TestServices): Promise<string> {
	setServices(s);
	const f = await addCase(s, { nextContactDueAt: s.clock.now().getTime() });
	await sendDueCheckIns(s);
	return tokenFromMail(s, 'checkins.check_in', f.email, '/rueckmeldung');
}
