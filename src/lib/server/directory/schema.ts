import { z } from 'zod';
import { checkbox, optionalEmail, optionalText, requiredText } from '../platform/form-fields';
import { LAND_ISOS } from '../reference/index';

/**
 * Input schemas of the directory of further contact points. Messages are catalogue keys
 * (i18n/catalogue/directory.ts); http/form.ts translates them by locale.
 */
export const CONTACT_POINT_KINDS = [
	'beratung',
	'foerderung',
	'versicherung',
	'netzwerk',
	'portal',
	'verband'
] as const;
export type ContactPointKind = (typeof CONTACT_POINT_KINDS)[number];

export const CONTACT_POINT_COSTS = ['free', 'fee', 'loan', 'mixed'] as const;
export type ContactPointCost = (typeof CONTACT_POINT_COSTS)[number];

export const SCOPES = ['bund', 'land'] as const;
export type Scope = (typeof SCOPES)[number];

/** Months after which an entry counts as "not verified" and shows up on the staff list. */
export const VERIFY_AFTER_MONTHS = 12;

/**
 * A website as stored: https://host[/path], lower-case host, no query or fragment. Accepts
 * a bare domain ("kuenstlersozialkasse.de") as the seed data has it. Null when not a web address.
 */
export function normalizeWebsite(value: string): string | null {
	const raw = value.trim();
	if (raw === '') return null;
	const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : `https://${raw}`;
	let url: URL;
	try {
		url = new URL(withScheme);
	} catch {
		return null;
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
	if (url.username || url.password || url.port) return null;
	if (!/^([a-z0-9-]+\.)+[a-z]{2,}$/.test(url.hostname)) return null;
	const path = url.pathname === '/' ? '' : url.pathname.replace(/\/$/, '');
	return `https://${url.hostname}${path}`;
}

/** The host of a stored website, as shown on a card ("kuenstlersozialkasse.de"). */
export function websiteDomain(website: string): string {
	try {
		return new URL(website).hostname.replace(/^www\./, '');
	} catch {
		return website;
	}
}

/** Keys appear in exports and URLs of other systems: lower case, digits, single hyphens. */
export const contactPointKey = () =>
	z
		.string()
		.trim()
		.toLowerCase()
		.min(1)
		.max(60)
		.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'directory.error.key' });

const missingAsEmpty = <T extends z.ZodType>(schema: T) =>
	z.preprocess((v) => (v === undefined ? '' : v), schema);

const website = () =>
	z
		.string()
		.trim()
		.max(300)
		.refine((v) => v === '' || normalizeWebsite(v) !== null, { message: 'directory.error.website' })
		.transform((v) => (v === '' ? null : normalizeWebsite(v)));

const phoneNumber = () =>
	z
		.string()
		.trim()
		.max(40)
		.regex(/^[0-9+()/\-\s]*$/, { message: 'directory.error.phone' })
		.transform((v) => (v === '' ? null : v));

const termKey = () =>
	z
		.string()
		.trim()
		.max(40)
		.regex(/^[a-z0-9_]+$/, { message: 'form.error.choice' });

const contactPointObject = z.object({
	name: requiredText(200),
	description: requiredText(2000),
	kind: z.enum(CONTACT_POINT_KINDS, { message: 'form.error.choice' }),
	cost: missingAsEmpty(
		z.union([z.enum(CONTACT_POINT_COSTS), z.literal('')], { message: 'form.error.choice' })
	).transform((v) => (v === '' ? null : v)),
	website: missingAsEmpty(website()),
	email: missingAsEmpty(optionalEmail()),
	phone: missingAsEmpty(phoneNumber()),
	advocacy: checkbox(),
	active: checkbox(),
	scope: z.enum(SCOPES, { message: 'directory.error.scope' }),
	laender: z.array(z.enum(LAND_ISOS, { message: 'form.error.choice' })).max(LAND_ISOS.length),
	topics: z.array(termKey()).max(50),
	submarkets: z.array(termKey()).max(50),
	/** An organisation's own description, beyond what the service helps with. */
	organizationDescription: missingAsEmpty(optionalText(2000))
});

/** A Land-level entry names at least one Land; a national one names none. */
const scopeFits = (v: { scope: Scope; laender: string[] }) => v.scope === 'bund' || v.laender.length > 0;

export const contactPointSchema = contactPointObject.refine(scopeFits, {
	message: 'directory.error.laender',
	path: ['laender']
});
export type ContactPointInput = z.output<typeof contactPointSchema>;

export const contactPointCreateSchema = contactPointObject
	.extend({ key: contactPointKey() })
	.refine(scopeFits, { message: 'directory.error.laender', path: ['laender'] });
export type ContactPointCreateInput = z.output<typeof contactPointCreateSchema>;

/** Search filters; values already checked against the reference data by the caller. */
export interface DirectoryFilter {
	land?: string | null;
	topic?: string | null;
	submarket?: string | null;
	q?: string | null;
}

export const MULTI_FIELDS = ['laender', 'topics', 'submarkets'] as const;
