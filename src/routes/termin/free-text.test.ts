import { describe, expect, it } from 'vitest';
import { type TestServices, testServices } from '../../../tests/support/test-database';
import { bookingFixture, slotsOn } from '../../../tests/support/booking-fixtures';
import { setServices } from '$lib/server/runtime';
import { actions } from './+page.server';
import { servicesClosedAfterEach } from '../../../tests/support/services-per-test';

/**
 * Issue 13, part 5, acceptance: a booking concern with `12 150385 M 023` gets the warning and
 * nothing is stored; after the person removes the number and sends again, the stored concern
 * holds none of its digits. Through the real form action on a migrated database.
 */
let s = servicesClosedAfterEach({ ignoreCloseErrors: true });

const NUMBER = '12 150385 M 023';

function event(query: string, form: Record<string, string>) {
	const url = new URL(`http://localhost/termin?${query}`);
	const body = new FormData();
	for (const [k, v] of Object.entries(form)) body.set(k, v);
	return {
		url,
		locals: { locale: 'de', requestId: 'test', actor: null },
		getClientAddress: () => '203.0.113.9',
		setHeaders: () => {},
		request: new Request(url, { method: 'POST', body })
	} as never;
}

async function submit(query: string, form: Record<string, string>) {
	try {
		return {
			result: (await actions.default!(event(query, form))) as {
				status: number;
				data: Record<string, unknown>;
			}
		};
	} catch (e) {
		const r = e as { status?: number; location?: string };
		if (r.status === 303) return { redirect: r.location };
		throw e;
	}
}

/** Every row of the tables a booking request writes, as text: nothing of the number may be in it. */
async function stored(s: TestServices): Promise<string> {
	const tables = ['booking', 'creative', 'outbox', 'audit_event', 'case_file'] as const;
	const parts: string[] = [];
	for (const t of tables) parts.push(JSON.stringify(await s.db.selectFrom(t).selectAll().execute()));
	return parts.join('\n');
}

describe('/termin: a concern with a social insurance number', () => {
	it('is refused with the warning, nothing stored; sent again without it, none of its digits are stored', async () => {
		s = await testServices();
		setServices(s);
		const f = await bookingFixture(s);
		const [slot] = await slotsOn(s, f, '2026-06-17');
		const query = `plz=44787&buero=nw&format=office&slot=${slot!.start}-${f.consultantId}-0`;
		const form = {
			name: 'Kim Kreativ',
			email: 'kim@example.org',
			phone: '',
			postcode: '44787',
			land: 'DE-NW',
			submarket: 'design',
			stage: 'idee',
			topics: 'preise_honorare',
			concern: `Ich brauche Hilfe bei der KSK. Meine Nummer: ${NUMBER}`,
			heard_from: '',
			consent_processing: 'on',
			submission_id: 'freetext-submission-1'
		};
		const before = await stored(s);

		const first = await submit(query, form);
		expect(first.result?.status).toBe(422);
		const data = first.result!.data as {
			values: Record<string, string>;
			errors: Record<string, string>;
			sensitive: { kinds: string[]; fields: string[] };
		};
		expect(data.sensitive).toEqual({ kinds: ['social_insurance'], fields: ['concern'] });
		expect(data.errors.concern).toBe(
			'Dieser Text enthält eine Sozialversicherungsnummer. Noch ist nichts gespeichert.'
		);
		// The person's text comes back to their own field, and only there.
		expect(data.values.concern).toContain(NUMBER);
		expect(JSON.stringify({ ...data, values: undefined })).not.toContain('150385');
		expect(await stored(s)).toBe(before);
		expect(await s.db.selectFrom('booking').select('id').execute()).toHaveLength(0);

		// The person chose "Text ändern", removed the number and sent again.
		const second = await submit(query, { ...form, concern: 'Ich brauche Hilfe bei der KSK.' });
		expect(second.redirect).toBe('/termin/gesendet');
		const bookings = await s.db.selectFrom('booking').select(['concern']).execute();
		expect(bookings).toEqual([{ concern: 'Ich brauche Hilfe bei der KSK.' }]);
		const after = await stored(s);
		for (const part of ['150385', 'M 023', '12150385']) expect(after).not.toContain(part);
	});

	it('"Trotzdem speichern" (sensitive_confirm=1) stores the text as written: a warning, not a ban', async () => {
		s = await testServices();
		setServices(s);
		const f = await bookingFixture(s);
		const [slot] = await slotsOn(s, f, '2026-06-17');
		const query = `buero=nw&format=office&slot=${slot!.start}-${f.consultantId}-0`;
		const r = await submit(query, {
			name: 'Kim Kreativ',
			email: 'kim@example.org',
			postcode: '44787',
			land: 'DE-NW',
			submarket: 'design',
			stage: 'idee',
			topics: 'preise_honorare',
			concern: 'Seit der Diagnose arbeite ich weniger.',
			consent_processing: 'on',
			submission_id: 'freetext-submission-2',
			sensitive_confirm: '1'
		});
		expect(r.redirect).toBe('/termin/gesendet');
		expect(await s.db.selectFrom('booking').select('concern').execute()).toEqual([
			{ concern: 'Seit der Diagnose arbeite ich weniger.' }
		]);
	});
});
