import type { TestServices } from './test-database';
import { type BookingFixture, holdAndConfirm, holdInput } from './booking-fixtures';
import type { Actor } from '../../src/lib/server/identity/principal';
import { hashToken } from '../../src/lib/server/platform/tokens';
import { completePortalLogin, requestPortalLink } from '../../src/lib/server/portal/login';

/** Helpers for the portal and privacy tests (imported by *.test.ts only). */
export type PortalCreative = Extract<Actor, { kind: 'creative' }>;

/** The id of the creative row with this e-mail address. */
export async function creativeIdOf(s: Pick<TestServices, 'db'>, email: string): Promise<number> {
	const row = await s.db
		.selectFrom('creative')
		.select('id')
		.where('email', '=', email)
		.executeTakeFirstOrThrow();
	return Number(row.id);
}

/** The signed-in creative with this address, as the portal's locals hold them. */
export async function creativeActor(s: TestServices, email: string): Promise<PortalCreative> {
	return { kind: 'creative', id: await creativeIdOf(s, email), email, sessionHash: 'h' };
}

export async function bookAs(
	s: TestServices,
	f: BookingFixture,
	start: number,
	person: { name: string; email: string; phone?: string | null }
): Promise<{ bookingId: number; manageToken: string }> {
	const base = holdInput(f, start);
	return holdAndConfirm(s, {
		...base,
		intake: { ...base.intake, name: person.name, email: person.email, phone: person.phone ?? null }
	});
}

/** The token of the newest portal login mail to an address. */
export async function portalToken(s: TestServices, email: string): Promise<string> {
	const mail = await s.db
		.selectFrom('outbox')
		.select('text_body')
		.where('template', '=', 'portal.login')
		.where('to_address', '=', email)
		.orderBy('id', 'desc')
		.executeTakeFirstOrThrow();
	const m = /\/portal\/anmelden\/([A-Za-z0-9_-]+)/.exec(mail.text_body);
	if (!m) throw new Error('no portal link in mail');
	return m[1]!;
}

/** Request a link and press the button: a signed-in creative, as the portal sees them. */
export async function signIn(
	s: TestServices,
	email: string
): Promise<{ creativeId: number; sessionHash: string }> {
	const asked = await requestPortalLink(s, { email, clientAddress: '203.0.113.9', locale: 'de' });
	if (!asked.ok) throw new Error('link request throttled');
	const r = await completePortalLogin(s, {
		token: await portalToken(s, email),
		clientAddress: '203.0.113.9',
		userAgent: 'vitest',
		replacesSession: null
	});
	if (!r.ok) throw new Error(`login failed: ${r.reason}`);
	const row = await s.db
		.selectFrom('session')
		.select(['subject_id'])
		.where('id_hash', '=', hashToken(r.token))
		.executeTakeFirstOrThrow();
	return { creativeId: Number(row.subject_id), sessionHash: hashToken(r.token) };
}
