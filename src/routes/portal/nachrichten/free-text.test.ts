import { describe, expect, it } from 'vitest';
import { routeEvent } from '../../../../tests/support/route-events';
import { testServices } from '../../../../tests/support/test-database';
import { addCase } from '../../../../tests/support/checkin-fixtures';
import { setServices } from '$lib/server/runtime';
import { actions } from './+page.server';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

/** Issue 13, part 5: a portal message with a tax ID waits for the creative's choice; nothing is stored before. */
let s = servicesClosedAfterEach({ ignoreCloseErrors: true });

function event(me: { id: number; email: string }, form: Record<string, string>) {
	return routeEvent({
		path: '/portal/nachrichten?/send',
		actor: { kind: 'creative', id: me.id, email: me.email, sessionHash: 'h' },
		form
	});
}

async function outcome(p: unknown): Promise<{ status?: number; data?: Record<string, unknown> }> {
	try {
		return (await p) as { status: number; data: Record<string, unknown> };
	} catch (e) {
		return e as { status?: number };
	}
}

describe('/portal/nachrichten: a message with a tax ID', () => {
	it('is refused with the warning and stored only after "Trotzdem speichern"', async () => {
		s = await testServices();
		setServices(s);
		const f = await addCase(s);
		const me = { id: f.creativeId, email: f.email };
		const form = {
			caseId: String(f.caseId),
			body: 'Meine Steuer-ID: 86 095 742 719',
			key: 'portal-free-text-1'
		};

		const refused = await outcome(actions.send!(event(me, form)));
		expect(refused.status).toBe(422);
		expect(refused.data).toMatchObject({ sensitive: { kinds: ['tax_id'], fields: ['body'] } });
		expect(await s.db.selectFrom('case_message').select('id').execute()).toHaveLength(0);
		expect(await s.db.selectFrom('outbox').select('id').execute()).toHaveLength(0);

		const sent = await outcome(actions.send!(event(me, { ...form, sensitive_confirm: '1' })));
		expect(sent.status).toBe(303);
		expect(await s.db.selectFrom('case_message').select('body').execute()).toEqual([
			{ body: 'Meine Steuer-ID: 86 095 742 719' }
		]);
	});
});
