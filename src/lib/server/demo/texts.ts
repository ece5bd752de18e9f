import type { Random } from './random';

/** German texts of the demo network: what creatives bring, what is agreed, what is offered. */

export const SUBMARKET_WEIGHTS: readonly (readonly [string, number])[] = [
	['design', 16],
	['musik', 13],
	['kunst', 11],
	['software_games', 10],
	['film', 9],
	['darstellende_kuenste', 8],
	['buch', 7],
	['werbung', 7],
	['architektur', 5],
	['presse', 5],
	['rundfunk', 3],
	['sonstige', 6]
];

export const STAGE_WEIGHTS: readonly (readonly [string, number])[] = [
	['idee', 22],
	['gruendung', 34],
	['festigung', 26],
	['wachstum', 12],
	['krise', 6]
];

const WORK: Record<string, readonly string[]> = {
	design: [
		'mein Kommunikationsdesign-Studio',
		'meine Textil-Kollektion',
		'Illustrationen für Verlage',
		'Produktdesign aus recycelten Materialien'
	],
	musik: [
		'mein Tonstudio',
		'Unterricht und Auftritte als Jazzpianistin',
		'ein kleines Plattenlabel',
		'Filmmusik-Aufträge'
	],
	kunst: [
		'meine Malerei',
		'Keramik-Objekte und Ausstellungen',
		'eine Produzentengalerie',
		'Fotokunst-Editionen'
	],
	software_games: [
		'unser Indie-Game',
		'eine Lern-App für Kinder',
		'Webentwicklung für Kulturbetriebe',
		'ein Serious-Game-Projekt'
	],
	film: [
		'Dokumentarfilme',
		'eine Produktionsfirma für Imagefilme',
		'Kameraarbeit als Freelancer',
		'einen Kurzfilm'
	],
	darstellende_kuenste: [
		'unser freies Theaterkollektiv',
		'Tanzproduktionen',
		'Figurentheater für Schulen',
		'Improtheater-Workshops'
	],
	buch: [
		'meinen Kleinverlag',
		'Lektorat und Übersetzung',
		'ein Sachbuchprojekt',
		'Lesungen und Schreibwerkstätten'
	],
	werbung: [
		'eine Agentur für Social-Media-Kampagnen',
		'Texten für Unternehmen',
		'Markenentwicklung für Start-ups'
	],
	architektur: ['mein Büro für Innenarchitektur', 'Umbauprojekte im Bestand', 'Landschaftsarchitektur'],
	presse: ['freien Journalismus', 'ein Stadtmagazin', 'einen Podcast über Regionalgeschichte'],
	rundfunk: ['ein Hörspielprojekt', 'Sprecherinnen-Aufträge', 'ein lokales Web-Radio'],
	sonstige: ['Kulturvermittlung für Museen', 'Eventtechnik und Bühnenbau', 'ein Kreativquartier-Projekt']
};

const CONCERNS: Record<string, readonly string[]> = {
	geschaeftsidee: [
		'Ich möchte mit {w} den Schritt in die Selbstständigkeit wagen und wissen, ob die Idee trägt.'
	],
	preise_honorare: [
		'Ich habe das Gefühl, mich für {w} unter Wert zu verkaufen. Wie kalkuliere ich faire Honorare?'
	],
	markteintritt: ['Für {w} suche ich Wege zu neuen Kundinnen und Kunden außerhalb meines Freundeskreises.'],
	marketing: ['Wie mache ich {w} sichtbarer, ohne ein großes Werbebudget?'],
	finanzierung: ['Für {w} brauche ich eine Anschaffung und weiß nicht, wie ich sie finanzieren soll.'],
	foerderung: ['Welche Förderprogramme kommen für {w} in Frage, und wie stelle ich einen Antrag?'],
	gruendung_formales: ['Ich gründe gerade für {w} und bin unsicher bei Gewerbe, Freiberuf und Rechtsform.'],
	steuern: ['Umsatzsteuer, Kleinunternehmerregelung, Rechnungen: für {w} blicke ich nicht mehr durch.'],
	soziale_sicherung: ['Kann ich mit {w} in die Künstlersozialkasse, und was bedeutet das für mich?'],
	recht_vertraege: ['Ein Auftraggeber will alle Nutzungsrechte an {w}. Worauf muss ich achten?'],
	raeume: ['Für {w} suche ich bezahlbare Atelier- oder Büroräume.'],
	netzwerk_kooperation: ['Ich suche Partner und Netzwerke, um {w} gemeinsam mit anderen weiterzuentwickeln.'],
	wachstum_festigung: ['{w} läuft gut, jetzt überlege ich, jemanden einzustellen.'],
	internationalisierung: ['Ich möchte {w} auch im Ausland anbieten, etwa auf Messen in den Niederlanden.'],
	krise: ['Mir sind zwei große Aufträge weggebrochen; wie geht es mit {w} weiter?']
};

