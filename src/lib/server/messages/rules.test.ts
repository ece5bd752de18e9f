import { describe, expect, it } from 'vitest';
import {
	answerDueDay,
	daysUntil,
	isAnswerOverdue,
	median,
	parseHolidays,
	reminderKindFor,
	safeFilename,
	sniffAttachment
} from './rules';

const bytes = (...b: number[]) => new Uint8Array(b);
const text = (s: string) => new TextEncoder().encode(s);

describe('sniffAttachment: the bytes decide, never the name', () => {
	it.each([
		{ label: 'PDF', input: text('%PDF-1.7\n...'), type: 'application/pdf' },
		{ label: 'PNG', input: bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), type: 'image/png' },
		{ label: 'JPEG', input: bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), type: 'image/jpeg' },
		{ label: 'HTML', input: text('<html><script>alert(1)</script>'), type: null },
		{ label: 'SVG', input: text('<svg xmlns="http://www.w3.org/2000/svg"/>'), type: null },
		{ label: 'truncated PNG', input: bytes(0x89, 0x50, 0x4e, 0x47), type: null },
		{ label: 'PDF signature later in the file', input: text(' %PDF-1.7'), type: null },
		{ label: 'empty', input: bytes(), type: null }
	])('$label -> $type', ({ input, type }) => {
		expect(sniffAttachment(input)).toBe(type);
	});
});

describe('safeFilename', () => {
	it.each([
		{ name: 'Angebot.pdf', type: 'application/pdf', out: 'Angebot.pdf' },
		{ name: 'C:\\Users\\kim\\Angebot KSK.pdf', type: 'application/pdf', out: 'Angebot KSK.pdf' },
		{ name: '../../etc/passwd', type: 'application/pdf', out: 'passwd.pdf' },
		{ name: 'bild.png', type: 'application/pdf', out: 'bild.png.pdf' },
		{ name: 'foto.JPEG', type: 'image/jpeg', out: 'foto.JPEG' },
		{ name: 'a"b;\r\nc.png', type: 'image/png', out: 'abc.png' },
		{ name: '', type: 'image/png', out: 'anhang.png' }
	] as const)('$name as $type -> $out', ({ name, type, out }) => {
		expect(safeFilename(name, type)).toBe(out);
	});
});

describe('answerDueDay: working days after arrival (Mon–Fri, office holidays)', () => {
	it.each([
		{ label: 'Monday + 3', arrived: '2026-06-15', days: 3, holidays: [], due: '2026-06-18' },
		{
			label: 'Friday + 3 skips the weekend',
			arrived: '2026-06-19',
			days: 3,
			holidays: [],
			due: '2026-06-24'
		},
		{ label: 'Saturday + 1', arrived: '2026-06-20', days: 1, holidays: [], due: '2026-06-22' },
		{
			label: 'a holiday in between',
			arrived: '2026-06-15',
			days: 3,
			holidays: ['2026-06-16'],
			due: '2026-06-19'
		},
		{
			label: 'Christmas week',
			arrived: '2026-12-23',
			days: 2,
			holidays: ['2026-12-24', '2026-12-25', '2026-12-31'],
			due: '2026-12-29'
		},
		{ label: 'DST change weekend', arrived: '2026-03-27', days: 1, holidays: [], due: '2026-03-30' }
	])('$label -> $due', ({ arrived, days, holidays, due }) => {
		expect(answerDueDay(arrived, days, holidays)).toBe(due);
	});

	it('overdue only after the due day has passed in Berlin, and never once answered', () => {
		const setting = { answerDays: 3, holidays: [] };
		const sent = Date.parse('2026-06-15T09:00:00Z'); // Monday
		expect(
			isAnswerOverdue({ createdAt: sent, answeredAt: null }, setting, new Date('2026-06-18T21:59:00Z'))
		).toBe(false);
		expect(
			isAnswerOverdue({ createdAt: sent, answeredAt: null }, setting, new Date('2026-06-18T22:00:00Z'))
		).toBe(true);
		expect(
			isAnswerOverdue({ createdAt: sent, answeredAt: sent + 1000 }, setting, new Date('2026-07-01T12:00:00Z'))
		).toBe(false);
	});
});

describe('reminderKindFor: one before, one on the day', () => {
	it.each([
		{
			label: 'three days ahead',
			due: '2026-06-18',
			today: '2026-06-15',
			before: 3,
			sent: [],
			kind: 'before'
		},
		{ label: 'four days ahead', due: '2026-06-19', today: '2026-06-15', before: 3, sent: [], kind: null },
		{
			label: 'two days ahead, before missed',
			due: '2026-06-17',
			today: '2026-06-15',
			before: 3,
			sent: [],
			kind: 'before'
		},
		{
			label: 'two days ahead, before sent',
			due: '2026-06-17',
			today: '2026-06-15',
			before: 3,
			sent: ['before'],
			kind: null
		},
		{ label: 'on the day', due: '2026-06-15', today: '2026-06-15', before: 3, sent: ['before'], kind: 'due' },
		{
			label: 'on the day, already sent',
			due: '2026-06-15',
			today: '2026-06-15',
			before: 3,
			sent: ['before', 'due'],
			kind: null
		},
		{ label: 'day after', due: '2026-06-14', today: '2026-06-15', before: 3, sent: [], kind: null },
		{ label: 'no date', due: null, today: '2026-06-15', before: 3, sent: [], kind: null },
		{
			label: 'lead time 0: only on the day',
			due: '2026-06-16',
			today: '2026-06-15',
			before: 0,
			sent: [],
			kind: null
		}
	] as const)('$label -> $kind', ({ due, today, before, sent, kind }) => {
		expect(reminderKindFor(due, today, before, sent)).toBe(kind);
	});

	it('counts days across the DST change', () => {
		expect(daysUntil('2026-03-27', '2026-03-30')).toBe(3);
		expect(daysUntil('2026-10-24', '2026-10-26')).toBe(2);
	});
});

describe('median and holidays', () => {
	it.each([
		{ values: [], out: null },
		{ values: [5], out: 5 },
		{ values: [9, 1, 5], out: 5 },
		{ values: [4, 1, 3, 2], out: 2.5 }
	])('median($values) = $out', ({ values, out }) => {
		expect(median(values)).toBe(out);
	});

	it('parses one day per line, sorted and unique; refuses what is not a day', () => {
		expect(parseHolidays('2026-12-25\n2026-12-24, 2026-12-25\n')).toEqual({
			ok: true,
			days: ['2026-12-24', '2026-12-25']
		});
		expect(parseHolidays('')).toEqual({ ok: true, days: [] });
		expect(parseHolidays('24.12.2026')).toEqual({ ok: false, bad: '24.12.2026' });
		expect(parseHolidays('2026-02-30')).toEqual({ ok: false, bad: '2026-02-30' });
	});
});
