import { addDays, berlinDate, isoWeekday } from '../../time/berlin';
import { recordAudit, systemActor } from '../audit/index';
import { type Db, type Tx, transact } from '../db/transaction';
import type { WeeklyFormat } from './rules';
import { ensureDefaultSettings } from './settings';

/**
 * Demo availability for a newcomer's first start: weekly hours for every consultant and lead,
 * default booking settings per office and one Sprechtag per office about two weeks ahead, in a
 * town of the office's region. Venues and addresses are fictional. Idempotent: does nothing
 * once any weekly hours exist.
 */
const SPRECHTAGE: Record<string, { town: string; venue: string; address: string; accessibility: string }> = {
	'hh-mv-sh': {
		town: 'Flensburg',
		venue: 'Kulturwerkstatt am Hafen',
		address: 'Hafenspitze 3, 24937 Flensburg',
		accessibility: 'Ebenerdiger Zugang, barrierefreies WC im Erdgeschoss.'
	},
	'ni-hb': {
		town: 'Lüneburg',
		venue: 'Gründungszentrum Altstadt',
		address: 'Am Sande 12, 21335 Lüneburg',
		accessibility: 'Aufzug vorhanden; Induktionsschleife im Beratungsraum.'
	},
	'be-bb': {
		town: 'Cottbus',
		venue: 'Kreativhaus Spremberger Vorstadt',
		address: 'Bahnhofstraße 24, 03046 Cottbus',
		accessibility: 'Rampe am Seiteneingang, Beratung im Erdgeschoss.'
	},
	nw: {
		town: 'Münster',
		venue: 'Coworking am Hafenweg',
		address: 'Hafenweg 16, 48155 Münster',
		accessibility: 'Stufenloser Zugang und Aufzug.'
	},
	'sn-st-th': {
		town: 'Görlitz',
		venue: 'Kühlhaus Kulturzentrum',
		address: 'Am Brautwiesentunnel 1a, 02826 Görlitz',
		accessibility: 'Beratungsraum im 1. Obergeschoss, kein Aufzug; Termin im Erdgeschoss auf Nachfrage.'
	},
	'he-rp-sl': {
		town: 'Kassel',
		venue: 'Kulturbahnhof, Seminarraum Süd',
		address: 'Rainer-Dierichs-Platz 1, 34117 Kassel',
		accessibility: 'Stufenloser Zugang über den Südflügel, barrierefreies WC.'
	},
	bw: {
		town: 'Freiburg im Breisgau',
		venue: 'Kreativpark Lokhalle',
		address: 'Paul-Ehrlich-Straße 5, 79106 Freiburg im Breisgau',
		accessibility: 'Ebenerdig, barrierefreies WC.'
	},
	by: {
		town: 'Regensburg',
		venue: 'Degginger, Raum für Kultur und Kreativwirtschaft',
		address: 'Wahlenstraße 17, 93047 Regensburg',
		accessibility: 'Aufzug ins 1. Obergeschoss.'
	}
};

export async function seedDemoAvailability(
	db: Db,
	now: Date
): Promise<{ rules: number; sprechtage: number }> {
	const existing = await db.selectFrom('availability_rule').select('id').limit(1).executeTakeFirst();
	if (existing) return { rules: 0, sprechtage: 0 };
	const t = now.getTime();
	return transact(db, async (trx) => {
		const offices = await trx.selectFrom('office').select(['id', 'key']).orderBy('id').execute();
		const members = await trx
			.selectFrom('staff_membership as m')
			.innerJoin('staff_user as u', 'u.id', 'm.user_id')
			.select(['m.office_id', 'm.user_id', 'm.role'])
			.where('u.disabled_at', 'is', null)
			.orderBy('m.office_id')
			.orderBy('m.user_id')
			.execute();
		await ensureDefaultSettings(
			trx,
			offices.map((o) => Number(o.id)),
			now
		);
		const rules = await insertDemoWeeklyHours(trx, members, t);
		const sprechtage = await insertDemoSprechtage(trx, offices, members, t);
		await recordAudit(
			trx,
			systemActor,
			{ action: 'availability.demo.seeded', subject: { kind: 'availability' }, data: { rules, sprechtage } },
			{ now }
		);
		return { rules, sprechtage };
	});
}

interface DemoMember {
	office_id: number;
	user_id: number;
	role: string;
}

/** Mondays to Thursdays all day, Friday mornings; answers how many rules were written. */
async function insertDemoWeeklyHours(trx: Tx, members: readonly DemoMember[], t: number): Promise<number> {
	let rules = 0;
	for (const m of members) {
		const windows: [number, WeeklyFormat, string, string][] = [];
		for (const day of [1, 2, 3, 4]) {
			windows.push([day, 'office', '09:00', '12:00']);
			// Afternoons alternate between phone and video so both appear in the demo.
			windows.push([day, day % 2 === 1 ? 'phone' : 'video', '13:00', '16:00']);
		}
		windows.push([5, 'video', '09:00', '12:00']);
		await trx
			.insertInto('availability_rule')
			.values(
				windows.map(([weekday, format, start, end]) => ({
					consultant_id: Number(m.user_id),
					office_id: Number(m.office_id),
					format,
					weekday,
					start_time: start,
					end_time: end,
					valid_from: null,
					valid_to: null,
					created_at: t
				}))
			)
			.execute();
		rules += windows.length;
	}
	return rules;
}

/** One Sprechtag per office on a weekday about two weeks ahead, with a consultant (not the lead) if there is one. */
async function insertDemoSprechtage(
	trx: Tx,
	offices: readonly { id: number; key: string }[],
	members: readonly DemoMember[],
	t: number
): Promise<number> {
	let date = addDays(berlinDate(t), 14);
	while (isoWeekday(date) > 5) date = addDays(date, 1);
	let sprechtage = 0;
	for (const office of offices) {
		const place = SPRECHTAGE[office.key];
		const staff = members.filter((m) => Number(m.office_id) === Number(office.id));
		const consultant = staff.find((m) => m.role === 'consultant') ?? staff[0];
		if (!place || !consultant) continue;
		// The consultant is away from the office that day: block their weekly hours.
		await trx
			.insertInto('availability_override')
			.values({
				consultant_id: Number(consultant.user_id),
				office_id: Number(office.id),
				date,
				kind: 'blocked',
				format: null,
				start_time: null,
				end_time: null,
				created_at: t
			})
			.execute();
		await trx
			.insertInto('sprechtag')
			.values({
				office_id: Number(office.id),
				consultant_id: Number(consultant.user_id),
				date,
				start_time: '10:00',
				end_time: '16:00',
				...place,
				status: 'planned',
				created_at: t,
				updated_at: t
			})
			.execute();
		sprechtage++;
	}
	return sprechtage;
}
