import { z } from 'zod';
import { checkbox, choice, optionalEmail, optionalText, requiredText } from '../platform/form-fields';
import { referenceData } from './seed-data';

/**
 * Input schemas for the reference-data forms. Messages are catalogue keys (see
 * i18n/catalogue/reference.ts); http/form.ts translates them by locale.
 */
export const LAND_ISOS = referenceData.laender.map((l) => l.iso) as unknown as readonly [string, ...string[]];

export const REFERENCE_KINDS = ['submarket', 'topic', 'stage'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

export const SUBMARKET_GROUPS = ['kultur', 'kreativ', 'sonstige'] as const;
export type SubmarketGroup = (typeof SUBMARKET_GROUPS)[number];

/** Office keys appear in URLs (/intern/buero/hh-mv-sh): lower case, digits, single hyphens. */
export const officeKey = () =>
	z
		.string()
		.trim()
		.toLowerCase()
		.min(1)
		.max(40)
		.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'reference.error.officeKey' });

/** Keys of sub-markets, topics and stages are stored on records and never change. */
export const entryKey = () =>
	z
		.string()
		.trim()
		.min(1)
		.max(40)
		.regex(/^[a-z0-9_]+$/, { message: 'reference.error.entryKey' });

const optionalPostcode = () =>
	z
		.string()
		.trim()
		.regex(/^(\d{5})?$/, { message: 'reference.error.postcode' })
		.transform((v) => (v === '' ? null : v));

/** YYYY-MM-DD (a date input) or TT.MM.JJJJ (typed where a browser has no date picker), as ISO. */
export function isoDateOf(value: string): string | null {
	const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
	const iso = german ? `${german[3]}-${german[2]!.padStart(2, '0')}-${german[1]!.padStart(2, '0')}` : value;
	if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
	const d = new Date(`${iso}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}

const optionalDate = () =>
	z
		.string()
		.trim()
		.refine((v) => v === '' || isoDateOf(v) !== null, { message: 'reference.error.date' })
		.transform((v) => (v === '' ? null : isoDateOf(v)));

const sortOrder = () =>
	z
		.string()
		.trim()
		.regex(/^\d{1,4}$/, { message: 'form.error.number' })
		.transform(Number);

/** An optional field a hand-made request left out counts as empty, like an empty input. */
const missingAsEmpty = <T extends z.ZodType>(schema: T) =>
	z.preprocess((v) => (v === undefined ? '' : v), schema);

const phoneNumber = () =>
	z
		.string()
		.trim()
		.max(40)
		.regex(/^[0-9+()/\-\s]*$/, { message: 'reference.error.phone' });

export const contactFields = {
	phone: missingAsEmpty(phoneNumber()),
	email: missingAsEmpty(optionalEmail()),
	street: missingAsEmpty(optionalText(200)),
	postcode: missingAsEmpty(optionalPostcode()),
	city: missingAsEmpty(optionalText(100)),
	openingHours: missingAsEmpty(optionalText(500))
};

/** What an office lead may change on their own office page. */
export const officeContactSchema = z.object(contactFields);
export type OfficeContactInput = z.output<typeof officeContactSchema>;

const officeObject = z.object({
	name: requiredText(200),
	seat: requiredText(100),
	seatConfirmed: checkbox(),
	...contactFields,
	active: checkbox(),
	validFrom: missingAsEmpty(optionalDate()),
	validTo: missingAsEmpty(optionalDate()),
	laender: z.array(z.enum(LAND_ISOS, { message: 'form.error.choice' })).max(LAND_ISOS.length)
});

const validityOrder = <T extends { validFrom: string | null; validTo: string | null }>(v: T) =>
	v.validFrom === null || v.validTo === null || v.validFrom <= v.validTo;

export const officeSchema = officeObject.refine(validityOrder, {
	message: 'reference.error.dateOrder',
	path: ['validTo']
});
export type OfficeInput = z.output<typeof officeSchema>;

export const officeCreateSchema = officeObject
	.extend({ key: officeKey() })
	.refine(validityOrder, { message: 'reference.error.dateOrder', path: ['validTo'] });
export type OfficeCreateInput = z.output<typeof officeCreateSchema>;

export const entrySchema = z.object({
	nameDe: requiredText(200),
	nameEn: requiredText(200),
	active: checkbox(),
	sort: sortOrder(),
	/** Only sub-markets have a group (Kultur-/Kreativwirtschaft); ignored for the others. */
	group: choice(SUBMARKET_GROUPS).optional()
});
export type EntryInput = z.output<typeof entrySchema>;

export const entryCreateSchema = entrySchema.extend({ key: entryKey() });
export type EntryCreateInput = z.output<typeof entryCreateSchema>;
