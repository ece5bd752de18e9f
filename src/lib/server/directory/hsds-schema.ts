import { z } from 'zod';

/**
 * The shapes our HSDS 3.0 API answers, as zod schemas: the TypeScript types come from them and
 * the OpenAPI description is generated from them, so the three cannot drift apart. Every field
 * that may have no value is optional (left out), never `null`: the official schemas allow only
 * strings there (tests validate every answer against them).
 */
export const HSDS_VERSION = '3.0';

const uuid = () => z.string().uuid();

export const hsdsTaxonomyTermSchema = z.object({
	id: uuid(),
	code: z.string(),
	name: z.string(),
	description: z.string(),
	taxonomy: z.string(),
	taxonomy_id: uuid(),
	language: z.string()
});

export const hsdsTaxonomySchema = z.object({
	id: uuid(),
	name: z.string(),
	description: z.string()
});

/** A term under /taxonomy_terms: with its taxonomy (`taxonomy_detail`). Our vocabularies are flat (no `parent_id`). */
export const hsdsTaxonomyTermFullSchema = hsdsTaxonomyTermSchema.extend({
	taxonomy_detail: hsdsTaxonomySchema
});

export const hsdsAttributeSchema = z.object({
	id: uuid(),
	link_id: uuid(),
	link_type: z.string(),
	link_entity: z.literal('service'),
	taxonomy_term_id: uuid(),
	taxonomy_term: hsdsTaxonomyTermSchema
});

export const hsdsServiceAreaSchema = z.object({
	id: uuid(),
	service_id: uuid(),
	name: z.string(),
	extent: z.string(),
	extent_type: z.literal('text')
});

export const hsdsPhoneSchema = z.object({ id: uuid(), organization_id: uuid(), number: z.string() });

export const hsdsOrganizationIdentifierSchema = z.object({
	id: uuid(),
	organization_id: uuid(),
	identifier_scheme: z.string(),
	identifier_type: z.string(),
	identifier: z.string()
});

/** The organisation as it appears in a list item: its one-to-one fields only. */
export const hsdsOrganizationBriefSchema = z.object({
	id: uuid(),
	name: z.string(),
	description: z.string(),
	email: z.string().optional(),
	website: z.string().optional()
});

export const hsdsOrganizationSchema = hsdsOrganizationBriefSchema.extend({
	phones: z.array(hsdsPhoneSchema),
	organization_identifiers: z.array(hsdsOrganizationIdentifierSchema)
});

/** An item of `/services`: the service's one-to-one fields with its organisation. */
export const hsdsServiceListItemSchema = z.object({
	id: uuid(),
	organization_id: uuid(),
	name: z.string(),
	description: z.string(),
	url: z.string().optional(),
	status: z.enum(['active', 'inactive']),
	assured_date: z.string().optional(),
	assurer_email: z.string().optional(),
	last_modified: z.string(),
	organization: hsdsOrganizationBriefSchema
});

/** A fully nested service: `/services/{id}` and `/services?full=true`. */
export const hsdsServiceSchema = hsdsServiceListItemSchema.extend({
	organization: hsdsOrganizationSchema,
	service_areas: z.array(hsdsServiceAreaSchema),
	attributes: z.array(hsdsAttributeSchema)
});

const pageFields = {
	total_items: z.number().int().describe('Entries matching the filters, on all pages.'),
	total_pages: z.number().int(),
	page_number: z.number().int(),
	size: z.number().int().describe('The number of entries on this page.'),
	first_page: z.boolean(),
	last_page: z.boolean(),
	empty: z.boolean()
};

export const hsdsServiceListPageSchema = z.object({
	...pageFields,
	contents: z.array(hsdsServiceListItemSchema)
});
export const hsdsServicePageSchema = z.object({ ...pageFields, contents: z.array(hsdsServiceSchema) });

export const hsdsTaxonomyPageSchema = z.object({ ...pageFields, contents: z.array(hsdsTaxonomySchema) });
export const hsdsTaxonomyTermPageSchema = z.object({
	...pageFields,
	contents: z.array(hsdsTaxonomyTermFullSchema)
});

export const hsdsMetaSchema = z.object({
	version: z.string().describe('HSDS version of this API.'),
	profile: z.string().optional(),
	openapi_url: z.string().describe('URL of the OpenAPI description of this API.')
});

/** Query of `/services`; anything that does not fit answers 400. */
export const HSDS_MAX_PER_PAGE = 200;
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
export const hsdsServicesQuerySchema = z.object({
	page: z.coerce.number().int().min(1).max(999_999).default(1),
	per_page: z.coerce.number().int().min(1).max(HSDS_MAX_PER_PAGE).default(50),
	search: z.string().trim().max(200).optional(),
	taxonomy_term_id: uuid().optional(),
	taxonomy_id: uuid().optional(),
	organization_id: uuid().optional(),
	modified_after: z.iso.datetime({ offset: true }).optional(),
	full: flag.optional(),
	format: z.literal('json').optional()
});
export type HsdsServicesQuery = z.output<typeof hsdsServicesQuerySchema>;

/** Query of `/taxonomies`. */
export const hsdsTaxonomiesQuerySchema = hsdsServicesQuerySchema.pick({
	page: true,
	per_page: true,
	search: true,
	format: true
});
export type HsdsTaxonomiesQuery = z.output<typeof hsdsTaxonomiesQuerySchema>;

/** Query of `/taxonomy_terms`. */
export const hsdsTaxonomyTermsQuerySchema = hsdsTaxonomiesQuerySchema.extend({
	taxonomy_id: uuid().optional(),
	top_only: flag.optional(),
	parent_id: uuid().optional()
});
export type HsdsTaxonomyTermsQuery = z.output<typeof hsdsTaxonomyTermsQuerySchema>;

export type HsdsTaxonomyTerm = z.infer<typeof hsdsTaxonomyTermSchema>;
export type HsdsTaxonomy = z.infer<typeof hsdsTaxonomySchema>;
export type HsdsTaxonomyTermFull = z.infer<typeof hsdsTaxonomyTermFullSchema>;
export type HsdsAttribute = z.infer<typeof hsdsAttributeSchema>;
export type HsdsServiceArea = z.infer<typeof hsdsServiceAreaSchema>;
export type HsdsOrganization = z.infer<typeof hsdsOrganizationSchema>;
export type HsdsServiceListItem = z.infer<typeof hsdsServiceListItemSchema>;
export type HsdsService = z.infer<typeof hsdsServiceSchema>;
export type HsdsServicePage = z.infer<typeof hsdsServicePageSchema>;
export type HsdsServiceListPage = z.infer<typeof hsdsServiceListPageSchema>;
