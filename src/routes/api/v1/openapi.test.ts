import { afterEach, describe, expect, it } from 'vitest';
import { testServices, type TestServices } from '../../../../tests/support/test-database';
import { openApiDocument } from '$lib/server/booking/openapi';
import { seedDirectory } from '$lib/server/directory/seed';
import { setServices } from '$lib/server/runtime';
import { apiEvent, apiFixture, bookingBody, postBooking } from './api-fixture';
import { POST as postBookings } from './bookings/+server';
import { GET as getOpenApi } from './openapi.json/+server';
import { GET as getContactPoints } from './contact-points/+server';
import { GET as getOffices } from './offices/+server';
import { GET as getSlots } from './offices/[id]/slots/+server';

type Json = Record<string, unknown>;
const doc = openApiDocument as unknown as Json;
const paths = doc.paths as Record<string, Record<string, Json>>;

function resolve(schema: Json): Json {
	const ref = schema.$ref as string | undefined;
	if (!ref) return schema;
	const parts = ref.replace(/^#\//, '').split('/');
	let node: unknown = doc;
	for (const p of parts) node = (node as Json)[p];
	expect(node, `unresolved ${ref}`).toBeDefined();
	return resolve(node as Json);
}

/** Problems of a value against a schema: required properties, types, enums, consts (enough for our documents). */
function problems(schema: Json, value: unknown, at = '$'): string[] {
	const s = resolve(schema);
	if (s.oneOf) {
		const fits = (s.oneOf as Json[]).filter((alt) => problems(alt, value, at).length === 0);
		return fits.length === 1 ? [] : [`${at}: matches ${fits.length} of oneOf`];
	}
	const out: string[] = [];
	const types = s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type];
	const typeOf = (v: unknown) =>
		v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v;
	if (
		types.length > 0 &&
		!types.some((t) => t === typeOf(value) || (t === 'number' && typeof value === 'number'))
	)
		out.push(`${at}: ${typeOf(value)} is not ${types.join('|')}`);
	if (s.enum && !(s.enum as unknown[]).includes(value)) out.push(`${at}: ${String(value)} not in enum`);
	if ('const' in s && s.const !== value) out.push(`${at}: ${String(value)} is not ${String(s.const)}`);
	if (s.format === 'date-time' && typeof value === 'string' && !/[+-]\d{2}:\d{2}$|Z$/.test(value))
		out.push(`${at}: date-time without offset`);
	if (typeOf(value) === 'object') {
		const obj = value as Json;
		for (const name of (s.required as string[] | undefined) ?? [])
			if (!(name in obj)) out.push(`${at}: missing required ${name}`);
		for (const [name, sub] of Object.entries((s.properties as Record<string, Json> | undefined) ?? {}))
			if (name in obj) out.push(...problems(sub, obj[name], `${at}.${name}`));
		if (s.additionalProperties && typeof s.additionalProperties === 'object')
			for (const [name, v] of Object.entries(obj))
				if (!(name in ((s.properties as Json | undefined) ?? {})))
					out.push(...problems(s.additionalProperties as Json, v, `${at}.${name}`));
	}
	if (typeOf(value) === 'array' && s.items)
		for (const [i, v] of (value as unknown[]).entries())
			out.push(...problems(s.items as Json, v, `${at}[${i}]`));
	return out;
}

async function conforms(path: string, method: string, res: Response) {
	const op = paths[path]?.[method];
	expect(op, `${method} ${path} documented`).toBeDefined();
	const response = (op!.responses as Record<string, Json>)[String(res.status)];
	expect(response, `${method} ${path} ${res.status} documented`).toBeDefined();
	const schema = ((response!.content as Json)['application/json'] as Json).schema as Json;
	const body = await res.json();
	expect(problems(schema, body), `${method} ${path} ${res.status}: ${JSON.stringify(body)}`).toEqual([]);
	for (const header of Object.keys((response!.headers as Json | undefined) ?? {}))
		expect(res.headers.has(header), `${method} ${path} ${res.status} header ${header}`).toBe(true);
	return body;
}

