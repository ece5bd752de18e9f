import { addDays, berlinInstant, isoWeekday } from '../../time/berlin';
import { HOUR } from '../../time/durations';
import {
	actAsRegistrant,
	registerForEvent,
	finishPastEvents,
	sendFollowUps,
	type EventInput,
	createEvent,
	type EventStaff,
	markAttendance,
	publishEvent
} from '../events/index';
import type { DemoOffice } from './acting-staff';
import { linkToken } from './mail-links';
import { makePerson } from './people';
import { at, count, schedule, type Simulation } from './simulation';

/**
 * Events of each office: every two months one in the past (registrations with double opt-in,
 * attendance, thanks and feedback), and ahead: a full one with a waiting list, one today (so
 * the check-in list can be tried), one online and one hybrid.
 */
const VENUES: Record<string, [string, string, string]> = {
	'hh-mv-sh': ['Kreativspeicher M28', 'Am Sandtorkai 12, 20457 Hamburg', 'DE-HH'],
	'ni-hb': ['Kulturzentrum Pavillon', 'Lister Meile 4, 30161 Hannover', 'DE-NI'],
	'be-bb': ['Aufbau Haus', 'Prinzenstraße 85, 10969 Berlin', 'DE-BE'],
	nw: ['Zeche Eins', 'Viktoriastraße 75, 44787 Bochum', 'DE-NW'],
	'sn-st-th': ['Zentralwerk', 'Riesaer Straße 32, 01127 Dresden', 'DE-SN'],
	'he-rp-sl': ['Atelierfrankfurt', 'Schwedlerstraße 1, 60314 Frankfurt am Main', 'DE-HE'],
	bw: ['Wizemann Space', 'Quellenstraße 7, 70376 Stuttgart', 'DE-BW'],
	by: ['Kreativquartier, Halle 6', 'Dachauer Straße 114, 80636 München', 'DE-BY']
};

const PROGRAMME: [EventInput['type'], string, string, string[], string[]][] = [
	[
		'workshop',
		'Preise kalkulieren für Kreative',
		'Wie viel muss ich verlangen? Wir rechnen **Stundensätze** und Tagessätze gemeinsam durch.',
		['design', 'kunst'],
		['preise_honorare']
	],
	[
		'info',
		'Künstlersozialkasse: wer, wie, wann?',
		'Ein Überblick über die KSK, mit Zeit für Ihre Fragen.',
		['musik', 'buch'],
		['soziale_sicherung']
	],
	[
		'network',
		'Netzwerktreffen Kultur- und Kreativwirtschaft',
		'Kurze Vorstellungsrunden, Austausch und Kooperationen bei einem Getränk.',
		[],
		['netzwerk_kooperation']
	],
	[
		'webinar',
		'Förderprogramme im Überblick',
		'Welche Programme von Bund, Land und Kommune passen zu Ihrem Projekt?',
		['film', 'darstellende_kuenste'],
		['foerderung']
	],
	[
		'workshop',
		'Sichtbar werden: Portfolio und Social Media',
		'Praktische Übungen für einen klaren Auftritt, online und offline.',
		['design', 'software_games'],
		['marketing']
	],
	[
		'info',
		'Gründen in der Kreativwirtschaft',
		'Von der Idee zur Anmeldung: Gewerbe oder Freiberuf, Steuern, Versicherungen.',
		[],
		['gruendung_formales', 'steuern']
	]
];

const staffOf = (o: DemoOffice): EventStaff => ({
	id: o.lead.id,
	email: o.lead.email,
	scope: o.lead.scope,
	isNetworkAdmin: false
});

function eventInput(
	o: DemoOffice,
	i: number,
	start: number,
	hours: number,
	capacity: number,
	format: EventInput['format']
): EventInput {
	const [type, title, description, submarkets, topics] = PROGRAMME[i % PROGRAMME.length]!;
	const [venueName, venueAddress, venueLand] = VENUES[o.key] ?? VENUES.nw!;
	return {
		type: format === 'online' ? 'webinar' : type,
		title,
		description: `${description}\n\n*Demo-Veranstaltung des Kreativlotse-Demonetzwerks.*`,
		submarkets,
		topics,
		format,
		venueName: format === 'online' ? null : venueName,
		venueAddress: format === 'online' ? null : venueAddress,
		venueLand: format === 'online' ? null : venueLand,
		accessibility: format === 'online' ? null : 'Stufenloser Zugang, barrierefreies WC.',
		onlineUrl: format === 'onsite' ? null : `https://video.demo.invalid/${o.key}-${i}`,
		start,
		end: start + hours * HOUR,
		capacity,
		registrationOpensAt: null,
		registrationClosesAt: null,
		offerHours: 48,
		questions: ['Was möchten Sie aus der Veranstaltung mitnehmen?'],
		contactName: o.lead.name,
		contactEmail: o.lead.email,
		materialsUrl: 'https://kreativlotse.demo.invalid/unterlagen.pdf',
		network: false
	};
}

async function createPublished(sim: Simulation, o: DemoOffice, input: EventInput): Promise<number | null> {
	const created = await createEvent(sim.services, staffOf(o), o.id, input);
	if (!created.ok) return null;
	const published = await publishEvent(sim.services, staffOf(o), created.eventId);
	if (!published.ok) return null;
	count(sim, 'events published');
	return created.eventId;
}

