/**
 * German descriptions of the shipped contact points. shared/data/contact_points.csv describes
 * them in English; German is the product's first language, so the seed uses these texts.
 * Staff edit them in the app afterwards.
 */
export const germanDescriptions: Readonly<Record<string, string>> = {
	ksk: 'Sozialversicherung für selbstständige Künstlerinnen, Künstler und Publizisten (Rente, Kranken- und Pflegeversicherung); die KSK trägt etwa die Hälfte der Beiträge.',
	gruendungszuschuss:
		'Zuschuss zur Gründung für Menschen, die Arbeitslosengeld I beziehen; nötig ist eine Stellungnahme einer fachkundigen Stelle (IHK, HWK, Steuerberatung).',
	foerderdatenbank: 'Suche nach Förderprogrammen von Bund, Ländern und EU.',
	'kfw-startgeld':
		'Zinsgünstiger Kredit für Gründerinnen, Gründer und Freiberufliche bis fünf Jahre nach dem Start; beantragt über die Hausbank.',
	ihk: 'Gründungsberatung, oft kostenlos; stellt Tragfähigkeitsbescheinigungen aus. Freiberufliche ohne Handelsregistereintrag sind keine Mitglieder.',
	hwk: 'Gründungsberatung für das Handwerk, auch für Kunsthandwerk.',
	mediafon:
		'Beratung für Solo-Selbstständige per Telefon und Webformular: Sozialversicherung, Verträge, Urheberrecht, Honorare, Marketing.',
	'haus-der-selbststaendigen':
		'Netzwerk, Wissenssammlung und Online-Kurse zu Verhandlung und Honorarkalkulation für Solo-Selbstständige.',
	gruenderplattform: 'Online-Leitfäden und Werkzeuge für Gründende: Geschäftsplan und Finanzierung.',
	afk: 'Interessenvertretung der Bundesverbände freischaffender Künstlerinnen und Künstler; keine Einzelberatung.',
	'kreative-deutschland':
		'Bundesdachverband der Landesverbände der Kultur- und Kreativwirtschaft; keine Einzelberatung.',
	kreativpiloten:
		'Auszeichnung des Bundes: 32 Titelträgerinnen und Titelträger im Jahr erhalten ein einjähriges Mentoring mit zwei Mentorinnen oder Mentoren.',
	'mfg-bw':
		'Kostenlose Orientierungsgespräche, Akademie, Wettbewerbe und ein Netzwerk aus mehr als 50 Partnern.',
	'bayern-kreativ': 'Beratung, Vernetzung und Workshops für einzelne Kreative und kleine Unternehmen.',
	'kreativ-kultur-berlin':
		'Kulturförderberatung, Beratung für die Kreativwirtschaft, Förderfinder und das Portal Creative City Berlin.',
	'kreativagentur-brandenburg': 'Kostenlose Beratung und Coaching durch Regionalmanagerinnen und -manager.',
	'wfb-bremen': 'Coaching und Vernetzung für Freiberufliche und Selbstständige.',
	'hamburg-kreativ':
		'Kostenlose Beratung, Coaching, offene Fragestunde, Hilfe bei der Raumsuche, Crowdfunding und Inkubatoren.',
	'kreativwirtschaft-hessen':
		'Vernetzung, Sichtbarkeit und Beratung zum Landesförderprogramm für Einrichtungen der Kreativwirtschaft.',
	'kreative-mv': 'Beratung, Weiterbildung und Vernetzung; Landeskonferenz.',
	vnkk: 'Landesverband mit regionalen Netzwerken; keine Einzelberatung.',
	'creative-nrw':
		'Kompetenzzentrum und Beratung für Freiberufliche, Unternehmen, Einrichtungen und Kommunen.',
	'creative-startup-navigator': 'Orientierung für kreative Gründerinnen und Gründer in Rheinland-Pfalz.',
	'starterzentren-rlp': '32 kostenlose Gründungsberatungsstellen der Kammern.',
	'dock11-saar': 'Beratung, Vernetzung und ein Accelerator für die Kreativwirtschaft.',
	'kreatives-sachsen':
		'Kostenlose Orientierungsgespräche nach Vereinbarung an 16 Orten: Gründung, Festigung und Wachstum.',
	kwsa: 'Verband und Portal; Unterstützung bei der Gründung in der Kreativwirtschaft.',
	'servicestelle-kulturfoerderung-sh': 'Orientierung zu Programmen der Kulturförderung.',
	thak: 'Gespräche, Veranstaltungen und Workshops; Beratung zur Selbstständigkeit und zu Förderprogrammen.'
};