describe('the OpenAPI document', () => {
	it('is OpenAPI 3.1 with every path and method, each with responses and resolvable references', () => {
		expect(doc.openapi).toBe('3.1.0');
		expect((doc.info as Json).title).toEqual(expect.any(String));
		expect((doc.info as Json).version).toEqual(expect.any(String));
		const expected: [string, string, string[]][] = [
			['/offices', 'get', ['200', '429']],
			['/contact-points', 'get', ['200', '400', '429']],
			['/offices/{id}/slots', 'get', ['200', '400', '404', '429']],
			['/bookings', 'post', ['201', '400', '409', '422', '429']],
			['/events', 'get', ['200', '429']],
			['/profiles', 'get', ['200', '429']],
			['/events/{id}/registrations', 'post', ['201', '400', '404', '409', '422', '429']],
			['/openapi.json', 'get', ['200']]
		];
		expect(Object.keys(paths).sort()).toEqual(expected.map(([p]) => p).sort());
		for (const [path, method, codes] of expected) {
			const op = paths[path]![method]!;
			expect(op.operationId, `${method} ${path}`).toEqual(expect.any(String));
			expect(Object.keys(op.responses as Json).sort()).toEqual([...codes].sort());
			for (const r of Object.values(op.responses as Record<string, Json>)) {
				expect(r.description).toEqual(expect.any(String));
				const schema = ((r.content as Json)['application/json'] as Json).schema as Json;
				expect(resolve(schema)).toBeTypeOf('object');
			}
		}
		// Every $ref anywhere resolves.
		const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
		for (const r of refs) expect(resolve({ $ref: JSON.parse(`{${r}}`).$ref })).toBeDefined();
		// The checker itself catches a missing required property and a wrong type.
		expect(problems({ $ref: '#/components/schemas/OfficeList' }, { offices: [{ id: 1 }] })).not.toEqual([]);
		expect(
			problems(
				{ $ref: '#/components/schemas/Slot' },
				{ start: 'x', end: 'y', format: 'office', consultantId: '1' }
			)
		).not.toEqual([]);
		const key = (paths['/bookings']!.post!.parameters as Json[]).find((p) => p.name === 'Idempotency-Key');
		expect(key).toMatchObject({ in: 'header', required: true });
	});

	it('is served at /api/v1/openapi.json', async () => {
		const res = await getOpenApi(apiEvent('/api/v1/openapi.json'));
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual(JSON.parse(JSON.stringify(openApiDocument)));
	});
});

describe('real responses match the document', () => {
	let s: TestServices | null = null;
	afterEach(async () => {
		await s?.close().catch(() => {});
		s = null;
	});

	it('for every documented status the handlers produce', async () => {
		s = await testServices({ env: { API_RATE_LIMIT: '40' } });
		setServices(s);
		const { officeId } = await apiFixture(s);
		const slots = (id: string, q: string) =>
			getSlots(apiEvent(`/api/v1/offices/${id}/slots?${q}`, { params: { id } }));
		const post = (body: unknown, key: string | null) =>
			postBookings(postBooking(body, key)) as Promise<Response>;

		await conforms('/offices', 'get', await getOffices(apiEvent('/api/v1/offices')));
		await seedDirectory(s.db, s.clock.now());
		const cps = await conforms(
			'/contact-points',
			'get',
			await getContactPoints(apiEvent('/api/v1/contact-points?land=DE-NI'))
		);
		expect(cps.contactPoints.length).toBeGreaterThan(0);
		await conforms(
			'/contact-points',
			'get',
			await getContactPoints(apiEvent('/api/v1/contact-points?land=XX'))
		);
		const list = await conforms(
			'/offices/{id}/slots',
			'get',
			await slots(String(officeId), 'from=2026-06-17&to=2026-06-19')
		);
		expect(list.slots.length).toBeGreaterThan(0);
		await conforms('/offices/{id}/slots', 'get', await slots(String(officeId), 'from=2026-06-17'));
		await conforms('/offices/{id}/slots', 'get', await slots('9999', 'from=2026-06-17&to=2026-06-19'));

		const start = list.slots[0].start as string;
		const body = bookingBody(officeId, { start });
		const created = await conforms('/bookings', 'post', await post(body, 'doc-key-0001'));
		expect(created.status).toBe('pending_confirmation');
		await conforms('/bookings', 'post', await post(body, 'doc-key-0001'));
		await conforms(
			'/bookings',
			'post',
			await post(bookingBody(officeId, { start, email: 'b@example.org' }), 'doc-key-0002')
		);
		await conforms('/bookings', 'post', await post({ ...body, concern: 'anders' }, 'doc-key-0001'));
		await conforms('/bookings', 'post', await post({ ...body, land: 'XX' }, 'doc-key-0003'));
		await conforms('/bookings', 'post', await post('{', 'doc-key-0004'));
		await conforms('/bookings', 'post', await post(body, null));

		s.clock.advance(60_000);
		let last = await getOffices(apiEvent('/api/v1/offices'));
		for (let i = 0; i < 40; i++) last = await getOffices(apiEvent('/api/v1/offices'));
		expect(last.status).toBe(429);
		await conforms('/offices', 'get', last);
	});
});
