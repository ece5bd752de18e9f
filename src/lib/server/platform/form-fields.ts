import { z } from 'zod';

/**
 * Building blocks for form schemas. Text is trimmed; empty optional text becomes null.
 * Messages come from http/form.ts by issue code, so schemas stay free of wording.
 */
export const requiredText = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) =>
	z
		.string()
		.trim()
		.max(max)
		.transform((v) => (v === '' ? null : v));
export const email = () => z.string().trim().toLowerCase().max(254).pipe(z.email());
export const optionalEmail = () =>
	z
		.string()
		.trim()
		.toLowerCase()
		.max(254)
		.transform((v) => (v === '' ? null : v))
		.pipe(z.email().nullable());
export const checkbox = () =>
	z
		.string()
		.optional()
		.transform((v) => v === 'on' || v === 'true' || v === '1');
export const choice = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values);
export const phone = () =>
	z
		.string()
		.trim()
		.max(40)
		.regex(/^[0-9+()/\-\s]*$/, { message: 'form.error.invalid' });
