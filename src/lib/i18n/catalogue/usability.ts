import { catalogue } from './define';

/** The easy-language page (Leichte Sprache) reads in German in both languages: one table serves both. */
const EASY_LANGUAGE = {
	'pages.easy.nav.title': 'Wie benutze ich diese Internet-Seite?',
	'pages.easy.nav.1': 'Oben auf jeder Seite ist ein Menü.',
	'pages.easy.nav.2': 'Im Menü stehen Wörter wie: Termin buchen, Regional-Büro, Veranstaltungen.',
	'pages.easy.nav.3': 'Klicken Sie auf ein Wort. Dann kommen Sie zu dieser Seite.',
	'pages.easy.nav.4':
		'Ganz unten auf jeder Seite sind weitere Links. Zum Beispiel zu dieser Seite in Leichter Sprache.',
	'pages.easy.nav.5': 'Sie können die Seite auch nur mit der Tastatur benutzen.',
	'pages.easy.nav.6': 'Mit der Taste Tab springen Sie von einem Link zum nächsten.',
	'pages.easy.nav.7': 'Mit der Taste Enter öffnen Sie einen Link.',
	'pages.easy.nav.8': 'Oben rechts steht: English. Dort finden Sie die Seite auf Englisch.',
	'pages.easy.a11y.title': 'Ist diese Internet-Seite barriere-frei?',
	'pages.easy.a11y.1': 'Barriere-frei heißt: Alle Menschen können die Seite gut benutzen.',
	'pages.easy.a11y.2': 'Auch Menschen mit einer Behinderung.',
	'pages.easy.a11y.3': 'Wir haben die Seite geprüft.',
	'pages.easy.a11y.4': 'Die Seite ist zum großen Teil barriere-frei.',
	'pages.easy.a11y.5': 'Aber nicht alles ist schon barriere-frei.',
	'pages.easy.a11y.6': 'Zum Beispiel: Es gibt noch keine Videos in Gebärden-Sprache.',
	'pages.easy.a11y.7': 'Und nicht alle Texte gibt es in Leichter Sprache.',
	'pages.easy.a11y.8':
		'Haben Sie eine Barriere gefunden? Dann schreiben Sie uns bitte. Die Adresse steht weiter unten.',
	'pages.easy.a11y.9': 'Sie bekommen dann eine Antwort.',
	'pages.easy.a11y.10':
		'Sind Sie mit der Antwort nicht zufrieden? Dann können Sie sich bei der Schlichtungs-Stelle beschweren.',
	'pages.easy.a11y.link': 'Erklärung zur Barriere-Freiheit (in schwerer Sprache)',
	'pages.easy.more.title': 'Gibt es noch mehr in Leichter Sprache?',
	'pages.easy.more.1': 'Alle Infos in Leichter Sprache stehen auf dieser einen Seite.',
	'pages.easy.more.2': 'Die anderen Seiten sind in schwerer Sprache.',
	'pages.easy.more.3':
		'Ein Termin bei einem Regional-Büro hilft Ihnen auch: Dort erklärt man Ihnen alles in einfachen Worten.',
	'pages.easy.more.link': 'Einen Termin buchen'
};