/** One person registers (or joins the waiting list) and confirms from the mail (double opt-in); returns the id. */
async function registerOne(sim: Simulation, o: DemoOffice, eventId: number): Promise<number | null> {
	const person = makePerson(sim.random, o.laender, ++sim.serial);
	const r = await registerForEvent(sim.services, {
		eventId,
		name: person.name,
		email: person.email,
		submarket: null,
		answers: [sim.random.pick(['Kontakte knüpfen', 'Konkrete Zahlen', 'Erfahrungen anderer', ''])],
		consents: { processing: true },
		locale: 'de'
	});
	if (!r.ok) return null;
	count(sim, 'event registrations');
	if (r.status === 'pending' || r.status === 'waitlisted') {
		// A place is confirmed from its mail; so is a waiting-list join (issue 16), or it would lapse.
		const token = await linkToken(sim.db, person.email, '/veranstaltungen/anmeldung/');
		if (token)
			await actAsRegistrant(sim.services, token, r.status === 'pending' ? 'confirm' : 'confirm_waitlist');
	}
	return r.registrationId;
}

/** Plans the past events of one office into the agenda (called once, at the start). */
export function planPastEvents(sim: Simulation, o: DemoOffice, start: string): void {
	for (let i = 0; i < 5; i++) {
		let day = addDays(start, 45 + i * 64 + (o.id % 5) * 3);
		while (isoWeekday(day) > 4) day = addDays(day, 1);
		if (addDays(day, 2) >= sim.today) continue;
		const format: EventInput['format'] = i % 3 === 2 ? 'hybrid' : i === 3 ? 'online' : 'onsite';
		const eventDay = day;
		const state: { id: number | null; regs: number[] } = { id: null, regs: [] };
		schedule(sim, addDays(eventDay, -35), async () => {
			state.id = await createPublished(
				sim,
				o,
				eventInput(o, i + o.id, berlinInstant(eventDay, '17:00'), 2, 25, format)
			);
		});
		const people = sim.random.int(10, 20);
		for (let n = 0; n < people; n++)
			schedule(sim, addDays(eventDay, -sim.random.int(1, 30)), async () => {
				if (state.id == null) return;
				const id = await registerOne(sim, o, state.id);
				if (id) state.regs.push(id);
			});
		schedule(sim, addDays(eventDay, 1), async () => {
			if (state.id == null) return;
			for (const regId of state.regs) {
				const r = await markAttendance(
					sim.services,
					staffOf(o),
					state.id,
					regId,
					sim.random.chance(0.74) ? 'attended' : 'no_show'
				);
				if (r.ok) count(sim, 'event attendance marked');
			}
			// The product's jobs finish the event and send thanks and the feedback mail; some answer it.
			await finishPastEvents(sim.db, sim.clock.now());
			await sendFollowUps(sim.services, sim.clock.now());
			for (const regId of state.regs) {
				if (!sim.random.chance(0.4)) continue;
				schedule(sim, addDays(eventDay, sim.random.int(2, 6)), async () => {
					const reg = await sim.db
						.selectFrom('event_registration')
						.select('email')
						.where('id', '=', regId)
						.executeTakeFirst();
					const token = reg ? await linkToken(sim.db, reg.email, '/veranstaltungen/anmeldung/') : null;
					if (!token) return;
					const f = await actAsRegistrant(
						sim.services,
						token,
						'feedback',
						{},
						{
							rating: sim.random.weighted([
								[5, 40],
								[4, 40],
								[3, 15],
								[2, 5]
							] as const),
							comment: sim.random.pick([null, 'Sehr praxisnah!', 'Gern mehr Zeit für Fragen.', null])
						}
					);
					if (f.ok) count(sim, 'event feedback');
				});
			}
		});
	}
}

/** The events ahead, created and filled in the last weeks before today. */
export async function upcomingEvents(sim: Simulation): Promise<void> {
	const day = addDays(sim.today, -10);
	at(sim, day, '11:00');
	const hour = 60 * 60 * 1000;
	// Today: starting within the next hours (or, late in the evening, already running).
	const todayStart = Math.min(
		Math.floor(sim.realNow / hour) * hour + hour,
		berlinInstant(sim.today, '22:00')
	);
	for (const o of sim.offices) {
		const full = await createPublished(
			sim,
			o,
			eventInput(o, o.id, berlinInstant(addDays(sim.today, 9 + (o.id % 4)), '18:00'), 2, 12, 'onsite')
		);
		if (full) for (let n = 0; n < 15; n++) await registerOne(sim, o, full);
		const today = await createPublished(
			sim,
			o,
			eventInput(o, o.id + 2, Math.max(todayStart, sim.clock.now().getTime() + hour), 2, 30, 'onsite')
		);
		if (today) for (let n = 0; n < 9; n++) await registerOne(sim, o, today);
		const online = await createPublished(
			sim,
			o,
			eventInput(o, 3, berlinInstant(addDays(sim.today, 16 + (o.id % 5)), '10:00'), 1.5, 100, 'online')
		);
		if (online) for (let n = 0; n < 6; n++) await registerOne(sim, o, online);
		const hybrid = await createPublished(
			sim,
			o,
			eventInput(o, o.id + 4, berlinInstant(addDays(sim.today, 24 + (o.id % 6)), '17:30'), 2, 40, 'hybrid')
		);
		if (hybrid) for (let n = 0; n < 4; n++) await registerOne(sim, o, hybrid);
	}
}
