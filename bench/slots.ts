// Slots for one consultant over 8 weeks with 500 existing bookings: the median time of the pure
// `computeSlots`, against a baseline from the same run (a JSON round trip of the same input).
import {
	computeSlots,
	DEFAULT_BOOKING_SETTINGS,
	type RuleInput,
	type SlotInput
} from '../src/lib/server/booking/rules';
import { addDays, berlinInstant } from '../src/lib/time/berlin';

const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const GOAL_MS = 2;

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)]!;
}

/** A small deterministic generator, so every run measures the same input. */
function prng(seed: number): () => number {
	let x = seed;
	return () => {
		x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
		return x / 2_147_483_648;
	};
}

export function buildInput(): SlotInput {
	const consultantId = 1;
	const from = '2026-09-07'; // a Monday
	const now = new Date(berlinInstant('2026-09-06', '08:00'));
	const rules: RuleInput[] = [];
	for (let weekday = 1; weekday <= 6; weekday++) {
		rules.push(
			{
				consultantId,
				format: 'office',
				weekday,
				startTime: '08:00',
				endTime: '12:00',
				validFrom: null,
				validTo: null
			},
			{
				consultantId,
				format: 'phone',
				weekday,
				startTime: '12:00',
				endTime: '16:00',
				validFrom: null,
				validTo: null
			},
			{
				consultantId,
				format: 'video',
				weekday,
				startTime: '16:00',
				endTime: '20:00',
				validFrom: null,
				validTo: null
			}
		);
	}
	// 500 half-hour bookings on distinct half hours of the working days, 08:00–20:00.
	const random = prng(42);
	const taken = new Set<string>();
	const busy: SlotInput['busy'][number][] = [];
	while (busy.length < 500) {
		const date = addDays(from, Math.floor(random() * 56));
		const half = Math.floor(random() * 24);
		const key = `${date}|${half}`;
		if (taken.has(key)) continue;
		taken.add(key);
		const time = `${String(8 + Math.floor(half / 2)).padStart(2, '0')}:${half % 2 ? '30' : '00'}`;
		const start = berlinInstant(date, time);
		busy.push({ consultantId, start, end: start + 30 * 60_000 });
	}
	return {
		settings: {
			...DEFAULT_BOOKING_SETTINGS,
			durationOffice: 30,
			durationPhone: 30,
			durationVideo: 30,
			bufferMinutes: 0,
			minNoticeMinutes: 0
		},
		rules,
		overrides: [
			{
				consultantId,
				date: addDays(from, 10),
				kind: 'blocked',
				format: null,
				startTime: null,
				endTime: null
			},
			{
				consultantId,
				date: addDays(from, 20),
				kind: 'blocked',
				format: null,
				startTime: '10:00',
				endTime: '14:00'
			},
			{
				consultantId,
				date: addDays(from, 27),
				kind: 'extra',
				format: 'video',
				startTime: '08:00',
				endTime: '12:00'
			}
		],
		absences: [
			{
				consultantId,
				start: berlinInstant(addDays(from, 35), '00:00'),
				end: berlinInstant(addDays(from, 40), '00:00')
			}
		],
		busy,
		sprechtage: [
			{
				id: 1,
				consultantId,
				date: addDays(from, 13),
				startTime: '10:00',
				endTime: '16:00',
				status: 'planned'
			}
		],
		from,
		to: addDays(from, 55),
		now,
		consultantId
	};
}

function time(fn: () => unknown, runs: number): number[] {
	const out: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		fn();
		out.push(performance.now() - t0);
	}
	return out;
}

export async function slots(): Promise<void> {
	const input = buildInput();
	// Warm-up: JIT and the offset memo, as in a running server.
	let count = 0;
	for (let i = 0; i < 30; i++) count = computeSlots(input).length;
	time(() => JSON.parse(JSON.stringify(input)), 30);

	const compute = median(time(() => computeSlots(input), RUNS));
	const baseline = median(time(() => JSON.parse(JSON.stringify(input)), RUNS));
	console.log(
		`input: 1 consultant, 8 weeks, ${input.rules.length} weekly rules, ${input.busy.length} bookings → ${count} free slots`
	);
	console.log(
		`computeSlots median: ${compute.toFixed(3)} ms over ${RUNS} runs (goal ≤ ${GOAL_MS} ms: ${compute <= GOAL_MS ? 'met' : 'MISSED'})`
	);
	console.log(`baseline (JSON round trip of the same input) median: ${baseline.toFixed(3)} ms`);
	console.log(`ratio computeSlots / baseline: ${(compute / baseline).toFixed(2)}`);
}

// Run alone: `npx tsx bench/slots.ts`.
if (import.meta.url === `file://${process.argv[1]}`) await slots();