// Issue 16 (usability pass): rules around talks, field names in error summaries, plural forms,
// the audit log in sentences, the session warning, drafts and cancellation reasons.
export default catalogue(
	{
		'pages.privacy.drafts.text':
			'Entwürfe im Browser: Das Formular zur Gesprächsdokumentation im internen Bereich speichert, was die Beraterin oder der Berater einträgt, als Entwurf im Sitzungsspeicher (sessionStorage) des eigenen Browserfensters, damit bei einer abgelaufenen Anmeldung nichts verloren geht. Der Entwurf wird nicht an uns oder Dritte übertragen, beim Speichern des Gesprächs gelöscht und verschwindet spätestens, wenn das Browserfenster geschlossen wird.',
		'drafts.hint':
			'Was Sie hier eintragen, wird als Entwurf nur in diesem Browserfenster gespeichert, bis Sie das Gespräch speichern. So geht nichts verloren, wenn Ihre Anmeldung abläuft.',
		'drafts.restored': 'Ihr Entwurf aus diesem Browserfenster wurde wiederhergestellt.',
		'cancel.confirm.title': 'Termin wirklich absagen?',
		'cancel.confirm.text':
			'Sie sagen Ihren Termin am {date} um {time} Uhr ab. Die Zeit wird dann für andere frei.',
		'cancel.confirm.button': 'Ja, Termin absagen',
		'cancel.confirm.keep': 'Nein, Termin behalten',
		'cancel.reason.label': 'Grund der Absage',
		'cancel.reason.hint':
			'Hilft dem Regionalbüro, das Angebot zu verbessern. Sie müssen keinen Grund nennen.',
		'cancel.reason.none': 'Keine Angabe',
		'cancel.reason.other_appointment': 'Ich habe zu der Zeit einen anderen Termin',
		'cancel.reason.not_needed': 'Ich brauche die Beratung nicht mehr',
		'cancel.reason.help_elsewhere': 'Ich habe anderswo Hilfe gefunden',
		'cancel.reason.illness': 'Krankheit',
		'cancel.reason.other': 'Ein anderer Grund',
		'stats.table.cancellations': 'Abgesagte Termine nach Grund',
		'stats.cancel.noReason': 'Ohne Angabe',
		...EASY_LANGUAGE,
		'pages.a11y.limits.sessionWarned':
			'Zeitbegrenzung im internen Bereich: Aus Sicherheitsgründen endet die Anmeldung von Mitarbeitenden nach 30 Minuten ohne Aktivität. Zwei Minuten vorher erscheint ein Hinweis mit der Schaltfläche „Angemeldet bleiben“ (auch mit der Tastatur bedienbar). Das Formular zur Gesprächsdokumentation behält einen Entwurf im Browserfenster, sodass Eingaben nicht verloren gehen.',
		'pages.a11y.method.textChecked':
			'Die Erklärung beruht auf einer Selbstbewertung. Bei jeder Änderung am Programm prüfen automatisierte Tests jeden Seitenzustand, den die Testabläufe erreichen (öffentliche Seiten und interner Bereich), mit dem Prüfwerkzeug axe-core gegen die Regeln der WCAG 2.0, 2.1 und 2.2 (Stufen A und AA) und messen bei 320 Pixel Breite, dass die Seite nicht waagerecht scrollt (Datentabellen scrollen in einem eigenen, beschrifteten Bereich). Weitere Tests bedienen Seiten nur mit der Tastatur (etwa „Zum Inhalt springen“, die Anmeldung und den Hinweis vor dem Ende der Anmeldung) und senden jedes Formular leer ab, um zu prüfen, dass jede Fehlermeldung ihr Feld nennt. Automatische Prüfungen finden nicht jede Barriere; eine Prüfung durch Fachleute (etwa ein BITV-Test) steht noch aus.',
		'directory.stale.public': 'vor mehr als 12 Monaten – bitte prüfen Sie die Angaben vor einem Besuch',
		'directory.stale.staff': 'Prüfung fällig',
		'events.list.emptyAll': 'Zurzeit gibt es keine anstehenden Veranstaltungen.',
		'eventCancel.confirm.title': 'Wirklich abmelden?',
		'eventCancel.confirm.text': 'Sie melden sich von „{title}“ ab. Ihr Platz wird dann für andere frei.',
		'eventCancel.confirm.button': 'Ja, abmelden',
		'eventCancel.confirm.keep': 'Nein, angemeldet bleiben',
		'session.warning.title': 'Sind Sie noch da?',
		'session.warning.text':
			'Sie waren eine Weile nicht aktiv. Zu Ihrem Schutz endet Ihre Anmeldung in zwei Minuten (um {time} Uhr). Was Sie noch nicht gespeichert haben, geht dann verloren.',
		'session.warning.stay': 'Angemeldet bleiben',
		'session.warning.close': 'Schließen',
		'session.warning.failed':
			'Das hat nicht geklappt. Bitte prüfen Sie Ihre Verbindung und versuchen Sie es noch einmal.',
		'session.extended': 'Sie bleiben angemeldet.',
		'session.ended.title': 'Ihre Anmeldung ist abgelaufen',
		'session.ended.text':
			'Sie waren zu lange nicht aktiv. Bitte melden Sie sich erneut an. Entwürfe des Gesprächsformulars bleiben in diesem Browserfenster erhalten.',
		'session.ended.login': 'Erneut anmelden',
		'talks.followUp.noTalk':
			'Ein Folgetermin ist erst möglich, wenn ein Gespräch stattgefunden hat (wahrgenommen oder dokumentiert). Der erste Termin wurde abgesagt oder hat noch nicht stattgefunden.',
		'talks.portal.noTalk':
			'Einen Folgetermin können Sie buchen, sobald Ihr erstes Gespräch stattgefunden hat. Bis dahin können Sie Ihren gebuchten Termin über den Link in Ihrer Bestätigungs-E-Mail verwalten.',
		'talks.record.beforeStart':
			'Dieses Gespräch ist für {date} gebucht. Sie können es ab Beginn des Termins dokumentieren, nicht vorher.',
		'talks.record.notActive':
			'Dieser Termin wurde abgesagt oder nicht wahrgenommen. Dazu gibt es kein Gespräch zu dokumentieren.',
		'talks.record.recorded': 'Dieses Gespräch ist bereits dokumentiert.',
		'talks.record.refusedTitle': 'Gespräch kann noch nicht dokumentiert werden',
		'talks.record.withoutBooking':
			'Ein Gespräch ohne Termin (etwa ein Anruf) können Sie mit eigenem Datum und Format dokumentieren.',
		'talks.record.withoutBookingLink': 'Gespräch ohne Termin dokumentieren',
		'cases.close.reason.no_talk': 'Kein Gespräch zustande gekommen',
		'stats.reason.no_talk': 'Kein Gespräch zustande gekommen'
	},
	{
		'pages.privacy.drafts.text':
			'Drafts in the browser: the consultation record form in the staff area keeps what the consultant enters as a draft in the session storage (sessionStorage) of their own browser window, so nothing is lost when a session ends. The draft is not sent to us or to third parties, is deleted when the consultation is saved, and disappears at the latest when the browser window is closed.',
		'drafts.hint':
			'What you enter here is kept as a draft in this browser window only, until you save the consultation. Nothing is lost if your session ends.',
		'drafts.restored': 'Your draft from this browser window has been restored.',
		'cancel.confirm.title': 'Really cancel the appointment?',
		'cancel.confirm.text':
			'You are cancelling your appointment on {date} at {time}. The time then becomes free for others.',
		'cancel.confirm.button': 'Yes, cancel the appointment',
		'cancel.confirm.keep': 'No, keep the appointment',
		'cancel.reason.label': 'Reason for cancelling',
		'cancel.reason.hint':
			'Helps the regional office improve what it offers. You do not have to give a reason.',
		'cancel.reason.none': 'No answer',
		'cancel.reason.other_appointment': 'I have another appointment at that time',
		'cancel.reason.not_needed': 'I no longer need the consultation',
		'cancel.reason.help_elsewhere': 'I found help elsewhere',
		'cancel.reason.illness': 'Illness',
		'cancel.reason.other': 'Another reason',
		'stats.table.cancellations': 'Cancelled appointments by reason',
		'stats.cancel.noReason': 'No reason given',
		...EASY_LANGUAGE,
		'pages.a11y.limits.sessionWarned':
			'Time limit in the staff area: for security, a staff session ends after 30 minutes without activity. Two minutes before, a notice with the button "Stay signed in" appears (usable by keyboard). The consultation record form keeps a draft in the browser window, so nothing typed is lost.',
		'pages.a11y.method.textChecked':
			'This statement is based on a self-assessment. With every change to the software, automated tests check every page state the test journeys reach (public pages and the staff area) with the axe-core tool against the WCAG 2.0, 2.1 and 2.2 rules (levels A and AA), and measure at a width of 320 pixels that the page does not scroll sideways (data tables scroll in their own labelled region). Further tests operate pages by keyboard only (such as "Skip to content", signing in and the notice before a session ends) and submit every form empty to check that each error message names its field. Automated checks do not find every barrier; an expert review (such as a BITV test) is still pending.',
		'directory.stale.public': 'more than 12 months ago – please check the details before a visit',
		'directory.stale.staff': 'Check due',
		'events.list.emptyAll': 'There are no upcoming events at the moment.',
		'eventCancel.confirm.title': 'Really cancel your registration?',
		'eventCancel.confirm.text':
			'You are cancelling your registration for "{title}". Your place then becomes free for others.',
		'eventCancel.confirm.button': 'Yes, cancel my registration',
		'eventCancel.confirm.keep': 'No, keep my registration',
		'session.warning.title': 'Are you still there?',
		'session.warning.text':
			'You have not been active for a while. To protect you, your session ends in two minutes (at {time}). Anything you have not saved will then be lost.',
		'session.warning.stay': 'Stay signed in',
		'session.warning.close': 'Close',
		'session.warning.failed': 'That did not work. Please check your connection and try again.',
		'session.extended': 'You stay signed in.',
		'session.ended.title': 'Your session has ended',
		'session.ended.text':
			'You were inactive for too long. Please sign in again. Drafts of the consultation form are kept in this browser window.',
		'session.ended.login': 'Sign in again',
		'talks.followUp.noTalk':
			'A follow-up is only possible once a consultation has taken place (attended or recorded). The first appointment was cancelled or has not taken place yet.',
		'talks.portal.noTalk':
			'You can book a follow-up once your first consultation has taken place. Until then you can manage your booked appointment with the link in your confirmation e-mail.',
		'talks.record.beforeStart':
			'This consultation is booked for {date}. You can record it from the start of the appointment, not before.',
		'talks.record.notActive': 'This appointment was cancelled or missed. There is no consultation to record.',
		'talks.record.recorded': 'This consultation has already been recorded.',
		'talks.record.refusedTitle': 'The consultation cannot be recorded yet',
		'talks.record.withoutBooking':
			'A consultation without an appointment (a phone call, for example) can be recorded with its own date and format.',
		'talks.record.withoutBookingLink': 'Record a consultation without an appointment',
		'cases.close.reason.no_talk': 'No consultation took place',
		'stats.reason.no_talk': 'No consultation took place'
	}
);
