import type { Random } from './random';

/**
 * Fictional people and real towns for the demo network. Every address is on the reserved
 * `.invalid` top-level domain (RFC 2606), so no demo mail can ever reach a real person, and the
 * domain itself says "demo" wherever an address is shown.
 */
export const DEMO_CREATIVE_DOMAIN = 'kreative.demo.invalid';
export const DEMO_ORG_DOMAIN = 'auftraggeber.demo.invalid';

const FIRST_NAMES = [
	'Anna',
	'Lena',
	'Marie',
	'Sophie',
	'Laura',
	'Julia',
	'Hannah',
	'Lea',
	'Clara',
	'Emma',
	'Mia',
	'Johanna',
	'Paula',
	'Greta',
	'Ida',
	'Frieda',
	'Nele',
	'Merle',
	'Carla',
	'Lina',
	'Sarah',
	'Katharina',
	'Miriam',
	'Selin',
	'Zeynep',
	'Aylin',
	'Natalia',
	'Olga',
	'Mila',
	'Ronja',
	'Luisa',
	'Helene',
	'Charlotte',
	'Lukas',
	'Jonas',
	'Leon',
	'Felix',
	'Paul',
	'Finn',
	'Elias',
	'Noah',
	'Ben',
	'Jan',
	'Tim',
	'Moritz',
	'Niklas',
	'David',
	'Simon',
	'Jakob',
	'Anton',
	'Emil',
	'Karl',
	'Ole',
	'Hannes',
	'Mats',
	'Tom',
	'Till',
	'Can',
	'Emre',
	'Milan',
	'Luca',
	'Dimitri',
	'Jannik',
	'Vincent',
	'Fabian',
	'Sebastian',
	'Florian'
] as const;

const SURNAMES = [
	'Müller',
	'Schmidt',
	'Schneider',
	'Fischer',
	'Weber',
	'Meyer',
	'Wagner',
	'Becker',
	'Schulz',
	'Hoffmann',
	'Koch',
	'Richter',
	'Klein',
	'Wolf',
	'Schröder',
	'Neumann',
	'Schwarz',
	'Braun',
	'Zimmermann',
	'Krüger',
	'Hartmann',
	'Lange',
	'Werner',
	'Krause',
	'Lehmann',
	'Köhler',
	'Herrmann',
	'König',
	'Walter',
	'Peters',
	'Möller',
	'Kaiser',
	'Fuchs',
	'Scholz',
	'Jung',
	'Hahn',
	'Vogel',
	'Friedrich',
	'Keller',
	'Günther',
	'Frank',
	'Berger',
	'Winkler',
	'Roth',
	'Beck',
	'Lorenz',
	'Baumann',
	'Franke',
	'Albrecht',
	'Simon',
	'Ludwig',
	'Böhm',
	'Winter',
	'Kraus',
	'Martin',
	'Schumacher',
	'Vogt',
	'Stein',
	'Jäger',
	'Otto',
	'Sommer',
	'Groß',
	'Seidel',
	'Heinrich',
	'Brandt',
	'Haas',
	'Schreiber',
	'Graf',
	'Dietrich',
	'Ziegler',
	'Yılmaz',
	'Kaya',
	'Nowak',
	'Kowalczyk',
	'Popescu',
	'Rossi',
	'Nguyen',
	'Petrović'
] as const;

/** A few real towns per Land with one of their real postcodes. */
export const TOWNS: Record<string, readonly (readonly [string, string])[]> = {
	'DE-BW': [
		['Stuttgart', '70176'],
		['Karlsruhe', '76133'],
		['Freiburg im Breisgau', '79098'],
		['Mannheim', '68159'],
		['Tübingen', '72070']
	],
	'DE-BY': [
		['München', '80331'],
		['Nürnberg', '90402'],
		['Augsburg', '86150'],
		['Regensburg', '93047'],
		['Würzburg', '97070']
	],
	'DE-BE': [
		['Berlin', '10115'],
		['Berlin', '10997'],
		['Berlin', '12043'],
		['Berlin', '10405']
	],
	'DE-BB': [
		['Potsdam', '14467'],
		['Cottbus', '03046'],
		['Frankfurt (Oder)', '15230'],
		['Eberswalde', '16225']
	],
	'DE-HB': [
		['Bremen', '28195'],
		['Bremerhaven', '27568']
	],
	'DE-HH': [
		['Hamburg', '20457'],
		['Hamburg', '22765'],
		['Hamburg', '20357']
	],
	'DE-HE': [
		['Frankfurt am Main', '60311'],
		['Kassel', '34117'],
		['Darmstadt', '64283'],
		['Wiesbaden', '65183'],
		['Offenbach am Main', '63065']
	],
	'DE-MV': [
		['Rostock', '18055'],
		['Schwerin', '19053'],
		['Greifswald', '17489'],
		['Stralsund', '18439']
	],
	'DE-NI': [
		['Hannover', '30159'],
		['Braunschweig', '38100'],
		['Oldenburg', '26122'],
		['Göttingen', '37073'],
		['Osnabrück', '49074'],
		['Lüneburg', '21335']
	],
	'DE-NW': [
		['Köln', '50667'],
		['Düsseldorf', '40213'],
		['Dortmund', '44135'],
		['Essen', '45127'],
		['Bochum', '44787'],
		['Münster', '48143'],
		['Bielefeld', '33602'],
		['Aachen', '52062']
	],
	'DE-RP': [
		['Mainz', '55116'],
		['Koblenz', '56068'],
		['Trier', '54290'],
		['Kaiserslautern', '67655']
	],
	'DE-SL': [
		['Saarbrücken', '66111'],
		['Saarlouis', '66740']
	],
	'DE-SN': [
		['Leipzig', '04109'],
		['Dresden', '01067'],
		['Chemnitz', '09111'],
		['Görlitz', '02826']
	],
	'DE-ST': [
		['Halle (Saale)', '06108'],
		['Magdeburg', '39104'],
		['Dessau-Roßlau', '06844']
	],
	'DE-SH': [
		['Kiel', '24103'],
		['Lübeck', '23552'],
		['Flensburg', '24937']
	],
	'DE-TH': [
		['Erfurt', '99084'],
		['Jena', '07743'],
		['Weimar', '99423']
	]
};

export interface DemoPerson {
	name: string;
	email: string;
	land: string;
	town: string;
	postcode: string;
}

const ascii = (s: string) =>
	s
		.toLowerCase()
		.replace(/ä/g, 'ae')
		.replace(/ö/g, 'oe')
		.replace(/ü/g, 'ue')
		.replace(/ß/g, 'ss')
		.replace(/ı/g, 'i')
		.normalize('NFD')
		.replace(/[^a-z]/g, '');

/** A new person living in one of the given Länder; `n` keeps addresses unique. */
export function makePerson(random: Random, laender: readonly string[], n: number): DemoPerson {
	const first = random.pick(FIRST_NAMES);
	const last = random.pick(SURNAMES);
	const land = random.pick(laender);
	const [town, postcode] = random.pick(TOWNS[land] ?? [['Berlin', '10115']]);
	return {
		name: `${first} ${last}`,
		email: `${ascii(first)}.${ascii(last)}.${n}@${DEMO_CREATIVE_DOMAIN}`,
		land,
		town,
		postcode
	};
}

export function contactName(random: Random): string {
	return `${random.pick(FIRST_NAMES)} ${random.pick(SURNAMES)}`;
}
