import { addDays, berlinInstant } from '../../time/berlin';
import type { Db } from '../db/transaction';
import type { fixedClock } from '../platform/clock';
import type { Services } from '../runtime';
import type { DemoOffice, DemoStaff } from './acting-staff';
import type { DemoPerson } from './people';
import type { Random } from './random';

/**
 * The state of one demo run: the services whose clock the generator moves day by day, the
 * random source, the offices with their staff, and an agenda of things people do on later days
 * (answer a mail, cancel, close a case). Nothing here writes; the writers are the product's commands.
 */
export type MovingClock = ReturnType<typeof fixedClock>;

export interface Simulation {
	services: Services;
	db: Db;
	clock: MovingClock;
	random: Random;
	offices: DemoOffice[];
	/** Berlin date and instant the demo is built towards (the real "now"). */
	today: string;
	realNow: number;
	/** Running number that keeps demo addresses unique. */
	serial: number;
	/** Who each booking's creative is, for later answers. */
	people: Map<number, DemoPerson>;
	agenda: Map<string, (() => Promise<void>)[]>;
	/** What becomes of each past booking: attended, no-show or cancelled beforehand. */
	fates: Map<number, 'attend' | 'no_show' | 'cancel'>;
	/** Contact points suggested per Land and topic (the first three are where people are referred). */
	referralTargets: Map<string, number[]>;
	counts: Record<string, number>;
}

export function schedule(sim: Simulation, day: string, task: () => Promise<void>): void {
	if (day >= sim.today) return; // the future is left to the people who try the demo
	const list = sim.agenda.get(day) ?? [];
	list.push(task);
	sim.agenda.set(day, list);
}

export async function runAgenda(sim: Simulation, day: string): Promise<void> {
	// A task may plan more for the same day (a reply on the day the mail came): run until none is left.
	for (let tasks = sim.agenda.get(day); tasks; tasks = sim.agenda.get(day)) {
		sim.agenda.delete(day);
		for (const task of tasks) await task();
	}
}

export function count(sim: Simulation, key: string, n = 1): void {
	sim.counts[key] = (sim.counts[key] ?? 0) + n;
}

/** Moves the demo clock to a Berlin wall time on a day. */
export function at(sim: Simulation, day: string, time: string): void {
	sim.clock.set(new Date(berlinInstant(day, time)));
}

export function laterDay(sim: Simulation, day: string, min: number, max: number): string {
	return addDays(day, sim.random.int(min, max));
}

export function staffById(sim: Simulation, id: number): DemoStaff | undefined {
	for (const o of sim.offices) {
		const s = o.staff.find((m) => m.id === id);
		if (s) return s;
	}
	return undefined;
}
