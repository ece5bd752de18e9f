import { describe, expect, it } from 'vitest';
import {
	hsdsPageErrors,
	hsdsTaxonomyErrors,
	hsdsTaxonomyTermErrors
} from '../../../../../../tests/support/hsds-validator';
import { stableUuid, taxonomyUuid } from '$lib/server/directory/hsds-shape';
import { apiEvent } from '../../../../../../tests/support/api-fixtures';
import { GET as services } from '../services/+server';
import { GET as termById } from '../taxonomy_terms/[id]/+server';
import { GET as terms } from '../taxonomy_terms/+server';
import { GET as taxonomyById } from './[id]/+server';
import { GET as taxonomies } from './+server';
import { seededDirectoryPerTest } from '../../../../../../tests/support/directory-fixtures';

type Json = Record<string, any>;
const ready = seededDirectoryPerTest();

async function json(res: Response, status = 200): Promise<Json> {
	expect(res.status).toBe(status);
	expect(res.headers.get('content-type')).toContain('application/json');
	return res.json();
}

describe('HSDS 3.0 taxonomies and taxonomy terms, validated against the official schemas', () => {
	it('GET /taxonomies lists our five vocabularies; search filters; /taxonomies/{id} answers each, others 404', async () => {
		await ready();
		const body = await json(await taxonomies(apiEvent('/api/v1/hsds/taxonomies')));
		expect(hsdsPageErrors(body, hsdsTaxonomyErrors)).toEqual([]);
		expect(body.contents.map((t: Json) => t.name)).toEqual([
			'kreativlotse-topic',
			'kreativlotse-submarket',
			'kreativlotse-kind',
			'kreativlotse-cost',
			'kreativlotse-advocacy'
		]);
		expect(body.contents[2].id).toBe(taxonomyUuid('kreativlotse-kind'));
		const found = await json(await taxonomies(apiEvent('/api/v1/hsds/taxonomies?search=TEILMÄRKTE')));
		expect(found.contents.map((t: Json) => t.name)).toEqual(['kreativlotse-submarket']);
		const second = await json(await taxonomies(apiEvent('/api/v1/hsds/taxonomies?per_page=2&page=2')));
		expect(second).toMatchObject({ total_items: 5, total_pages: 3, size: 2, first_page: false });
		for (const t of body.contents) {
			const one = await json(
				await taxonomyById(apiEvent(`/api/v1/hsds/taxonomies/${t.id}`, { params: { id: t.id } }))
			);
			expect(hsdsTaxonomyErrors(one)).toEqual([]);
			expect(one).toEqual(t);
		}
		const id = stableUuid('nothing');
		expect(
			await json(await taxonomyById(apiEvent(`/api/v1/hsds/taxonomies/${id}`, { params: { id } })), 404)
		).toMatchObject({
			error: 'not_found'
		});
		await json(await taxonomies(apiEvent('/api/v1/hsds/taxonomies?per_page=0')), 400);
	});

	it('GET /taxonomy_terms has every term a service carries, with the same ids; filters by taxonomy_id and search', async () => {
		await ready();
		const all = await json(await terms(apiEvent('/api/v1/hsds/taxonomy_terms?per_page=200')));
		expect(hsdsPageErrors(all, hsdsTaxonomyTermErrors)).toEqual([]);
		expect(all.total_items).toBe(all.size);
		const byId = new Map(all.contents.map((t: Json) => [t.id, t]));
		const full = await json(await services(apiEvent('/api/v1/hsds/services?full=true&per_page=200')));
		const carried = full.contents.flatMap((c: Json) => c.attributes.map((a: Json) => a.taxonomy_term));
		expect(carried.length).toBeGreaterThan(29);
		for (const term of carried) expect(byId.get(term.id), term.code).toMatchObject(term);
		expect(byId.get(carried[0].id)).toMatchObject({ taxonomy_detail: { id: carried[0].taxonomy_id } });

		const kindId = taxonomyUuid('kreativlotse-kind');
		const kinds = await json(await terms(apiEvent(`/api/v1/hsds/taxonomy_terms?taxonomy_id=${kindId}`)));
		expect(kinds.size).toBeGreaterThan(2);
		expect(kinds.contents.every((t: Json) => t.taxonomy === 'kreativlotse-kind')).toBe(true);
		const insurance = await json(await terms(apiEvent('/api/v1/hsds/taxonomy_terms?search=versicherung')));
		expect(insurance.contents.map((t: Json) => `${t.taxonomy}/${t.code}`)).toContain(
			'kreativlotse-kind/versicherung'
		);
		// Flat vocabularies: every term is a top term, none has this (or any) parent.
		expect(
			(await json(await terms(apiEvent('/api/v1/hsds/taxonomy_terms?top_only=true&per_page=200')))).size
		).toBe(all.size);
		const parent = carried[0].id;
		expect((await json(await terms(apiEvent(`/api/v1/hsds/taxonomy_terms?parent_id=${parent}`)))).empty).toBe(
			true
		);
		await json(await terms(apiEvent('/api/v1/hsds/taxonomy_terms?taxonomy_id=nope')), 400);
	});

	it('GET /taxonomy_terms/{id} answers one term with its taxonomy; any other id 404', async () => {
		await ready();
		const all = await json(await terms(apiEvent('/api/v1/hsds/taxonomy_terms?per_page=200')));
		for (const t of all.contents.slice(0, 40)) {
			const one = await json(
				await termById(apiEvent(`/api/v1/hsds/taxonomy_terms/${t.id}`, { params: { id: t.id } }))
			);
			expect(hsdsTaxonomyTermErrors(one)).toEqual([]);
			expect(one).toEqual(t);
		}
		for (const id of [stableUuid('nothing'), 'not-a-uuid'])
			await json(await termById(apiEvent(`/api/v1/hsds/taxonomy_terms/${id}`, { params: { id } })), 404);
	});
});
