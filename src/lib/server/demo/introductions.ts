import { addDays } from '../../time/berlin';
import {
	expressInterest,
	confirmRequest,
	moderateRequest,
	submitRequest,
	proposeIntroduction,
	respondToIntroduction,
	staffIntroductionAction
} from '../visibility/index';
import type { DemoOffice } from './acting-staff';
import { linkToken } from './mail-links';
import { contactName, DEMO_ORG_DOMAIN } from './people';
import { count, schedule, type Simulation } from './simulation';

/**
 * Decision makers' requests and brokered introductions in every state: a request still waiting
 * for the office's approval, open ones with introductions proposed, accepted (with each
 * outcome), declined and withdrawn, a creative's own interest, and a closed request.
 */
export interface CandidateProfile {
	creativeId: number;
	officeId: number;
	land: string;
	submarkets: string[];
	profileId: number | null;
}

const REQUESTS: [string, 'municipality' | 'company' | 'institution' | 'agency', string, string, string[]][] =
	[
		[
			'Stadt {town}, Kulturamt',
			'municipality',
			'Gestaltung eines Leerstands in der Innenstadt',
			'Für ein leerstehendes Ladenlokal suchen wir Kreative, die es für sechs Monate mit Ausstellungen und Workshops bespielen.',
			['kunst', 'design']
		],
		[
			'Brauerei {town} GmbH',
			'company',
			'Neues Etikett und Markenauftritt',
			'Zum Jubiläum wollen wir unsere Etiketten neu gestalten lassen und suchen ein Designbüro aus der Region.',
			['design', 'werbung']
		],
		[
			'Stadtbibliothek {town}',
			'institution',
			'Lesereihe mit Schreibwerkstatt für Jugendliche',
			'Wir planen eine Lesereihe mit begleitenden Schreibwerkstätten und suchen Autorinnen und Autoren.',
			['buch']
		],
		[
			'Stadtwerke {town}',
			'company',
			'Imagefilm zur Energiewende',
			'Für unsere Kundenkommunikation suchen wir ein Filmteam für einen dreiminütigen Imagefilm.',
			['film', 'werbung']
		]
	];

export function proposeIntroductions(
	sim: Simulation,
	o: DemoOffice,
	day: string,
	profiles: CandidateProfile[]
): void {
	const town = o.key === 'nw' ? 'Bochum' : o.key === 'by' ? 'München' : o.key === 'bw' ? 'Stuttgart' : 'Kiel';
	REQUESTS.forEach(([org, type, title, description, submarkets], i) => {
		const on = addDays(day, i * 4 + (o.id % 3));
		schedule(sim, on, async () => {
			const email = `kontakt.${o.key}.${i}@${DEMO_ORG_DOMAIN}`;
			const land = o.laender[0]!;
			const r = await submitRequest(sim.services, {
				submission_id: `demo-request-${o.key}-${i}`,
				organisation: org.replace('{town}', town),
				org_type: type,
				contact_name: contactName(sim.random),
				email,
				phone: null,
				title,
				description: `${description} (Demo-Gesuch)`,
				submarkets,
				land,
				region: null,
				budget_min: 2000 + i * 1500,
				budget_max: 6000 + i * 3000,
				deadline: addDays(sim.today, 30 + i * 10),
				visibility: i === 2 ? 'private' : 'public',
				consent_request: true,
				locale: 'de',
				clientAddress: `demo-${o.key}-${i}`,
				today: on
			});
			if (!r.ok) return;
			const token = await linkToken(sim.db, email, '/gesuche/bestaetigen/');
			if (!token || !(await confirmRequest(sim.services, token)).ok) return;
			count(sim, 'requests confirmed');
			if (i === 3) return; // waits for the office's approval
			const approved = await moderateRequest(sim.services, o.lead, o.lead.scope, {
				officeId: o.id,
				requestId: r.requestId,
				action: 'approve',
				reason: null
			});
			if (!approved.ok) return;
			count(sim, 'requests approved');
			schedule(sim, addDays(on, 3), () => introduce(sim, o, r.requestId, i, submarkets, profiles));
		});
	});
}

async function introduce(
	sim: Simulation,
	o: DemoOffice,
	requestId: number,
	i: number,
	submarkets: string[],
	profiles: CandidateProfile[]
) {
	const published = profiles.filter((p) => p.profileId != null);
	const fitting = published.filter(
		(p) => p.officeId === o.id || p.submarkets.some((s) => submarkets.includes(s))
	);
	const picks = sim.random.sample(fitting.length >= 3 ? fitting : published, 3);
	const answers = ['accept', 'decline', 'none'] as const;
	for (const [n, p] of picks.entries()) {
		const r = await proposeIntroduction(sim.services, o.lead, o.lead.scope, {
			officeId: o.id,
			requestId,
			creativeId: p.creativeId,
			profileId: p.profileId,
			caseId: null,
			message: 'Ihr Profil passt gut zu diesem Gesuch. Haben Sie Interesse?'
		});
		if (!r.ok) continue;
		count(sim, 'introductions proposed');
		const answer = answers[(n + i) % 3]!;
		if (answer === 'none') {
			if (i === 1)
				await staffIntroductionAction(sim.services, o.lead, o.lead.scope, {
					officeId: o.id,
					introductionId: r.introductionId,
					action: 'withdraw'
				});
			continue;
		}
		schedule(sim, addDays(sim.clock.now().toISOString().slice(0, 10), 2), async () => {
			const email = await sim.db
				.selectFrom('creative')
				.select('email')
				.where('id', '=', p.creativeId)
				.executeTakeFirst();
			const token = email ? await linkToken(sim.db, email.email, '/vorstellung/') : null;
			if (!token) return;
			const res = await respondToIntroduction(sim.services, {
				token,
				decision: answer,
				message: answer === 'accept' ? 'Sehr gern, ich freue mich auf den Kontakt.' : null
			});
			if (!res.ok) return;
			count(sim, `introductions ${answer === 'accept' ? 'accepted' : 'declined'}`);
			if (answer !== 'accept' || i === 0) return;
			const outcome = (['met', 'cooperation', 'no_fit'] as const)[(n + i + o.id) % 3]!;
			const done = await staffIntroductionAction(sim.services, o.lead, o.lead.scope, {
				officeId: o.id,
				introductionId: r.introductionId,
				action: 'outcome',
				outcome
			});
			if (done.ok) count(sim, `introduction outcome ${outcome}`);
		});
	}
	// A creative with a profile answers a public request herself.
	const own = published.find((p) => !picks.includes(p));
	if (own && i === 0) {
		const r = await expressInterest(sim.services, own.creativeId, {
			requestId,
			message: 'Ich hätte großes Interesse, mein Portfolio finden Sie im Profil.'
		});
		if (r.ok) count(sim, 'interests expressed');
	}
	if (i === 2)
		await moderateRequest(sim.services, o.lead, o.lead.scope, {
			officeId: o.id,
			requestId,
			action: 'close',
			reason: 'Projekt vergeben'
		});
}
