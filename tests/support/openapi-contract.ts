import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';
import { openApiDocument } from '../../src/lib/server/http/openapi-document';

/**
 * The contract check: a live answer of a handler against the generated OpenAPI description
 * (JSON Schema 2020-12, as OpenAPI 3.1 says) with Ajv. Its status must be documented for the
 * operation, its body valid against that response's schema, its documented headers present.
 * Every checked operation is remembered, so a test can prove that all were exercised.
 */
type Json = Record<string, unknown>;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
// OpenAPI's own keywords inside schemas are annotations, not validation.
ajv.addKeyword('example');

const paths = openApiDocument.paths as unknown as Record<string, Record<string, Json>>;
const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
export const exercised = new Set<string>();

export function operations(): string[] {
	return Object.entries(paths).flatMap(([path, ops]) =>
		Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)
	);
}

export async function conforms(path: string, method: string, res: Response): Promise<Json> {
	const op = paths[path]?.[method];
	expect(op, `${method} ${path} documented`).toBeDefined();
	const response = (op!.responses as Record<string, Json>)[String(res.status)];
	expect(response, `${method} ${path} ${res.status} documented`).toBeDefined();
	const key = `${method} ${path} ${res.status}`;
	const schema = ((response!.content as Json)['application/json'] as Json).schema as Json;
	if (!compiled.has(key)) compiled.set(key, ajv.compile(schema));
	const validate = compiled.get(key)!;
	const body = (await res.json()) as Json;
	const errors = validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
	expect(errors, `${key}: ${JSON.stringify(body).slice(0, 500)}`).toEqual([]);
	for (const header of Object.keys((response!.headers as Json | undefined) ?? {}))
		expect(res.headers.has(header), `${key} header ${header}`).toBe(true);
	exercised.add(`${method.toUpperCase()} ${path}`);
	return body;
}
