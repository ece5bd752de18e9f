import { describe, expect, it } from 'vitest';
import { showsExactFigures, type StatsOutput } from './disclosure-rules';

describe('exact or suppressed statistics', () => {
	it.each([
		['own office on screen', [3], 3, 'page', true],
		['own office of several memberships', [2, 3], 3, 'page', true],
		['own office exported', [3], 3, 'export', false],
		['own office in the annual report', [3], 3, 'annual_report', false],
		['another office (network admin)', [], 3, 'page', false],
		['another office of a member elsewhere', [2], 3, 'page', false],
		['the network view', [3], null, 'page', false]
	] as const)('%s → exact %s', (_name, viewer, shown, output, expected) => {
		expect(showsExactFigures(viewer, shown, output as StatsOutput)).toBe(expected);
	});
});
