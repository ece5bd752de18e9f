import { addDays, berlinDate, isoWeekday } from '../../time/berlin';
import { DAY } from '../../time/durations';
import { seedDemoAvailability } from '../booking/index';
import { seedDirectory } from '../directory/index';
import { seedDemo, type DemoLogin } from '../identity/index';
import { fixedClock } from '../platform/clock';
import type { Services } from '../runtime';
import { loadDemoOffices } from './acting-staff';
import { morningJobs, runDailyJobs } from './case-life';
import { bookingsOfDay, closeTheDay } from './consultations';
import { planPastEvents, upcomingEvents } from './events';
import { deliverDemoMails } from './mail-links';
import { planProfiles } from './visibility';
import { seededRandom } from './random';
import { at, runAgenda, type Simulation } from './simulation';
import { bookToday, bookTodayOn } from './today';

/**
 * `seed-demo`: a believable network with a year of life, built by running the product's own
 * commands under a clock that moves day by day from a year ago to now. Every booking, record,
 * referral, check-in, event, profile and introduction went through its command, so every
 * rule, audit row, mail and statistics fact is real. The same seed gives the same network.
 */
export const DEMO_SEED = 20260101;
export const DEMO_DAYS = 365;

export interface DemoNetworkReport {
	logins: DemoLogin[];
	counts: Record<string, number>;
	ms: number;
}

export async function seedDemoNetwork(
	services: Services,
	options: { seed?: number; days?: number; progress?: (line: string) => void } = {}
): Promise<DemoNetworkReport | null> {
	const began = Date.now();
	const progress = options.progress ?? (() => {});
	const realNow = services.clock.now().getTime();
	const days = options.days ?? DEMO_DAYS;
	const today = berlinDate(realNow);
	const clock = fixedClock(new Date(realNow - (days + 1) * DAY));
	const sim: Simulation = {
		services: { ...services, clock },
		db: services.db,
		clock,
		random: seededRandom(options.seed ?? DEMO_SEED),
		offices: [],
		today,
		realNow,
		serial: 0,
		people: new Map(),
		agenda: new Map(),
		fates: new Map(),
		referralTargets: new Map(),
		counts: {}
	};
	const logins = await seedDemo(sim.services);
	if (!logins) return null;
	await seedDirectory(services.db, new Date(realNow));
	progress(`Demo: ${logins.length} staff accounts`);
	await seedDemoAvailability(services.db, new Date(realNow));
	sim.offices = await loadDemoOffices(services.db);
	const start = addDays(today, -days);
	for (const office of sim.offices) planPastEvents(sim, office, start);
	let week = 0;
	for (let day = start; day <= today; day = addDays(day, 1)) {
		at(sim, day, '07:30');
		await morningJobs(sim, day);
		at(sim, day, '12:00');
		await runAgenda(sim, day);
		if (day === bookTodayOn(today)) await bookToday(sim);
		if (day === addDays(today, -10)) await upcomingEvents(sim);
		if (day === addDays(today, -Math.min(100, Math.floor(days * 0.6)))) await planProfiles(sim, day);
		if (day < today) {
			at(sim, day, '12:30');
			for (const office of sim.offices) await bookingsOfDay(sim, office, day);
			at(sim, day, '19:00');
			await closeTheDay(sim, day);
		}
		if (isoWeekday(day) === 7) {
			// The delivery worker's run: older mails are "sent" (to .invalid), the last week's stay pending.
			if (addDays(day, 7) < today) await deliverDemoMails(sim.services);
			if (++week % 8 === 0)
				progress(`Demo: ${day} … ${summaryLine(sim.counts)} (${Math.round((Date.now() - began) / 1000)} s)`);
		}
	}
	// The jobs once more at the real time, so a fresh server finds nothing left over to send.
	clock.set(new Date(realNow));
	await runDailyJobs(sim);
	return { logins, counts: sim.counts, ms: Date.now() - began };
}

function summaryLine(counts: Record<string, number>): string {
	return ['first consultations booked', 'first consultations recorded', 'follow-ups recorded']
		.map((k) => `${counts[k] ?? 0} ${k}`)
		.join(', ');
}

export function printDemoSummary(report: DemoNetworkReport, out: (line: string) => void): void {
	out(`Demo-Netzwerk / demo network (${(report.ms / 1000).toFixed(1)} s):`);
	for (const [key, n] of Object.entries(report.counts).sort(([a], [b]) => a.localeCompare(b)))
		out(`  ${String(n).padStart(6)}  ${key}`);
}