const STEPS: Record<string, readonly [string, 'creative' | 'consultant'][]> = {
	geschaeftsidee: [
		['Zielgruppe in drei Sätzen beschreiben', 'creative'],
		['Drei mögliche Kundinnen befragen', 'creative']
	],
	preise_honorare: [
		['Stundensatz mit dem Kalkulationsblatt berechnen', 'creative'],
		['Honorarempfehlungen des Verbands prüfen', 'creative']
	],
	markteintritt: [
		['Liste mit zehn Wunschkunden anlegen', 'creative'],
		['Kontakt zur regionalen Messe herstellen', 'consultant']
	],
	marketing: [
		['Portfolio-Website überarbeiten', 'creative'],
		['Zwei Referenzprojekte aufbereiten', 'creative']
	],
	finanzierung: [
		['Kostenplan für die Anschaffung schreiben', 'creative'],
		['Mikrokredit-Anbieter heraussuchen', 'consultant']
	],
	foerderung: [
		['Förderaufruf lesen und Fristen notieren', 'creative'],
		['Projektskizze für den Antrag entwerfen', 'creative']
	],
	gruendung_formales: [['Beim Finanzamt den Fragebogen zur steuerlichen Erfassung ausfüllen', 'creative']],
	steuern: [['Termin bei einer Steuerberatung vereinbaren', 'creative']],
	soziale_sicherung: [
		['KSK-Fragebogen vorbereiten', 'creative'],
		['Nachweise der künstlerischen Tätigkeit sammeln', 'creative']
	],
	recht_vertraege: [['Vertragsentwurf mit der Checkliste prüfen', 'creative']],
	raeume: [
		['Leerstandsbörse der Stadt durchsehen', 'creative'],
		['Kontakt zum Atelierprogramm herstellen', 'consultant']
	],
	netzwerk_kooperation: [['Zum nächsten Netzwerktreffen anmelden', 'creative']],
	wachstum_festigung: [['Liquiditätsplan für zwölf Monate erstellen', 'creative']],
	internationalisierung: [['Messeprogramm und Beteiligungsförderung prüfen', 'creative']],
	krise: [
		['Fixkosten auflisten und priorisieren', 'creative'],
		['Rückruf zur Lage in zwei Wochen', 'consultant']
	]
};

export function workFor(random: Random, submarket: string): string {
	return random.pick(WORK[submarket] ?? WORK.sonstige!);
}

export function concernFor(random: Random, topic: string, work: string): string {
	const text = random.pick(CONCERNS[topic] ?? CONCERNS.geschaeftsidee!).replace('{w}', work);
	return text.charAt(0).toUpperCase() + text.slice(1);
}

export function stepsFor(topics: readonly string[]): [string, 'creative' | 'consultant'][] {
	return topics.flatMap((t) => STEPS[t] ?? []).slice(0, 3);
}

export const SITUATIONS = [
	'Arbeitet seit zwei Jahren nebenberuflich, möchte ab dem Frühjahr hauptberuflich selbstständig sein.',
	'Hat erste Aufträge, aber keine feste Kalkulation; Einnahmen schwanken stark.',
	'Gut vernetzt in der Szene, aber kaum Kontakte zu zahlenden Auftraggebern.',
	'Kollektiv aus drei Personen, Rechtsform noch offen.'
];
export const ADVICE = [
	'Honorar aus Jahreszielumsatz und fakturierbaren Tagen abgeleitet; Angebotsvorlage besprochen.',
	'Förderlandschaft des Landes erklärt, Mikrofinanzierung als Alternative genannt.',
	'Schritte zur Anmeldung bei Finanzamt und KSK durchgegangen.',
	'Vorschlag: erst ein Pilotprojekt mit einem Stammkunden, dann skalieren.'
];

export const CANCEL_REASONS = [
	'Absage per Telefon: krank',
	'Absage per E-Mail: Terminkollision',
	'Hat sich anders entschieden'
];

export const CHECKIN_CHANGES = [
	'Die Website ist online und ich habe zwei neue Anfragen.',
	'Der Förderantrag ist abgeschickt.',
	'Ich habe meine Preise erhöht, die Kunden haben es akzeptiert.',
	'Leider kaum Zeit gehabt, die Aufträge gingen vor.',
	'Anmeldung beim Finanzamt ist erledigt.'
];
export const CHECKIN_QUESTIONS = [
	'',
	'',
	'Wie gehe ich mit einer Nachforderung der KSK um?',
	'Lohnt sich eine Messe im Herbst?'
];

export const CLOSE_OUTCOMES: Record<string, string> = {
	business_founded: 'Gründung erfolgt, erste Aufträge laufen.',
	funding_obtained: 'Förderzusage erhalten, Projekt startet.',
	referred_on: 'An die Gründungsberatung der Kammer weitergeleitet.',
	no_further_need: 'Fragen geklärt, kein weiterer Bedarf.',
	no_response: 'Auf drei Nachfragen keine Antwort.',
	other: 'Umzug ins Ausland.'
};
