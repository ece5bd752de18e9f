import { addDays } from '../../time/berlin';
import { type CandidateProfile, proposeIntroductions } from './introductions';
import { saveProfile, publishProfile, setProfileImage, moderateProfile } from '../visibility/index';
import { demoProfileImage } from './images';
import { TOWNS } from './people';
import { count, laterDay, schedule, type Simulation } from './simulation';
import { workFor } from './texts';

/**
 * Published profiles: about 45 people who were advised publish a profile from the portal
 * (with a generated picture), and the office of their Land approves it. Spread over the Länder
 * and sub-markets, planned on one day and carried out over the following weeks.
 */
const SERVICES: Record<string, string[]> = {
	design: ['Corporate Design', 'Illustration', 'Editorial Design'],
	musik: ['Komposition', 'Live-Auftritte', 'Tonstudio'],
	kunst: ['Auftragsarbeiten', 'Kunst am Bau', 'Workshops'],
	software_games: ['App-Entwicklung', 'Serious Games', 'UX-Beratung'],
	film: ['Imagefilm', 'Dokumentarfilm', 'Kamera'],
	darstellende_kuenste: ['Theaterproduktion', 'Schulprojekte', 'Moderation'],
	buch: ['Lektorat', 'Übersetzung', 'Schreibwerkstatt'],
	werbung: ['Kampagnen', 'Text', 'Social Media'],
	architektur: ['Entwurf', 'Innenarchitektur', 'Ausstellungsbau'],
	presse: ['Reportage', 'Redaktion', 'Podcast'],
	rundfunk: ['Sprechaufnahmen', 'Hörspiel', 'Radiobeitrag'],
	sonstige: ['Kulturvermittlung', 'Veranstaltungstechnik', 'Projektleitung']
};

export async function planProfiles(sim: Simulation, day: string): Promise<void> {
	const profiles: CandidateProfile[] = [];
	for (const r of await chooseAdvised(sim)) {
		const creativeId = Number(r.creative_id);
		const land = r.land_iso ?? 'DE-BE';
		const town = (TOWNS[land] ?? []).find(([, pc]) => pc === r.postcode)?.[0] ?? 'Berlin';
		const studio = sim.random.chance(0.2);
		const submarkets = [r.submarket, ...(sim.random.chance(0.3) ? ['design'] : [])].filter(
			(v, i, a) => a.indexOf(v) === i
		);
		const work = workFor(sim.random, r.submarket);
		const entry: CandidateProfile = {
			creativeId,
			officeId: Number(r.office_id),
			land,
			submarkets,
			profileId: null
		};
		profiles.push(entry);
		const on = laterDay(sim, day, 1, 40);
		const draft = { creativeId, name: r.name, submarket: r.submarket, land, town, studio, submarkets, work };
		schedule(sim, on, () => publishDemoProfile(sim, on, entry, draft));
	}
	for (const office of sim.offices) proposeIntroductions(sim, office, addDays(day, 45), profiles);
}

/** Up to five attended first bookings per Land, 48 at most, in booking order. */
async function chooseAdvised(sim: Simulation) {
	const rows = await sim.db
		.selectFrom('booking as b')
		.innerJoin('case_file as c', 'c.id', 'b.case_id')
		.select(['c.creative_id', 'b.name', 'b.submarket', 'b.land_iso', 'b.postcode', 'b.office_id'])
		.where('b.status', '=', 'attended')
		.where('b.kind', '=', 'first')
		.orderBy('b.id')
		.execute();
	const byLand = new Map<string, typeof rows>();
	for (const r of rows) {
		const list = byLand.get(r.land_iso ?? '') ?? [];
		if (list.length < 5) list.push(r);
		byLand.set(r.land_iso ?? '', list);
	}
	return [...byLand.values()].flat().slice(0, 48);
}

interface ProfileDraft {
	creativeId: number;
	name: string;
	submarket: string;
	land: string;
	town: string;
	studio: boolean;
	submarkets: string[];
	work: string;
}

/** Save, picture, publish; the office approves a few days later. Random draws keep their order (seeded demo). */
async function publishDemoProfile(
	sim: Simulation,
	on: string,
	entry: CandidateProfile,
	d: ProfileDraft
): Promise<void> {
	const { creativeId } = d;
	const saved = await saveProfile(sim.services, creativeId, {
		kind: d.studio ? 'studio' : 'person',
		displayName: d.studio ? `Studio ${d.name.split(' ')[1]}` : d.name,
		submarkets: d.submarkets,
		landIso: d.land,
		town: d.town,
		bio: `${d.studio ? 'Wir arbeiten' : 'Ich arbeite'} in ${d.town} an ${d.work}. ${sim.random.pick([
			'Offen für Kooperationen mit Kommunen und Unternehmen.',
			'Schwerpunkt: nachhaltige Projekte mit regionalem Bezug.',
			'Gern auch interdisziplinär, mit Partnern aus anderen Teilmärkten.'
		])} (Demo-Profil)`,
		services: sim.random.sample(SERVICES[d.submarket] ?? SERVICES.sonstige!, 2),
		links: [`https://portfolio.demo.invalid/${creativeId}`],
		contactPreference: sim.random.chance(0.8) ? 'form' : 'office',
		openForProjects: sim.random.chance(0.5)
	});
	if (!saved.ok) return;
	await setProfileImage(sim.services, creativeId, {
		bytes: demoProfileImage(sim.random),
		alt: `Abstraktes Bild in warmen Farben (${d.town})`
	});
	if (!(await publishProfile(sim.services, creativeId)).ok) return;
	schedule(sim, addDays(on, sim.random.int(1, 3)), () => approveDemoProfile(sim, creativeId, entry));
}

async function approveDemoProfile(
	sim: Simulation,
	creativeId: number,
	entry: CandidateProfile
): Promise<void> {
	const p = await sim.db
		.selectFrom('profile')
		.select(['id', 'office_id'])
		.where('creative_id', '=', creativeId)
		.executeTakeFirst();
	const office = sim.offices.find((o) => o.id === Number(p?.office_id));
	if (!p || !office) return;
	const r2 = await moderateProfile(sim.services, office.lead, office.lead.scope, {
		officeId: office.id,
		profileId: Number(p.id),
		action: 'approve'
	});
	if (r2.ok) {
		entry.profileId = Number(p.id);
		entry.officeId = office.id;
		count(sim, 'profiles published');
	}
}
