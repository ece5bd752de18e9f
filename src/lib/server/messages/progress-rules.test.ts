import { describe, expect, it } from 'vitest';
import { progressMonths } from './progress-rules';

const at = (iso: string) => Date.parse(iso);

describe('progressMonths: one row per Berlin month from opening to now', () => {
	it('counts steps done (cumulative) and open at each month end, talks and referrals per month', () => {
		const rows = progressMonths(
			{
				openedAt: at('2026-03-10T10:00:00Z'),
				steps: [
					{ createdAt: at('2026-03-10T10:00:00Z'), doneAt: at('2026-04-02T10:00:00Z') },
					{ createdAt: at('2026-03-10T10:00:00Z'), doneAt: null },
					{ createdAt: at('2026-05-05T10:00:00Z'), doneAt: at('2026-05-20T10:00:00Z') }
				],
				talks: [at('2026-03-10T10:00:00Z'), at('2026-05-05T10:00:00Z')],
				referrals: [at('2026-03-10T10:00:00Z')]
			},
			new Date('2026-06-15T08:00:00Z')
		);
		expect(rows).toEqual([
			{ month: '2026-03', done: 0, open: 2, talks: 1, referrals: 1 },
			{ month: '2026-04', done: 1, open: 1, talks: 0, referrals: 0 },
			{ month: '2026-05', done: 2, open: 1, talks: 1, referrals: 0 },
			{ month: '2026-06', done: 2, open: 1, talks: 0, referrals: 0 }
		]);
	});

	it('puts an instant in its Berlin month (midnight on New Year, Europe/Berlin)', () => {
		const rows = progressMonths(
			{ openedAt: at('2026-12-31T23:30:00Z'), steps: [], talks: [at('2026-12-31T23:30:00Z')], referrals: [] },
			new Date('2027-01-02T00:00:00Z')
		);
		expect(rows).toEqual([{ month: '2027-01', done: 0, open: 0, talks: 1, referrals: 0 }]);
	});

	it('shows at most the last 36 months', () => {
		const rows = progressMonths(
			{ openedAt: at('2020-01-15T10:00:00Z'), steps: [], talks: [], referrals: [] },
			new Date('2026-06-15T08:00:00Z')
		);
		expect(rows).toHaveLength(36);
		expect(rows.at(-1)!.month).toBe('2026-06');
	});
});
