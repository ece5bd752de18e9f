import { describe, expect, it } from 'vitest';
import type { ReferralStatus } from '../db/schema';
import {
	decideTransition,
	outcomeFigure,
	type RankInput,
	rankContactPoint,
	type TransitionDecision
} from './rules';

describe('decideTransition', () => {
	const table: [ReferralStatus, ReferralStatus, TransitionDecision][] = [
		['suggested', 'contacted', 'change'],
		['suggested', 'got_help', 'change'],
		['suggested', 'not_needed', 'change'],
		['contacted', 'no_help', 'change'],
		['contacted', 'no_capacity', 'change'],
		// Final statuses may still be corrected, also back to "contacted".
		['got_help', 'no_help', 'change'],
		['not_eligible', 'got_help', 'change'],
		['no_help', 'contacted', 'change'],
		// The same status again changes nothing (double submit).
		['got_help', 'got_help', 'unchanged'],
		['contacted', 'contacted', 'unchanged'],
		// Nothing goes back to the starting point.
		['contacted', 'suggested', 'refused'],
		['got_help', 'suggested', 'refused'],
		['suggested', 'suggested', 'refused']
	];
	it.each(table)('%s -> %s: %s', (from, to, expected) => {
		expect(decideTransition(from, to)).toBe(expected);
	});
	it('refuses values that are no status', () => {
		expect(decideTransition('suggested', 'done' as ReferralStatus)).toBe('refused');
	});
});

describe('outcomeFigure', () => {
	const table: [number, number, number | null][] = [
		[0, 0, null],
		[4, 4, null],
		[5, 1, 0.2],
		[5, 5, 1],
		[8, 6, 0.75]
	];
	it.each(table)('%i outcomes, %i got help -> share %s', (outcomes, gotHelp, share) => {
		expect(outcomeFigure(outcomes, gotHelp)).toEqual({ count: outcomes, gotHelpShare: share });
	});
});

describe('rankContactPoint', () => {
	const base: RankInput = {
		scope: 'bund',
		laender: [],
		topics: [],
		submarkets: [],
		advocacy: false,
		active: true
	};
	const input = { landIso: 'DE-NW', topics: ['foerderung', 'finanzierung'], submarket: 'musik' };
	const table: [string, Partial<RankInput>, false | number][] = [
		['national, no topic', {}, 0],
		['national, two topics', { topics: ['foerderung', 'finanzierung', 'raeume'] }, 4],
		['own Land, one topic', { scope: 'land', laender: ['DE-NW'], topics: ['foerderung'] }, 3],
		['other Land', { scope: 'land', laender: ['DE-BY'], topics: ['foerderung'] }, false],
		['advocacy body', { advocacy: true }, false],
		['inactive', { active: false }, false],
		['other sub-market only', { submarkets: ['film'] }, false],
		['matching sub-market', { submarkets: ['musik', 'film'] }, 1]
	];
	it.each(table)('%s', (_name, overrides, expected) => {
		const r = rankContactPoint({ ...base, ...overrides }, input);
		if (expected === false) expect(r.eligible).toBe(false);
		else expect(r).toMatchObject({ eligible: true, score: expected });
	});
	it('without a Land only national entries are eligible; without a sub-market none is excluded for it', () => {
		const noLand = { landIso: null, topics: [], submarket: null };
		expect(rankContactPoint({ ...base, scope: 'land', laender: ['DE-NW'] }, noLand).eligible).toBe(false);
		expect(rankContactPoint({ ...base, submarkets: ['film'] }, noLand).eligible).toBe(true);
	});
});
