import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Validators built from the official HSDS 3.0 schemas (tests/fixtures/hsds, copies with their
 * licence notice). The schemas declare no `$schema`, so Ajv's default draft (07) applies; they
 * carry descriptive keywords of their own (`constraints`, `core`, `datapackage_type`, …), hence
 * strict mode is off. Formats (uuid, uri, email, date-time) are checked.
 */
const fixture = (name: string) =>
	JSON.parse(readFileSync(fileURLToPath(new URL(`../fixtures/hsds/${name}`, import.meta.url)), 'utf8'));

const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
addFormats(ajv);

const service = ajv.compile(fixture('compiled-service.json'));
const serviceListItem = ajv.compile(fixture('compiled-service_list.json'));
const pageFields = ajv.compile(fixture('openapi.json').components.schemas.Page);
// The official taxonomy_term schema (with taxonomy_detail, the taxonomy schema) as compiled into the service's attributes.
const officialTerm = fixture('compiled-service.json').properties.attributes.items.properties.taxonomy_term;
const taxonomyTerm = ajv.compile(officialTerm);
const taxonomy = ajv.compile(officialTerm.properties.taxonomy_detail);
const meta = ajv.compile(
	fixture('openapi.json').paths['/'].get.responses['200'].content['application/json'].schema
);

export type HsdsCheck = (value: unknown) => string[];

const check =
	(validate: typeof service): HsdsCheck =>
	(value) =>
		validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

export const hsdsServiceErrors = check(service);
export const hsdsServiceListItemErrors = check(serviceListItem);
export const hsdsMetaErrors = check(meta);
export const hsdsTaxonomyErrors = check(taxonomy);
export const hsdsTaxonomyTermErrors = check(taxonomyTerm);

/**
 * A page against the official `Page` schema, every item against `item`, and what the schema's
 * descriptions say in words: `size` is the number of entries on this page, `empty` whether there are none.
 */
export function hsdsPageErrors(page: Record<string, unknown>, item: HsdsCheck): string[] {
	const errors = check(pageFields)(page);
	for (const k of ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty'])
		if (!(k in page)) errors.push(`${k} is missing`);
	const contents = page.contents;
	if (!Array.isArray(contents)) return [...errors, 'contents is not an array'];
	if (page.size !== contents.length) errors.push(`size ${page.size} for ${contents.length} items`);
	if (page.empty !== (contents.length === 0)) errors.push('empty does not match contents');
	contents.forEach((c, i) => {
		for (const e of item(c)) errors.push(`contents/${i}${e}`);
	});
	return errors;
}
