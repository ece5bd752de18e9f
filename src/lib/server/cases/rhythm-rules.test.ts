import { describe, expect, it } from 'vitest';
import { DAY, WEEK } from '../../time/durations';
import {
	DEFAULT_CASE_SETTINGS,
	dueAfterConsultation,
	dueAfterContact,
	dueState,
	isStalled,
	isStepOverdue
} from './rhythm-rules';

const NOW = Date.parse('2026-11-29T10:00:00Z');

describe('rhythm rules', () => {
	it.each([
		{ due: null, expected: 'none' },
		{ due: NOW - 1, expected: 'overdue' },
		{ due: NOW, expected: 'overdue' },
		{ due: NOW + 1, expected: 'due' },
		{ due: NOW + 7 * DAY, expected: 'due' },
		{ due: NOW + 7 * DAY + 1, expected: 'later' }
	])('next contact $due → $expected', ({ due, expected }) => {
		expect(dueState(due, NOW)).toBe(expected);
	});

	it.each([
		{ last: NOW - 60 * DAY, opened: NOW - 100 * DAY, stalled: false },
		{ last: NOW - 60 * DAY - 1, opened: NOW - 100 * DAY, stalled: true },
		{ last: null, opened: NOW - 61 * DAY, stalled: true },
		{ last: null, opened: NOW - 59 * DAY, stalled: false }
	])('last contact $last, opened $opened → stalled $stalled', ({ last, opened, stalled }) => {
		expect(isStalled(last, opened, NOW, DEFAULT_CASE_SETTINGS)).toBe(stalled);
	});

	it.each([
		{ dueOn: null, doneAt: null, today: '2026-11-29', overdue: false },
		{ dueOn: '2026-11-29', doneAt: null, today: '2026-11-29', overdue: false },
		{ dueOn: '2026-11-28', doneAt: null, today: '2026-11-29', overdue: true },
		{ dueOn: '2026-11-28', doneAt: NOW, today: '2026-11-29', overdue: false }
	])('step due $dueOn on $today (done $doneAt) → overdue $overdue', ({ dueOn, doneAt, today, overdue }) => {
		expect(isStepOverdue(dueOn, doneAt, today)).toBe(overdue);
	});

	it('first check-in after a consultation follows the record, else the office; later ones the interval', () => {
		expect(dueAfterConsultation(NOW, DEFAULT_CASE_SETTINGS, null)).toBe(NOW + 4 * WEEK);
		expect(dueAfterConsultation(NOW, DEFAULT_CASE_SETTINGS, 2)).toBe(NOW + 2 * WEEK);
		expect(dueAfterContact(NOW, { ...DEFAULT_CASE_SETTINGS, checkinIntervalWeeks: 6 })).toBe(NOW + 6 * WEEK);
	});
});
