import { catalogue } from './define';

// Keys start with 'pages.' so catalogues never collide.
// Legal and accessibility pages. The operator data in the imprint and privacy notice are demo
// placeholders; an operator replaces them (and the retention periods) before going live.

/**
 * Leichte Sprache is German by nature: /en/leichte-sprache shows the same German text (with
 * lang="de") and an English note, so these keys are identical in both languages.
 */
const easyRead = {
	'pages.easy.title': 'Leichte Sprache',
	'pages.easy.intro': 'Hier finden Sie wichtige Infos über Kreativlotse in Leichter Sprache.',
	'pages.easy.what.title': 'Was ist Kreativlotse?',
	'pages.easy.what.1': 'Kreativlotse ist eine Internet-Seite.',
	'pages.easy.what.2': 'Die Seite ist für Menschen mit kreativer Arbeit.',
	'pages.easy.what.3': 'Zum Beispiel: Musik, Kunst, Design, Film, Bücher, Theater, Spiele oder Werbung.',
	'pages.easy.what.4': 'Mit dieser Seite finden Sie Hilfe für Ihre Arbeit.',
	'pages.easy.office.title': 'Was ist ein Regional-Büro?',
	'pages.easy.office.1': 'Ein Regional-Büro ist eine Beratungs-Stelle.',
	'pages.easy.office.2': 'Dort arbeiten Beraterinnen und Berater.',
	'pages.easy.office.3': 'Sie kennen sich mit kreativer Arbeit aus.',
	'pages.easy.office.4': 'In Deutschland gibt es mehrere Regional-Büros.',
	'pages.easy.office.5': 'Jedes Regional-Büro ist für bestimmte Bundes-Länder da.',
	'pages.easy.advice.title': 'Was ist eine Beratung?',
	'pages.easy.advice.1': 'Bei einer Beratung sprechen Sie mit einer Beraterin oder einem Berater.',
	'pages.easy.advice.2': 'Sie erzählen von Ihrer Arbeit.',
	'pages.easy.advice.3': 'Sie sagen: Dabei brauche ich Hilfe.',
	'pages.easy.advice.4': 'Zum Beispiel: Wie viel Geld kann ich für meine Arbeit verlangen?',
	'pages.easy.advice.5': 'Die Beraterin oder der Berater gibt Ihnen Tipps.',
	'pages.easy.advice.6':
		'Sie bekommen auch Adressen von anderen Stellen. Diese Stellen können Ihnen auch helfen.',
	'pages.easy.advice.7': 'Die Beratung ist im Büro. Oder am Telefon. Oder im Internet mit Video.',
	'pages.easy.free.title': 'Was kostet die Beratung?',
	'pages.easy.free.1': 'Die Beratung ist kostenlos.',
	'pages.easy.free.2': 'Sie müssen nichts bezahlen.',
	'pages.easy.find.title': 'Wie finde ich mein Regional-Büro?',
	'pages.easy.find.1': 'Gehen Sie auf diese Seite:',
	'pages.easy.find.link': 'Regional-Büro finden',
	'pages.easy.find.2': 'Dort wählen Sie Ihr Bundes-Land.',
	'pages.easy.find.3': 'Oder Sie schreiben Ihre Post-Leitzahl.',
	'pages.easy.find.4': 'Dann sehen Sie: Dieses Regional-Büro ist für Sie da.',
	'pages.easy.find.5': 'Sie sehen auch die Telefon-Nummer und die E-Mail-Adresse vom Büro.',
	'pages.easy.help.title': 'Wie bekomme ich Hilfe?',
	'pages.easy.help.1': 'Rufen Sie Ihr Regional-Büro an.',
	'pages.easy.help.2': 'Oder schreiben Sie dem Büro eine E-Mail.',
	'pages.easy.help.3': 'Sie können auch eine Person mitbringen. Diese Person kann Ihnen helfen.',
	'pages.easy.help.4': 'Haben Sie ein Problem mit dieser Internet-Seite?',
	'pages.easy.help.5': 'Zum Beispiel: Sie können etwas nicht lesen.',
	'pages.easy.help.6': 'Dann schreiben Sie eine E-Mail an:',
	'pages.easy.data.title': 'Was passiert mit meinen Daten?',
	'pages.easy.data.1':
		'Das Regional-Büro braucht Ihren Namen und Ihre E-Mail-Adresse. Sonst kann es keinen Termin machen.',
	'pages.easy.data.2': 'Das Büro gibt Ihre Daten nicht an andere weiter.',
	'pages.easy.data.3': 'Das Büro schreibt nur mit Ihrer Erlaubnis auf, worüber Sie gesprochen haben.',
	'pages.easy.data.4':
		'Mehr dazu steht in der Datenschutz-Erklärung. Die Datenschutz-Erklärung ist nicht in Leichter Sprache.',
	'pages.easy.data.link': 'Datenschutz-Erklärung'
} as const;

