import { z } from 'zod';

/**
 * Building blocks for the OpenAPI 3.1 description of /api/v1. Every schema in it is generated
 * from the zod schema the handler parses its input with or types its answer by
 * (`z.toJSONSchema`, JSON Schema 2020-12 as OpenAPI 3.1 uses), so description and code cannot
 * drift apart. Each domain contributes its own paths (`<domain>/openapi.ts`); http/openapi-document.ts
 * assembles them.
 */
export type JsonSchema = Record<string, unknown>;
export type Operation = Record<string, unknown> & { responses: Record<string, Record<string, unknown>> };
export type Paths = Record<string, Record<string, Operation>>;

/** The JSON Schema of a zod schema: `input` for what a client sends, `output` for what we answer. */
export function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): JsonSchema {
	const { $schema: _, ...rest } = z.toJSONSchema(schema, {
		target: 'draft-2020-12',
		io,
		unrepresentable: 'any'
	}) as JsonSchema;
	return rest;
}

export const errorSchema = <const T extends readonly [string, ...string[]]>(codes: T) =>
	z.object({ error: z.enum(codes), message: z.string().optional() });

export const rateLimitedSchema = z.object({ error: z.literal('rate_limited') });
export const validationErrorSchema = z.object({
	error: z.literal('invalid'),
	fields: z
		.record(z.string(), z.string())
		.describe('Field path (dotted for nested fields, e.g. consents.processing) → message.')
});

export function jsonResponse(
	schema: z.ZodType,
	description: string,
	headers?: Record<string, unknown>
): Record<string, unknown> {
	return {
		description,
		...(headers ? { headers } : {}),
		content: { 'application/json': { schema: jsonSchema(schema) } }
	};
}

export const rateLimitedResponse = jsonResponse(
	rateLimitedSchema,
	'Too many requests from this client address; retry after the given seconds.',
	{ 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer', minimum: 1 } } }
);

/** 422 of an idempotent POST: field errors, or the key was used before with another body. */
export const invalidOrIdempotencyConflictResponse = {
	description: 'invalid: field errors; idempotency_conflict: the key was used with a different body.',
	content: {
		'application/json': {
			schema: {
				oneOf: [jsonSchema(validationErrorSchema), jsonSchema(errorSchema(['idempotency_conflict']))]
			}
		}
	}
};

/** Query parameters from a zod object: each field's input schema, required unless optional. */
export function queryParameters(schema: z.ZodObject, descriptions: Record<string, string> = {}) {
	const s = jsonSchema(schema, 'input') as { properties: Record<string, JsonSchema>; required?: string[] };
	return Object.entries(s.properties).map(([name, sub]) => ({
		name,
		in: 'query',
		required: (s.required ?? []).includes(name),
		...(descriptions[name] ? { description: descriptions[name] } : {}),
		schema: sub
	}));
}

export function idempotencyKeyParameter(limits: { min: number; max: number }, what: string) {
	return {
		name: 'Idempotency-Key',
		in: 'header',
		required: true,
		description: `A client-chosen unique key for this ${what} (${limits.min}–${limits.max} printable ASCII characters), e.g. a UUID. The same key with the same body answers with the same result; with a different body 422 idempotency_conflict.`,
		schema: { type: 'string', minLength: limits.min, maxLength: limits.max, pattern: '^[\\x21-\\x7e]+$' }
	};
}
