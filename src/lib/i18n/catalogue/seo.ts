import { catalogue } from './define';

// Keys start with 'seo.': the meta description of each public page (search results, link previews).
export default catalogue(
	{
		'seo.description.default':
			'Kreativlotse: kostenlose Orientierungsberatung der Regionalbüros für die Kultur- und Kreativwirtschaft.',
		'seo.description.home':
			'Kostenlose Orientierungsberatung für Kreative und Kulturschaffende: Termin beim Regionalbüro buchen, Veranstaltungen und weitere Anlaufstellen finden.',
		'seo.description.termin':
			'Buchen Sie online einen kostenlosen Beratungstermin beim Regionalbüro für die Kultur- und Kreativwirtschaft – im Büro, am Telefon, per Video oder am Sprechtag.',
		'seo.description.veranstaltungen':
			'Workshops, Infoveranstaltungen, Netzwerkabende und Webinare der Regionalbüros für die Kultur- und Kreativwirtschaft – kostenlos anmelden.',
		'seo.description.veranstaltung':
			'Eine kostenlose Veranstaltung der Regionalbüros für die Kultur- und Kreativwirtschaft: Termin, Ort und Anmeldung.',
		'seo.description.anlaufstellen':
			'Weitere Anlaufstellen für Kreative: Förderung, Versicherung, Netzwerke und Beratung in Bund und Ländern.',
		'seo.description.regionalbuero':
			'Welches Regionalbüro ist für Sie zuständig? Finden Sie es über Ihr Bundesland oder Ihre Postleitzahl.',
		'seo.description.kreative':
			'Profile von Kreativen und Studios aus der Kultur- und Kreativwirtschaft – offen für Projekte.',
		'seo.description.gesuche':
			'Projektgesuche von Auftraggebern an Kreative der Kultur- und Kreativwirtschaft.',
		'seo.description.impressum': 'Impressum von Kreativlotse.',
		'seo.description.datenschutz':
			'Datenschutzerklärung von Kreativlotse: welche Daten wir wofür verarbeiten.',
		'seo.description.barrierefreiheit': 'Erklärung zur Barrierefreiheit von Kreativlotse.',
		'seo.description.leichteSprache':
			'Kreativlotse in Leichter Sprache: Was ist das? Wie bekomme ich Beratung?'
	},
	{
		'seo.description.default':
			'Kreativlotse: free orientation advice from the regional offices for the cultural and creative industries.',
		'seo.description.home':
			'Free orientation advice for creatives and cultural workers: book an appointment with your regional office, find events and further contact points.',
		'seo.description.termin':
			'Book a free consultation with the regional office for the cultural and creative industries online – at the office, by phone, by video or on a Sprechtag.',
		'seo.description.veranstaltungen':
			'Workshops, information events, networking evenings and webinars of the regional offices for the cultural and creative industries – register for free.',
		'seo.description.veranstaltung':
			'A free event of the regional offices for the cultural and creative industries: date, place and registration.',
		'seo.description.anlaufstellen':
			'Further contact points for creatives: funding, insurance, networks and advice at federal and Land level.',
		'seo.description.regionalbuero':
			'Which regional office is responsible for you? Find it by your Land or postcode.',
		'seo.description.kreative':
			'Profiles of creatives and studios from the cultural and creative industries – open for projects.',
		'seo.description.gesuche':
			'Project requests from clients to creatives of the cultural and creative industries.',
		'seo.description.impressum': 'Legal notice of Kreativlotse.',
		'seo.description.datenschutz': 'Privacy policy of Kreativlotse: which data we process and why.',
		'seo.description.barrierefreiheit': 'Accessibility statement of Kreativlotse.',
		'seo.description.leichteSprache': 'Kreativlotse in Easy Language: what is it? How do I get advice?'
	}
);
