import { describe, expect, it } from 'vitest';
import { load } from './+page.server';
import { seededDirectoryPerTest } from '../../../tests/support/directory-fixtures';

const ready = seededDirectoryPerTest();

async function page(query: string) {
	await ready();
	const url = new URL(`http://localhost/anlaufstellen${query}`);
	return (await load({ url, locals: { locale: 'de' } } as never)) as Exclude<
		Awaited<ReturnType<typeof load>>,
		void
	>;
}

describe('/anlaufstellen', () => {
	it('lists everything without a query, and filters by Land (national plus that Land)', async () => {
		const all = await page('');
		expect(all.total).toBe(29);
		// 25 a page (issue 14); the second page holds the rest, none twice.
		expect(all.results).toHaveLength(25);
		const second = await page('?page=2');
		expect(second.results).toHaveLength(4);
		expect(new Set([...all.results, ...second.results].map((c) => c.id)).size).toBe(29);
		const ni = await page('?land=DE-NI&q=&topic=&submarket=');
		expect(ni.searched).toBe(true);
		expect(ni.results).toHaveLength(13);
		expect(ni.results[0]).toMatchObject({ key: 'vnkk', advocacy: true, laender: ['DE-NI'] });
	});

	it('ignores unknown filter values instead of failing', async () => {
		const r = await page('?land=XX&topic=nope&submarket=nope');
		expect(r.query).toEqual({ q: '', land: '', topic: '', submarket: '' });
		expect(r.total).toBe(29);
	});
});
