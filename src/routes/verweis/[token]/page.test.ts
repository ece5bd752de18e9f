import { describe, expect, it } from 'vitest';
import { DAY } from '$lib/time/durations';
import { testServices } from '../../../../tests/support/test-database';
import { transact } from '$lib/server/db/transaction';
import { createReferrals } from '$lib/server/referrals/commands';
import { sendDueReferralFollowups } from '$lib/server/referrals/followup';
import {
	caseFixture,
	followupToken,
	serviceIdOf,
	staffIn,
	withDirectory
} from '../../../../tests/support/referral-fixtures';
import { setServices } from '$lib/server/runtime';
import { actions, load } from './+page.server';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

const post = (e: never) => Promise.resolve(actions.default!(e));

let s = servicesClosedAfterEach({ ignoreCloseErrors: true });

async function mailed() {
	s = await testServices();
	setServices(s);
	await withDirectory(s);
	const consultant = await staffIn(s, 'nw', 'consultant');
	const c = await caseFixture(s, { consultantId: consultant.id });
	const ksk = await serviceIdOf(s, 'ksk');
	const [id] = await transact(s.db, (trx) =>
		createReferrals(trx, {
			caseId: c.caseId,
			recordId: null,
			serviceIds: [ksk],
			staffId: consultant.id,
			now: s!.clock.now(),
			followupDays: 21
		})
	);
	s.clock.advance(21 * DAY);
	await sendDueReferralFollowups(s);
	return { id: id!, token: await followupToken(s, id!) };
}

function event(token: string, query = '', form?: Record<string, string>) {
	const url = new URL(`http://localhost/verweis/${token}${query}`);
	const body = new FormData();
	for (const [k, v] of Object.entries(form ?? {})) body.set(k, v);
	return {
		params: { token },
		url,
		locals: { locale: 'de', requestId: 'test' },
		setHeaders: () => {},
		request: new Request(url, { method: 'POST', body })
	} as never;
}

async function redirected(p: Promise<unknown>): Promise<string> {
	try {
		await p;
	} catch (e) {
		const r = e as { status?: number; location?: string };
		if (r.status === 303 && r.location) return r.location;
		throw e;
	}
	throw new Error('no redirect');
}

const statusOf = async (id: number) =>
	(await s!.db.selectFrom('referral').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
const changeCount = async (id: number) =>
	(await s!.db.selectFrom('referral_status_change').select('id').where('referral_id', '=', id).execute())
		.length;

describe('/verweis/[token]', () => {
	it('GET shows the referral with the answer from the link preselected and changes nothing; POST saves', async () => {
		const { id, token } = await mailed();
		const page = (await load(event(token, '?status=got_help'))) as Record<string, unknown>;
		expect(page).toMatchObject({ problem: null, chosen: 'got_help', referral: { id, status: 'suggested' } });
		expect(await statusOf(id)).toBe('suggested');
		expect(await changeCount(id)).toBe(1);

		const to = await redirected(post(event(token, '', { status: 'got_help' })));
		expect(to).toBe(`/verweis/${token}?gespeichert=got_help`);
		expect(await statusOf(id)).toBe('got_help');
		// The same button again (double submit) writes nothing; another answer corrects it.
		expect(await redirected(post(event(token, '', { status: 'got_help' })))).toContain('unveraendert=1');
		await redirected(post(event(token, '', { status: 'no_capacity' })));
		expect(await statusOf(id)).toBe('no_capacity');
		expect(await changeCount(id)).toBe(3);
	});

	it('an expired or unknown token gives a clear page and changes nothing', async () => {
		const { id, token } = await mailed();
		s!.clock.advance(31 * DAY);
		expect(await load(event(token, '?status=got_help'))).toMatchObject({
			problem: 'expired',
			referral: null
		});
		expect(await redirected(post(event(token, '', { status: 'got_help' })))).toBe(`/verweis/${token}`);
		expect(await statusOf(id)).toBe('suggested');
		expect(await load(event('A'.repeat(43)))).toMatchObject({ problem: 'invalid', referral: null });
	});
});