export default catalogue(
	{
		// Impressum
		'pages.imprint.title': 'Impressum',
		'pages.imprint.demo':
			'Demo-Angaben: Die mit „Platzhalter“ markierten Angaben zum Betreiber gehören zu dieser Demo-Installation. Vor dem Betrieb müssen sie durch die echten Angaben des Betreibers ersetzt werden.',
		'pages.imprint.placeholder': 'Platzhalter',
		'pages.imprint.provider': 'Anbieter (Angaben nach § 5 DDG)',
		'pages.imprint.operator': 'Kompetenzzentrum Kultur- und Kreativwirtschaft des Bundes',
		'pages.imprint.street': 'Musterstraße 1',
		'pages.imprint.city': '12345 Musterstadt',
		'pages.imprint.country': 'Deutschland',
		'pages.imprint.representedBy': 'Vertreten durch: Erika Musterfrau (Geschäftsführung)',
		'pages.imprint.contact': 'Kontakt',
		'pages.imprint.email': 'E-Mail',
		'pages.imprint.phone': 'Telefon',
		'pages.imprint.phoneValue': '+49 30 0000000',
		'pages.imprint.register': 'Registereintrag',
		'pages.imprint.registerValue': 'Amtsgericht Musterstadt, HRB 00000',
		'pages.imprint.vat': 'Umsatzsteuer-Identifikationsnummer nach § 27a UStG',
		'pages.imprint.vatValue': 'DE000000000',
		'pages.imprint.responsible': 'Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV',
		'pages.imprint.responsibleValue': 'Erika Musterfrau, Anschrift wie oben',
		'pages.imprint.offices': 'Regionalbüros',
		'pages.imprint.officesText':
			'Die Beratung leisten die Regionalbüros. Ihre Anschriften und Kontaktdaten finden Sie auf der Seite',
		'pages.imprint.officesLink': 'Regionalbüro finden',
		'pages.imprint.dispute': 'Verbraucherstreitbeilegung',
		'pages.imprint.disputeText':
			'Wir sind nicht bereit und nicht verpflichtet, an Streitbeilegungsverfahren vor einer Verbraucherschlichtungsstelle teilzunehmen.',

		// Datenschutzerklärung
		'pages.privacy.title': 'Datenschutzerklärung',
		'pages.privacy.lead':
			'Hier erklären wir, welche Daten Kreativlotse verarbeitet, wozu, auf welcher Rechtsgrundlage, wie lange und welche Rechte Sie haben. Kurz gesagt: Wir verarbeiten nur, was für Ihre Beratung nötig ist. Es gibt kein Tracking, keine Werbung und keine Inhalte von Dritten.',
		'pages.privacy.controller.title': 'Wer ist verantwortlich?',
		'pages.privacy.controller.text':
			'Verantwortlich im Sinne der Datenschutz-Grundverordnung (DSGVO) ist der Betreiber dieses Angebots:',
		'pages.privacy.controller.contact': 'Fragen zum Datenschutz richten Sie bitte an: {contact}',
		'pages.privacy.controller.demo':
			'Die Anschrift des Betreibers ist in dieser Demo-Installation ein Platzhalter (siehe Impressum).',
		'pages.privacy.purposes.title': 'Welche Daten wir wozu verarbeiten',
		'pages.privacy.booking.title': 'Terminbuchung und Orientierungsberatung',
		'pages.privacy.booking.text':
			'Wenn Sie eine Beratung buchen, verarbeiten wir Ihren Namen, Ihre E-Mail-Adresse, auf Wunsch Ihre Telefonnummer, Ihr Bundesland und Ihre Postleitzahl (damit das zuständige Regionalbüro Sie berät), Ihren Teilmarkt, Ihre Phase, die gewählten Themen, Ihre kurze Beschreibung des Anliegens und den Termin. Damit vereinbaren wir den Termin, erinnern Sie daran und führen die Beratung durch.',
		'pages.privacy.booking.basis':
			'Rechtsgrundlage: Art. 6 Abs. 1 Buchst. b DSGVO (Durchführung der von Ihnen angefragten Beratung) und, soweit das Regionalbüro eine öffentliche Aufgabe wahrnimmt, Art. 6 Abs. 1 Buchst. e DSGVO.',
		'pages.privacy.accompaniment.title': 'Begleitung über die erste Beratung hinaus',
		'pages.privacy.accompaniment.text':
			'Auf Wunsch begleitet Sie das Regionalbüro über mehrere Monate: mit vereinbarten nächsten Schritten, Erinnerungen und Folgeterminen. Notizen zum Inhalt Ihrer Beratung schreibt das Büro nur mit Ihrer ausdrücklichen Einwilligung auf. Wir speichern, wann Sie eingewilligt haben und welchen Text Sie dabei gesehen haben. Jeder Zugriff auf eine solche Notiz wird protokolliert (wer, wann, welche Begleitung – nicht der Inhalt).',
		'pages.privacy.accompaniment.basis':
			'Rechtsgrundlage: Art. 6 Abs. 1 Buchst. a DSGVO (Ihre Einwilligung) für die Notizen; für Termine und nächste Schritte Art. 6 Abs. 1 Buchst. b DSGVO. Sie können Ihre Einwilligung jederzeit mit Wirkung für die Zukunft widerrufen; die Notizen werden dann gelöscht. Die Rechtmäßigkeit der Verarbeitung bis zum Widerruf bleibt unberührt.',
		'pages.privacy.events.title': 'Veranstaltungen',
		'pages.privacy.events.text':
			'Wenn Sie sich zu einer Veranstaltung anmelden, verarbeiten wir Ihren Namen, Ihre E-Mail-Adresse, Ihren Platz oder Ihre Position auf der Warteliste und ob Sie teilgenommen haben. Damit verwalten wir die Plätze und informieren Sie über Änderungen, etwa eine Absage.',
		'pages.privacy.events.basis': 'Rechtsgrundlage: Art. 6 Abs. 1 Buchst. b DSGVO.',
		'pages.privacy.stats.title': 'Statistik',
		'pages.privacy.stats.text':
			'Die Regionalbüros berichten, wie viele Beratungen sie durchgeführt haben, zum Beispiel je Teilmarkt, Bundesland und Thema. Dafür werden nur anonyme Zahlen gebildet; kleine Zahlen (unter 5) werden nicht einzeln ausgewiesen. Aus der Statistik lässt sich nicht erkennen, wer beraten wurde. Die Zahlen bleiben erhalten, wenn Ihre Daten gelöscht werden.',
		'pages.privacy.stats.basis':
			'Rechtsgrundlage für das Bilden der Zahlen: Art. 6 Abs. 1 Buchst. e DSGVO (Berichterstattung über den öffentlich geförderten Auftrag).',
		'pages.privacy.security.title': 'Sicherheit und Protokoll',
		'pages.privacy.security.text':
			'Damit niemand Unbefugtes auf Daten zugreift, müssen sich Mitarbeitende mit Passwort und zweitem Faktor anmelden. Wichtige Vorgänge (zum Beispiel das Lesen einer Beratungsnotiz oder eine verweigerte Anfrage) werden mit Zeitpunkt und handelnder Person protokolliert. Zum Schutz vor Missbrauch, etwa vielen Anmeldeversuchen, zählen wir Anfragen je IP-Adresse für kurze Zeit.',
		'pages.privacy.security.basis':
			'Rechtsgrundlage: Art. 6 Abs. 1 Buchst. e DSGVO in Verbindung mit Art. 32 DSGVO (Sicherheit der Verarbeitung).',
		'pages.privacy.special.title': 'Besonders schützenswerte Daten (Art. 9 DSGVO)',
		'pages.privacy.special.text':
			'Angaben zu Ihrer Gesundheit oder zu einer persönlichen Notlage brauchen wir für die Beratung in aller Regel nicht. Bitte schreiben Sie solche Angaben nicht in Freitextfelder. Wenn sie für Ihre Begleitung wichtig sind, hält das Büro sie nur mit Ihrer ausdrücklichen Einwilligung fest (Art. 9 Abs. 2 Buchst. a DSGVO). Nach Sozialversicherungsnummern fragen wir nie.',
		'pages.privacy.cookies.title': 'Cookies und Tracking',
		'pages.privacy.recipients.title': 'Wer Ihre Daten erhält',
		'pages.privacy.recipients.text':
			'Ihre Daten sieht nur das Regionalbüro, das für Sie zuständig ist. Die Netzwerk-Administration des Kompetenzzentrums kann technisch auf alle Daten zugreifen, um den Betrieb zu sichern; jeder solche Zugriff auf Beratungsnotizen wird protokolliert. Wir geben Ihre Daten nicht an Dritte weiter und übermitteln sie nicht in Länder außerhalb der EU. Wenn ein Dienstleister die Server betreibt, geschieht das als Auftragsverarbeitung nach Art. 28 DSGVO: Er darf die Daten nicht für eigene Zwecke nutzen. Eine Kontaktvermittlung an Entscheiderinnen und Entscheider gibt es nur, wenn Sie ihr vorher zustimmen.',
		'pages.privacy.retention.title': 'Wie lange wir Daten speichern',
		'pages.privacy.retention.stats': 'Anonyme Statistikzahlen bleiben dauerhaft erhalten.',
		'pages.privacy.rights.title': 'Ihre Rechte',
		'pages.privacy.rights.text': 'Sie haben das Recht auf',
		'pages.privacy.rights.access': 'Auskunft über Ihre Daten (Art. 15 DSGVO),',
		'pages.privacy.rights.rectification': 'Berichtigung falscher Daten (Art. 16 DSGVO),',
		'pages.privacy.rights.erasure': 'Löschung (Art. 17 DSGVO),',
		'pages.privacy.rights.restriction': 'Einschränkung der Verarbeitung (Art. 18 DSGVO),',
		'pages.privacy.rights.portability':
			'Datenübertragbarkeit: Sie erhalten Ihre Daten in einem gängigen, maschinenlesbaren Format (Art. 20 DSGVO),',
		'pages.privacy.rights.objection':
			'Widerspruch gegen eine Verarbeitung, die auf Art. 6 Abs. 1 Buchst. e DSGVO beruht, aus Gründen Ihrer besonderen Situation (Art. 21 DSGVO),',
		'pages.privacy.rights.withdrawal':
			'Widerruf einer Einwilligung jederzeit mit Wirkung für die Zukunft (Art. 7 Abs. 3 DSGVO),',
		'pages.privacy.rights.complaint':
			'Beschwerde bei einer Datenschutz-Aufsichtsbehörde (Art. 77 DSGVO), zum Beispiel in dem Bundesland, in dem Sie wohnen.',
		'pages.privacy.rights.how':
			'Schreiben Sie uns dafür formlos an {contact} oder wenden Sie sich an Ihr Regionalbüro. Es gibt keine automatisierten Entscheidungen und kein Profiling (Art. 22 DSGVO).',
		'pages.privacy.date': 'Stand: 29. November 2026',

		// Erklärung zur Barrierefreiheit
		'pages.a11y.title': 'Erklärung zur Barrierefreiheit',
		'pages.a11y.intro':
			'Der Betreiber von Kreativlotse (siehe Impressum) ist bemüht, dieses Webangebot im Einklang mit dem Behindertengleichstellungsgesetz (BGG) und der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) barrierefrei zugänglich zu machen. Diese Erklärung gilt für alle öffentlichen Seiten und für den internen Bereich der Regionalbüros.',
		'pages.a11y.status.title': 'Stand der Vereinbarkeit mit den Anforderungen',
		'pages.a11y.status.text':
			'Dieses Webangebot ist wegen der folgenden Einschränkungen teilweise mit der BITV 2.0 vereinbar. Maßstab sind die Web Content Accessibility Guidelines (WCAG) 2.1 auf Stufe AA; wir entwickeln nach WCAG 2.2 AA.',
		'pages.a11y.limits.title': 'Nicht barrierefreie Inhalte',
		'pages.a11y.limits.easy':
			'Leichte Sprache: Nur die wichtigsten Informationen gibt es in Leichter Sprache (Seite „Leichte Sprache“). Formulare, Rechtstexte und der interne Bereich sind nicht in Leichter Sprache verfasst.',
		'pages.a11y.limits.sign':
			'Gebärdensprache: Es gibt noch keine Erläuterungen in Deutscher Gebärdensprache (DGS), wie § 4 BITV 2.0 sie für die Startseite vorsieht.',
		'pages.a11y.limits.session':
			'Zeitbegrenzung im internen Bereich: Aus Sicherheitsgründen endet die Anmeldung von Mitarbeitenden nach 30 Minuten ohne Aktivität. Nicht gespeicherte Eingaben gehen dann verloren.',
		'pages.a11y.limits.mail':
			'Mail-Ansicht im internen Bereich: Die HTML-Fassung einer Mail wird in einem abgeschirmten Rahmen gezeigt, in dem sich Links nicht öffnen lassen. Die Textfassung auf derselben Seite enthält denselben Inhalt mit allen Links als Text.',
		'pages.a11y.limits.english':
			'Englische Fassung: Einige Angaben der Regionalbüros (etwa Öffnungszeiten) liegen nur auf Deutsch vor.',
		'pages.a11y.method.title': 'Wie diese Erklärung erstellt wurde',
		'pages.a11y.method.text':
			'Die Erklärung beruht auf einer Selbstbewertung. Bei jeder Änderung am Programm prüfen automatisierte Tests jede Seite und jeden erreichbaren Seitenzustand mit dem Prüfwerkzeug axe-core gegen die Regeln der WCAG 2.0, 2.1 und 2.2 (Stufen A und AA). Weitere automatisierte Tests bedienen die Seiten nur mit der Tastatur (zum Beispiel „Zum Inhalt springen“ und die Anmeldung) und prüfen die Darstellung bei 320 Pixel Breite ohne waagerechtes Scrollen. Automatische Prüfungen finden nicht jede Barriere; eine Prüfung durch Fachleute (etwa ein BITV-Test) steht noch aus.',
		'pages.a11y.date.text': 'Diese Erklärung wurde am {date} erstellt und zuletzt am {date} überprüft.',
		'pages.a11y.date': '29. November 2026',
		'pages.a11y.feedback.title': 'Barrieren melden: Kontakt',
		'pages.a11y.feedback.text':
			'Sind Ihnen Mängel beim barrierefreien Zugang zu Kreativlotse aufgefallen? Oder brauchen Sie Inhalte in einer anderen Form? Dann schreiben Sie uns bitte an:',
		'pages.a11y.feedback.hint':
			'Beschreiben Sie bitte kurz, auf welcher Seite das Problem auftritt und was nicht funktioniert. Wir antworten Ihnen so schnell wie möglich.',
		'pages.a11y.enforcement.title': 'Schlichtungsverfahren',
		'pages.a11y.enforcement.text':
			'Wenn Sie auf Ihre Rückmeldung keine zufriedenstellende Antwort erhalten, können Sie bei der Schlichtungsstelle nach § 16 des Behindertengleichstellungsgesetzes (BGG) einen Antrag auf ein Schlichtungsverfahren stellen. Die Schlichtungsstelle BGG unterstützt bei Konflikten zur Barrierefreiheit zwischen Menschen mit Behinderungen und öffentlichen Stellen des Bundes eine außergerichtliche Streitbeilegung. Das Verfahren ist kostenlos; Sie brauchen keinen Rechtsbeistand.',
		'pages.a11y.enforcement.web': 'Weitere Informationen und das Antragsformular finden Sie unter',
		'pages.a11y.enforcement.address':
			'Schlichtungsstelle nach dem Behindertengleichstellungsgesetz bei dem Beauftragten der Bundesregierung für die Belange von Menschen mit Behinderungen, Mauerstraße 53, 10117 Berlin',

		// Leichte Sprache
		...easyRead,
		'pages.easy.note': 'Auf dieser Seite stehen die wichtigsten Infos in Leichter Sprache.'
	},
	{
		// Legal notice
		'pages.imprint.title': 'Legal notice (Impressum)',
		'pages.imprint.demo':
			'Demo data: the operator details marked “placeholder” belong to this demo installation. They must be replaced with the real details of the operator before going live.',
		'pages.imprint.placeholder': 'placeholder',
		'pages.imprint.provider': 'Service provider (information under § 5 DDG, German Digital Services Act)',
		'pages.imprint.operator': 'Kompetenzzentrum Kultur- und Kreativwirtschaft des Bundes',
		'pages.imprint.street': 'Musterstraße 1',
		'pages.imprint.city': '12345 Musterstadt',
		'pages.imprint.country': 'Germany',
		'pages.imprint.representedBy': 'Represented by: Erika Musterfrau (managing director)',
		'pages.imprint.contact': 'Contact',
		'pages.imprint.email': 'E-mail',
		'pages.imprint.phone': 'Phone',
		'pages.imprint.phoneValue': '+49 30 0000000',
		'pages.imprint.register': 'Commercial register',
		'pages.imprint.registerValue': 'Amtsgericht Musterstadt, HRB 00000',
		'pages.imprint.vat': 'VAT identification number under § 27a UStG',
		'pages.imprint.vatValue': 'DE000000000',
		'pages.imprint.responsible': 'Responsible for the content under § 18 (2) MStV',
		'pages.imprint.responsibleValue': 'Erika Musterfrau, address as above',
		'pages.imprint.offices': 'Regional offices',
		'pages.imprint.officesText':
			'Advice is given by the regional offices. You will find their addresses and contact details on the page',
		'pages.imprint.officesLink': 'Find your regional office',
		'pages.imprint.dispute': 'Consumer dispute resolution',
		'pages.imprint.disputeText':
			'We are neither willing nor obliged to take part in dispute resolution proceedings before a consumer arbitration board.',

		// Privacy policy
		'pages.privacy.title': 'Privacy policy (Datenschutzerklärung)',
		'pages.privacy.lead':
			'This page explains which data Kreativlotse processes, for what purpose, on which legal basis, for how long, and what your rights are. In short: we only process what your advice needs. There is no tracking, no advertising and no content from third parties.',
		'pages.privacy.controller.title': 'Who is responsible?',
		'pages.privacy.controller.text':
			'The controller within the meaning of the General Data Protection Regulation (GDPR, in German DSGVO) is the operator of this service:',
		'pages.privacy.controller.contact': 'Please send questions about data protection to: {contact}',
		'pages.privacy.controller.demo':
			'In this demo installation the operator’s address is a placeholder (see the legal notice).',
		'pages.privacy.purposes.title': 'Which data we process and why',
		'pages.privacy.booking.title': 'Booking and orientation advice',
		'pages.privacy.booking.text':
			'When you book a consultation we process your name, your e-mail address, your phone number if you give it, your federal state and postcode (so that the responsible regional office advises you), your sub-market, your stage, the topics you chose, your short description of what you need, and the appointment. We use them to arrange the appointment, remind you of it and hold the consultation.',
		'pages.privacy.booking.basis':
			'Legal basis: Art. 6 (1) (b) GDPR (carrying out the advice you asked for) and, where the regional office performs a public task, Art. 6 (1) (e) GDPR.',
		'pages.privacy.accompaniment.title': 'Accompaniment beyond the first consultation',
		'pages.privacy.accompaniment.text':
			'If you wish, the regional office accompanies you over several months: with agreed next steps, reminders and follow-up appointments. The office only writes down notes on the content of your advice with your explicit consent. We store when you consented and which text you were shown. Every access to such a note is logged (who, when, which case – not the content).',
		'pages.privacy.accompaniment.basis':
			'Legal basis: Art. 6 (1) (a) GDPR (your consent) for the notes; Art. 6 (1) (b) GDPR for appointments and next steps. You can withdraw your consent at any time with effect for the future; the notes are then deleted. Processing before the withdrawal remains lawful.',
		'pages.privacy.events.title': 'Events',
		'pages.privacy.events.text':
			'When you register for an event we process your name, your e-mail address, your place or your position on the waiting list, and whether you attended. We use them to manage the places and to inform you about changes such as a cancellation.',
		'pages.privacy.events.basis': 'Legal basis: Art. 6 (1) (b) GDPR.',
		'pages.privacy.stats.title': 'Statistics',
		'pages.privacy.stats.text':
			'The regional offices report how many consultations they held, for example per sub-market, federal state and topic. Only anonymous counts are formed for this; small numbers (below 5) are not shown individually. The statistics do not reveal who was advised. The counts remain when your data is deleted.',
		'pages.privacy.stats.basis':
			'Legal basis for forming the counts: Art. 6 (1) (e) GDPR (reporting on the publicly funded mandate).',
		'pages.privacy.security.title': 'Security and audit log',
		'pages.privacy.security.text':
			'To keep unauthorised people away from the data, staff sign in with a password and a second factor. Important actions (for example reading a consultation note or a refused request) are logged with the time and the person acting. To protect against abuse, such as many sign-in attempts, we count requests per IP address for a short time.',
		'pages.privacy.security.basis':
			'Legal basis: Art. 6 (1) (e) GDPR in conjunction with Art. 32 GDPR (security of processing).',
		'pages.privacy.special.title': 'Special categories of data (Art. 9 GDPR)',
		'pages.privacy.special.text':
			'As a rule, your advice does not need information about your health or a personal hardship. Please do not write such details into free-text fields. If they matter for your accompaniment, the office only records them with your explicit consent (Art. 9 (2) (a) GDPR). We never ask for social security numbers.',
		'pages.privacy.cookies.title': 'Cookies and tracking',
		'pages.privacy.recipients.title': 'Who receives your data',
		'pages.privacy.recipients.text':
			'Only the regional office responsible for you sees your data. The network administrators of the competence centre can technically access all data to keep the service running; every such access to consultation notes is logged. We do not pass your data on to third parties and do not transfer it to countries outside the EU. If a service provider runs the servers, it does so as a processor under Art. 28 GDPR and may not use the data for its own purposes. Contact details are passed to decision makers only if you agree beforehand.',
		'pages.privacy.retention.title': 'How long we keep data',
		'pages.privacy.retention.stats': 'Anonymous statistical counts are kept permanently.',
		'pages.privacy.rights.title': 'Your rights',
		'pages.privacy.rights.text': 'You have the right to',
		'pages.privacy.rights.access': 'access to your data (Art. 15 GDPR),',
		'pages.privacy.rights.rectification': 'rectification of incorrect data (Art. 16 GDPR),',
		'pages.privacy.rights.erasure': 'erasure (Art. 17 GDPR),',
		'pages.privacy.rights.restriction': 'restriction of processing (Art. 18 GDPR),',
		'pages.privacy.rights.portability':
			'data portability: you receive your data in a common, machine-readable format (Art. 20 GDPR),',
		'pages.privacy.rights.objection':
			'object, on grounds relating to your particular situation, to processing based on Art. 6 (1) (e) GDPR (Art. 21 GDPR),',
		'pages.privacy.rights.withdrawal':
			'withdraw consent at any time with effect for the future (Art. 7 (3) GDPR),',
		'pages.privacy.rights.complaint':
			'lodge a complaint with a data protection supervisory authority (Art. 77 GDPR), for example in the federal state where you live.',
		'pages.privacy.rights.how':
			'Just write to us at {contact} or contact your regional office. There are no automated decisions and no profiling (Art. 22 GDPR).',
		'pages.privacy.date': 'As of: 29 November 2026',

		// Accessibility statement
		'pages.a11y.title': 'Accessibility statement (Erklärung zur Barrierefreiheit)',
		'pages.a11y.intro':
			'The operator of Kreativlotse (see the legal notice) strives to make this service accessible in accordance with the German Disability Equality Act (BGG) and the Barrier-Free Information Technology Ordinance (BITV 2.0). This statement covers all public pages and the internal area of the regional offices.',
		'pages.a11y.status.title': 'Compliance status',
		'pages.a11y.status.text':
			'This service is partially compliant with BITV 2.0 because of the limitations listed below. The benchmark is the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA; we build to WCAG 2.2 AA.',
		'pages.a11y.limits.title': 'Content that is not accessible',
		'pages.a11y.limits.easy':
			'Easy Read: only the key information is available in German Easy Read (page “Leichte Sprache”). Forms, legal texts and the internal area are not written in Easy Read.',
		'pages.a11y.limits.sign':
			'Sign language: there are no explanations in German Sign Language (DGS) yet, as § 4 BITV 2.0 asks for on the home page.',
		'pages.a11y.limits.session':
			'Time limit in the internal area: for security, a staff session ends after 30 minutes without activity. Unsaved input is then lost.',
		'pages.a11y.limits.mail':
			'Mail view in the internal area: the HTML version of a mail is shown in a shielded frame in which links cannot be opened. The text version on the same page has the same content with every link as text.',
		'pages.a11y.limits.english':
			'English version: some details from the regional offices (such as opening hours) exist in German only.',
		'pages.a11y.method.title': 'How this statement was prepared',
		'pages.a11y.method.text':
			'This statement is based on a self-assessment. On every change to the software, automated tests check every page and every reachable page state with the axe-core checker against the rules of WCAG 2.0, 2.1 and 2.2 (levels A and AA). Further automated tests operate the pages with the keyboard only (for example “Skip to content” and signing in) and check the layout at 320 pixels wide without horizontal scrolling. Automated checks do not find every barrier; an expert review (such as a BITV test) is still pending.',
		'pages.a11y.date.text': 'This statement was prepared on {date} and last reviewed on {date}.',
		'pages.a11y.date': '29 November 2026',
		'pages.a11y.feedback.title': 'Report a barrier: contact',
		'pages.a11y.feedback.text':
			'Have you noticed a barrier in Kreativlotse? Or do you need content in another form? Please write to us at:',
		'pages.a11y.feedback.hint':
			'Please tell us briefly on which page the problem occurs and what does not work. We will answer as soon as we can.',
		'pages.a11y.enforcement.title': 'Enforcement procedure',
		'pages.a11y.enforcement.text':
			'If you do not receive a satisfactory answer to your feedback, you can apply for conciliation to the conciliation body under § 16 of the German Disability Equality Act (Schlichtungsstelle nach § 16 BGG). It supports out-of-court settlement of accessibility disputes between people with disabilities and federal public bodies. The procedure is free of charge; you do not need a lawyer.',
		'pages.a11y.enforcement.web': 'More information and the application form (in German) are available at',
		'pages.a11y.enforcement.address':
			'Schlichtungsstelle nach dem Behindertengleichstellungsgesetz bei dem Beauftragten der Bundesregierung für die Belange von Menschen mit Behinderungen, Mauerstraße 53, 10117 Berlin',

		// Easy Read: the German text on the English site, with an English note
		...easyRead,
		'pages.easy.note':
			'This page is in German Easy Read (Leichte Sprache): short sentences, one statement each, with simple words. It explains the key information about Kreativlotse: what a regional office is, that advice is free, how to find your office and how to get help.'
	}
);
