import { catalogue } from './define';

// Issue 13, part 1: the privacy notice's parts that come from configuration — the retention
// table (privacy/retention-rules.ts, one entry per category and legal basis), the session
// cookie and the data protection officer — and the processing the notice did not yet explain.
// {period}, {cookie}, {idle}, {absolute} and {contact} are filled from privacy/privacy-notice.ts.
export default catalogue(
	{
		'privacyNotice.retention.text':
			'Für jede Art von Daten gibt es eine Löschregel; ein automatischer Löschlauf setzt sie stündlich durch. Die Fristen unten sind die, die dieses System tatsächlich anwendet:',
		'privacyNotice.retention.entry': '{category}: {period} {from}, danach {action}.',
		'privacyNotice.retention.basis': 'Rechtsgrundlage: {bases}.',
		'privacyNotice.category.bookings_unconfirmed': 'Nicht bestätigte Buchungsanfragen',
		'privacyNotice.category.bookings_past': 'Buchungen ohne weitere Begleitung',
		'privacyNotice.category.cases_closed':
			'Begleitungen mit Gesprächen, Schritten, Rückmeldungen und Verweisen',
		'privacyNotice.category.creatives_without_data': 'Ihre E-Mail-Adresse als Konto im Portal',
		'privacyNotice.category.event_registrations': 'Anmeldungen zu Veranstaltungen',
		'privacyNotice.category.waitlist_unconfirmed': 'Unbestätigte Einträge auf Wartelisten',
		'privacyNotice.category.mails': 'Versandte E-Mails',
		'privacyNotice.category.profiles_not_renewed': 'Öffentliche Profile',
		'privacyNotice.category.decision_makers': 'Angaben von Entscheiderinnen und Entscheidern',
		'privacyNotice.category.tokens': 'Anmelde- und Bestätigungslinks',
		'privacyNotice.category.audit': 'Protokolleinträge',
		'privacyNotice.from.bookings_unconfirmed': 'nach Ablauf der Reservierung',
		'privacyNotice.from.bookings_past': 'nach dem Termin',
		'privacyNotice.from.cases_closed': 'nach dem Abschluss der Begleitung',
		'privacyNotice.from.creatives_without_data':
			'nach der letzten Änderung, sobald keine Buchung, Begleitung, Anmeldung und kein Profil mehr auf Sie verweist',
		'privacyNotice.from.event_registrations': 'nach der Veranstaltung',
		'privacyNotice.from.waitlist_unconfirmed': 'nach Ablauf der 24 Stunden zur Bestätigung',
		'privacyNotice.from.mails': 'nach dem Versand',
		'privacyNotice.from.profiles_not_renewed': 'nach Ihrer letzten Änderung am Profil',
		'privacyNotice.from.decision_makers': 'nach dem Abschluss der letzten Anfrage',
		'privacyNotice.from.tokens': 'nach Ablauf des Links',
		'privacyNotice.from.audit': 'nach dem protokollierten Vorgang',
		'privacyNotice.action.delete': 'gelöscht',
		'privacyNotice.action.anonymise':
			'anonymisiert (alles, was auf Sie verweist, wird entfernt; übrig bleiben nur anonyme Zahlen)',
		'privacyNotice.basis.art5_1_e': 'Art. 5 Abs. 1 Buchst. e DSGVO (Speicherbegrenzung)',
		'privacyNotice.basis.art6_1_a': 'Art. 6 Abs. 1 Buchst. a DSGVO (Einwilligung)',
		'privacyNotice.basis.art6_1_b': 'Art. 6 Abs. 1 Buchst. b DSGVO (von Ihnen angefragte Leistung)',
		'privacyNotice.basis.art6_1_c': 'Art. 6 Abs. 1 Buchst. c DSGVO (rechtliche Pflicht)',
		'privacyNotice.basis.art6_1_e': 'Art. 6 Abs. 1 Buchst. e DSGVO (öffentliche Aufgabe)',
		'privacyNotice.basis.art6_1_f': 'Art. 6 Abs. 1 Buchst. f DSGVO (berechtigtes Interesse)',
		'privacyNotice.basis.art9_2_a': 'Art. 9 Abs. 2 Buchst. a DSGVO (ausdrückliche Einwilligung)',
		'privacyNotice.basis.art32': 'Art. 32 DSGVO (Sicherheit der Verarbeitung)',
		'privacyNotice.retention.withdrawal':
			'Inhaltsnotizen zu Ihren Gesprächen: sofort, wenn Sie Ihre Einwilligung widerrufen.',
		'privacyNotice.retention.erasure':
			'Mit „Konto löschen“ im Portal werden alle Angaben zu Ihrer Person sofort gelöscht oder anonymisiert, auch in versandten E-Mails.',
		'privacyNotice.cookies.text':
			'Öffentliche Seiten setzen keine Cookies. Es gibt kein Tracking, keine Analysewerkzeuge, keine Werbung und keine Anfragen an fremde Server (keine externen Schriftarten, Karten oder Videos). Nur wer sich anmeldet – Mitarbeitende der Regionalbüros oder Sie im Portal –, erhält ein technisch notwendiges Sitzungs-Cookie namens {cookie}. Es enthält eine zufällige Kennung, ist für Skripte nicht lesbar und endet nach {idle} ohne Aktivität, spätestens nach {absolute}, oder wenn Sie sich abmelden. Dafür ist keine Einwilligung nötig (§ 25 Abs. 2 Nr. 2 TDDDG).',
		'privacyNotice.portal.title': 'Ihr Bereich (Portal)',
		'privacyNotice.portal.text':
			'Im Portal sehen Sie Ihre Termine, Ihren Plan, Nachrichten, Verweise und Einwilligungen. Sie melden sich ohne Passwort mit einem Link an, den wir Ihnen per E-Mail senden; er gilt kurz und nur einmal, gespeichert wird nur sein Hashwert. Nach der Anmeldung setzen wir das Sitzungs-Cookie {cookie} (siehe „Cookies und Tracking“); zur Sitzung speichern wir Zeitpunkt, IP-Adresse und Browserkennung, um Missbrauch zu erkennen. Dort laden Sie auch alle Ihre Daten herunter und löschen Ihr Konto.',
		'privacyNotice.portal.basis':
			'Rechtsgrundlage: Art. 6 Abs. 1 Buchst. b DSGVO; für die Sitzungsdaten Art. 32 DSGVO.',
		'privacyNotice.checkins.title': 'Rückmeldungen (Check-ins)',
		'privacyNotice.checkins.text':
			'Während einer Begleitung fragt Ihr Regionalbüro in vereinbarten Abständen per E-Mail nach, wie es vorangeht. Ihre Antwort (was sich getan hat, erledigte Schritte, der Wunsch nach einem Folgegespräch) speichern wir in Ihrer Begleitung; das Büro sieht sie auf seiner Übersicht.',
		'privacyNotice.checkins.basis':
			'Rechtsgrundlage: Art. 6 Abs. 1 Buchst. b DSGVO (die von Ihnen gewünschte Begleitung).',
		'privacyNotice.referrals.title': 'Verweise an andere Stellen und Nachfragen',
		'privacyNotice.referrals.text':
			'Empfiehlt Ihnen das Büro eine andere Anlaufstelle, speichern wir den Verweis. Einige Wochen später fragen wir per E-Mail, ob es geholfen hat; Ihre Antwort (mit Datum) hilft dem Büro, gute Empfehlungen zu geben. Die Anlaufstelle erhält Ihre Daten dadurch nicht: Sie nehmen selbst Kontakt auf.',
		'privacyNotice.referrals.basis': 'Rechtsgrundlage: Art. 6 Abs. 1 Buchst. b DSGVO.',
		'privacyNotice.profiles.title': 'Öffentliche Profile',
		'privacyNotice.profiles.text':
			'Im Portal können Sie ein Profil anlegen (Name, Ort, Kurzbeschreibung, Leistungen, Links, ein Bild). Öffentlich wird es nur, wenn Sie das ausdrücklich wünschen und das Regionalbüro es freigegeben hat; Ihre E-Mail-Adresse erscheint nie. Aus hochgeladenen Bildern entfernen wir eingebettete Angaben (etwa Standortdaten). Sie können das Profil jederzeit zurückziehen; es verschwindet dann sofort.',
		'privacyNotice.profiles.basis':
			'Rechtsgrundlage: Art. 6 Abs. 1 Buchst. a DSGVO (Ihre Einwilligung zur Veröffentlichung; die Textfassung und das Datum speichern wir).',
		'privacyNotice.requests.title': 'Anfragen von Entscheiderinnen und Entscheidern',
		'privacyNotice.requests.text':
			'Kommunen, Unternehmen und Einrichtungen können ein Vorhaben als Gesuch einreichen. Dafür verarbeiten wir die Organisation, den Namen der Kontaktperson, E-Mail-Adresse, auf Wunsch die Telefonnummer und die Beschreibung des Vorhabens. Die Adresse wird per Link bestätigt; das Regionalbüro prüft das Gesuch vor der Veröffentlichung. Kontaktdaten werden nie öffentlich gezeigt.',
		'privacyNotice.requests.basis':
			'Rechtsgrundlage: Art. 6 Abs. 1 Buchst. b DSGVO; für die Prüfung Art. 6 Abs. 1 Buchst. f DSGVO (Schutz vor Missbrauch).',
		'privacyNotice.relay.title': 'Kontaktvermittlung',
		'privacyNotice.relay.text':
			'Passt ein Gesuch zu Ihnen, kann Ihr Regionalbüro Sie vorschlagen. Sie erhalten eine E-Mail mit dem Vorhaben (ohne Kontaktdaten) und entscheiden selbst: Nur wenn Sie zustimmen, erhalten beide Seiten die Kontaktdaten der anderen per E-Mail. Lehnen Sie ab, erfährt die andere Seite nichts über Sie. Das Büro hält fest, was aus der Vermittlung geworden ist.',
		'privacyNotice.relay.basis':
			'Rechtsgrundlage: Art. 6 Abs. 1 Buchst. a DSGVO (Ihre Zustimmung zur Weitergabe).',
		'privacyNotice.freeText':
			'Texte, die Sie in Freitextfelder schreiben, prüfen wir vor dem Speichern auf besonders schützenswerte Angaben (etwa zur Gesundheit) und weisen Sie darauf hin, damit Sie entscheiden können, ob sie dort stehen sollen.',
		'privacyNotice.dpo.own':
			'Unsere Datenschutzbeauftragte oder unseren Datenschutzbeauftragten erreichen Sie unter: {contact}',
		'privacyNotice.dpo.network':
			'Fragen an die Datenschutzbeauftragte oder den Datenschutzbeauftragten richten Sie bitte an: {contact}'
	},
	{
		'privacyNotice.retention.text':
			'Every kind of data has a deletion rule; an automatic run enforces them every hour. The periods below are the ones this system actually applies:',
		'privacyNotice.retention.entry': '{category}: {period} {from}, then {action}.',
		'privacyNotice.retention.basis': 'Legal basis: {bases}.',
		'privacyNotice.category.bookings_unconfirmed': 'Booking requests never confirmed',
		'privacyNotice.category.bookings_past': 'Bookings without further accompaniment',
		'privacyNotice.category.cases_closed': 'Accompaniments with talks, steps, check-ins and referrals',
		'privacyNotice.category.creatives_without_data': 'Your e-mail address as a portal account',
		'privacyNotice.category.event_registrations': 'Event registrations',
		'privacyNotice.category.waitlist_unconfirmed': 'Unconfirmed waiting-list entries',
		'privacyNotice.category.mails': 'Sent e-mails',
		'privacyNotice.category.profiles_not_renewed': 'Public profiles',
		'privacyNotice.category.decision_makers': 'Details of decision makers',
		'privacyNotice.category.tokens': 'Sign-in and confirmation links',
		'privacyNotice.category.audit': 'Audit log entries',
		'privacyNotice.from.bookings_unconfirmed': 'after the hold runs out',
		'privacyNotice.from.bookings_past': 'after the appointment',
		'privacyNotice.from.cases_closed': 'after the accompaniment is closed',
		'privacyNotice.from.creatives_without_data':
			'after the last change, once no booking, accompaniment, registration or profile refers to you',
		'privacyNotice.from.event_registrations': 'after the event',
		'privacyNotice.from.waitlist_unconfirmed': 'after the 24 hours to confirm have passed',
		'privacyNotice.from.mails': 'after sending',
		'privacyNotice.from.profiles_not_renewed': 'after your last change to the profile',
		'privacyNotice.from.decision_makers': 'after their last request is closed',
		'privacyNotice.from.tokens': 'after the link expires',
		'privacyNotice.from.audit': 'after the logged action',
		'privacyNotice.action.delete': 'deleted',
		'privacyNotice.action.anonymise':
			'anonymised (everything that points to you is removed; only anonymous figures remain)',
		'privacyNotice.basis.art5_1_e': 'Art. 5 (1) (e) GDPR (storage limitation)',
		'privacyNotice.basis.art6_1_a': 'Art. 6 (1) (a) GDPR (consent)',
		'privacyNotice.basis.art6_1_b': 'Art. 6 (1) (b) GDPR (a service you asked for)',
		'privacyNotice.basis.art6_1_c': 'Art. 6 (1) (c) GDPR (legal obligation)',
		'privacyNotice.basis.art6_1_e': 'Art. 6 (1) (e) GDPR (public task)',
		'privacyNotice.basis.art6_1_f': 'Art. 6 (1) (f) GDPR (legitimate interest)',
		'privacyNotice.basis.art9_2_a': 'Art. 9 (2) (a) GDPR (explicit consent)',
		'privacyNotice.basis.art32': 'Art. 32 GDPR (security of processing)',
		'privacyNotice.retention.withdrawal':
			'Content notes on your talks: at once when you withdraw your consent.',
		'privacyNotice.retention.erasure':
			'“Delete account” in the portal deletes or anonymises everything about you at once, in sent e-mails too.',
		'privacyNotice.cookies.text':
			'Public pages set no cookies. There is no tracking, no analytics, no advertising and no requests to other servers (no external fonts, maps or videos). Only those who sign in – regional office staff, or you in the portal – get a technically necessary session cookie named {cookie}. It holds a random identifier, cannot be read by scripts and ends after {idle} without activity, after {absolute} at the latest, or when you sign out. No consent is needed for it (§ 25 (2) no. 2 TDDDG).',
		'privacyNotice.portal.title': 'Your area (portal)',
		'privacyNotice.portal.text':
			'In the portal you see your appointments, your plan, messages, referrals and consents. You sign in without a password through a link we send you by e-mail; it is short-lived and works once, and we store only its hash. After signing in we set the session cookie {cookie} (see “Cookies and tracking”); with the session we store the time, IP address and browser identifier to detect misuse. There you also download all your data and delete your account.',
		'privacyNotice.portal.basis': 'Legal basis: Art. 6 (1) (b) GDPR; for the session data Art. 32 GDPR.',
		'privacyNotice.checkins.title': 'Check-ins',
		'privacyNotice.checkins.text':
			'During an accompaniment your regional office asks by e-mail, at agreed intervals, how things are going. We store your answer (what happened, steps done, whether you would like a follow-up talk) in your accompaniment; the office sees it on its overview.',
		'privacyNotice.checkins.basis': 'Legal basis: Art. 6 (1) (b) GDPR (the accompaniment you asked for).',
		'privacyNotice.referrals.title': 'Referrals to other services and follow-up questions',
		'privacyNotice.referrals.text':
			'When the office recommends another contact point, we store the referral. A few weeks later we ask by e-mail whether it helped; your answer (with its date) helps the office give good recommendations. The contact point does not get your data this way: you contact it yourself.',
		'privacyNotice.referrals.basis': 'Legal basis: Art. 6 (1) (b) GDPR.',
		'privacyNotice.profiles.title': 'Public profiles',
		'privacyNotice.profiles.text':
			'In the portal you can create a profile (name, town, short description, services, links, one image). It becomes public only when you explicitly ask for it and the regional office has approved it; your e-mail address never appears. We remove embedded data (such as location) from uploaded images. You can withdraw the profile at any time; it disappears at once.',
		'privacyNotice.profiles.basis':
			'Legal basis: Art. 6 (1) (a) GDPR (your consent to publish; we store the text version and the date).',
		'privacyNotice.requests.title': 'Requests from decision makers',
		'privacyNotice.requests.text':
			'Municipalities, companies and institutions can submit a project as a request. For this we process the organisation, the contact person’s name, e-mail address, the phone number if given and the description of the project. The address is confirmed through a link; the regional office reviews the request before it is published. Contact details are never shown publicly.',
		'privacyNotice.requests.basis':
			'Legal basis: Art. 6 (1) (b) GDPR; for the review Art. 6 (1) (f) GDPR (protection against misuse).',
		'privacyNotice.relay.title': 'Contact relay',
		'privacyNotice.relay.text':
			'If a request suits you, your regional office may propose you. You get an e-mail with the project (without contact details) and decide yourself: only if you accept do both sides get each other’s contact details by e-mail. If you decline, the other side learns nothing about you. The office records what came of the introduction.',
		'privacyNotice.relay.basis': 'Legal basis: Art. 6 (1) (a) GDPR (your consent to pass on your details).',
		'privacyNotice.freeText':
			'Before storing what you write into free-text fields, we check it for sensitive details (such as health) and point them out, so you can decide whether they belong there.',
		'privacyNotice.dpo.own': 'You can reach our data protection officer at: {contact}',
		'privacyNotice.dpo.network': 'Please send questions for the data protection officer to: {contact}'
	}
);
