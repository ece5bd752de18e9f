import { catalogue, plural } from './define';

// Keys start with 'referrals.': referrals to further contact points and their "did it help?" loop.
export default catalogue(
	{
		'referrals.status.suggested': 'Vorgeschlagen',
		'referrals.status.contacted': 'Kontakt aufgenommen',
		'referrals.status.got_help': 'Hat geholfen',
		'referrals.status.no_help': 'Hat nicht geholfen',
		'referrals.status.not_eligible': 'Nicht berechtigt',
		'referrals.status.no_capacity': 'Keine Kapazität',
		'referrals.status.not_needed': 'Nicht mehr nötig',
		'referrals.answer.contacted': 'Ich habe Kontakt aufgenommen und warte noch',
		'referrals.answer.got_help': 'Ja, es hat geholfen',
		'referrals.answer.no_help': 'Nein, ich habe dort keine Hilfe bekommen',
		'referrals.answer.not_eligible': 'Ich war dort nicht berechtigt',
		'referrals.answer.no_capacity': 'Die Stelle hatte keine Kapazität',
		'referrals.answer.not_needed': 'Ich brauche es nicht mehr',
		'referrals.actor.staff': 'Regionalbüro',
		'referrals.actor.creative': 'Kreative:r',
		'referrals.actor.system': 'System',
		'referrals.error.choose': 'Bitte wählen Sie eine Antwort.',
		'referrals.error.pickOne': 'Bitte wählen Sie mindestens eine Anlaufstelle.',
		'referrals.error.refused': 'Dieser Stand kann nicht gesetzt werden.',
		'referrals.titleError': 'Fehler: {title}',

		// Follow-up mail
		'referrals.mail.subject': 'Hat es geholfen? Ihre Empfehlung: {service}',
		'referrals.mail.greeting': 'Guten Tag,',
		'referrals.mail.body': 'am {date} hat Ihnen das {office} empfohlen, sich an {service} zu wenden.',
		'referrals.mail.question':
			'Hat es geholfen? Wählen Sie die passende Antwort. Auf der folgenden Seite speichern Sie sie mit einer Schaltfläche. Ihre Antwort hilft uns, gute Anlaufstellen zu empfehlen.',
		'referrals.mail.confirmHint':
			'Der Link allein ändert nichts: Erst die Schaltfläche auf der Seite speichert Ihre Antwort.',
		'referrals.mail.portal': 'Sie können Ihre Antwort auch in „Mein Bereich“ geben oder ändern: {link}',
		'referrals.mail.validity':
			'Die Links sind 30 Tage gültig. In dieser Zeit können Sie Ihre Antwort auch ändern.',

		// Page behind the mail links
		'referrals.link.title': 'Hat es geholfen?',
		'referrals.link.lead': 'Das {office} hat Ihnen diese Anlaufstelle empfohlen: {service}.',
		'referrals.link.current': 'Bisher gespeichert: {status}',
		'referrals.link.chosen': 'Ihre Antwort: {answer}',
		'referrals.link.confirm': 'Diese Antwort speichern',
		'referrals.link.others': 'Andere Antwort wählen',
		'referrals.link.choose': 'Bitte wählen Sie Ihre Antwort:',
		'referrals.link.saved': 'Danke! Ihre Antwort ist gespeichert: {status}',
		'referrals.link.unchanged': 'Diese Antwort war schon gespeichert.',
		'referrals.link.change': 'Sie können Ihre Antwort bis zum {date} hier noch ändern.',
		'referrals.link.invalid.title': 'Dieser Link ist ungültig',
		'referrals.link.invalid.text':
			'Bitte prüfen Sie, ob Sie den Link vollständig kopiert haben. In „Mein Bereich“ können Sie Ihre Weiterverweisungen ansehen und beantworten.',
		'referrals.link.expired.title': 'Dieser Link ist abgelaufen',
		'referrals.link.expired.text':
			'Die Links in der E-Mail sind 30 Tage gültig. In „Mein Bereich“ können Sie Ihre Antwort weiterhin geben.',
		'referrals.link.portal': 'Zu „Mein Bereich“',
		'referrals.website': 'Website von {name}',

		// Portal
		'referrals.portal.title': 'Meine Weiterverweisungen',
		'referrals.portal.lead':
			'Hier sehen Sie die Anlaufstellen, die Ihnen Ihr Regionalbüro empfohlen hat. Sagen Sie uns, ob es geholfen hat.',
		'referrals.portal.empty': 'Es gibt noch keine Weiterverweisungen.',
		'referrals.portal.back': 'Zurück zu „Mein Bereich“',
		'referrals.portal.from': 'Empfohlen vom {office} am {date}',
		'referrals.portal.status': 'Stand: {status}',
		'referrals.portal.question': 'Hat es geholfen?',
		'referrals.portal.save': 'Antwort speichern',
		'referrals.portal.saved': 'Ihre Antwort ist gespeichert.',

		// Staff: a case's referrals
		'referrals.staff.title': 'Weiterverweisungen: {name}',
		'referrals.staff.erasedName': 'gelöschte Begleitung',
		'referrals.staff.backToCase': 'Zurück zur Begleitung',
		'referrals.staff.list': 'Verweisungen dieser Begleitung',
		'referrals.staff.empty': 'Noch keine Weiterverweisungen.',
		'referrals.staff.caption': 'Verweisungen, älteste zuerst',
		'referrals.staff.col.contactPoint': 'Anlaufstelle',
		'referrals.staff.col.status': 'Stand',
		'referrals.staff.col.history': 'Verlauf',
		'referrals.staff.col.change': 'Stand ändern',
		'referrals.staff.historyItem': '{date}: {status} ({who})',
		'referrals.staff.followupDue': 'Nachfrage per E-Mail am {date}',
		'referrals.staff.followupSent': 'Nachfrage gesendet am {date}',
		'referrals.staff.newStatus': 'Neuer Stand für {service}',
		'referrals.staff.saveStatus': 'Stand speichern',
		'referrals.staff.add': 'Anlaufstelle vorschlagen',
		'referrals.staff.addLead': 'Passend zu Land, Themen und Teilmarkt der Begleitung, beste Treffer zuerst.',
		'referrals.staff.suggestions': 'Vorschläge',
		'referrals.staff.addButton': 'Ausgewählte verweisen',
		'referrals.staff.alreadyReferred': 'bereits verwiesen',
		'referrals.staff.matched': 'Passende Themen: {topics}',
		'referrals.staff.noSuggestions': 'Keine passenden Anlaufstellen.',
		'referrals.staff.notice.added': (p) =>
			Number(p.n) === 1 ? '1 Weiterverweisung angelegt.' : `${p.n} Weiterverweisungen angelegt.`,
		'referrals.staff.notice.status': 'Stand gespeichert.',

		// Aggregated outcomes per contact point
		'referrals.outcome.title': 'Rückmeldungen aus Weiterverweisungen',
		'referrals.outcome.none': 'noch keine Rückmeldungen',
		'referrals.outcome.few': 'weniger als 5 Rückmeldungen',
		'referrals.outcome.shown': plural('de', 'count', {
			one: '{count} Rückmeldung, davon {share} % „hat geholfen“',
			other: '{count} Rückmeldungen, davon {share} % „hat geholfen“'
		}),
		'referrals.outcome.hint':
			'Über alle Büros: Verweisungen mit Ergebnis (ohne „nicht mehr nötig“). Unter 5 Rückmeldungen wird kein Anteil gezeigt.'
	},
	{
		'referrals.status.suggested': 'Suggested',
		'referrals.status.contacted': 'Contacted',
		'referrals.status.got_help': 'Got help',
		'referrals.status.no_help': 'Could not get help',
		'referrals.status.not_eligible': 'Not eligible',
		'referrals.status.no_capacity': 'No capacity',
		'referrals.status.not_needed': 'No longer needed',
		'referrals.answer.contacted': 'I have made contact and am still waiting',
		'referrals.answer.got_help': 'Yes, it helped',
		'referrals.answer.no_help': 'No, I did not get help there',
		'referrals.answer.not_eligible': 'I was not eligible there',
		'referrals.answer.no_capacity': 'They had no capacity',
		'referrals.answer.not_needed': 'I no longer need it',
		'referrals.actor.staff': 'office',
		'referrals.actor.creative': 'creative',
		'referrals.actor.system': 'system',
		'referrals.error.choose': 'Please choose an answer.',
		'referrals.error.pickOne': 'Please choose at least one contact point.',
		'referrals.error.refused': 'This status cannot be set.',
		'referrals.titleError': 'Error: {title}',

		'referrals.mail.subject': 'Did it help? Your recommendation: {service}',
		'referrals.mail.greeting': 'Hello,',
		'referrals.mail.body': 'On {date}, the {office} recommended that you contact {service}.',
		'referrals.mail.question':
			'Did it help? Choose the answer that fits. On the next page you save it with a button. Your answer helps us recommend good contact points.',
		'referrals.mail.confirmHint':
			'The link alone changes nothing: only the button on the page saves your answer.',
		'referrals.mail.portal': 'You can also give or change your answer in "My area": {link}',
		'referrals.mail.validity':
			'The links work for 30 days. During that time you can also change your answer.',

		'referrals.link.title': 'Did it help?',
		'referrals.link.lead': 'The {office} recommended this contact point to you: {service}.',
		'referrals.link.current': 'Saved so far: {status}',
		'referrals.link.chosen': 'Your answer: {answer}',
		'referrals.link.confirm': 'Save this answer',
		'referrals.link.others': 'Choose another answer',
		'referrals.link.choose': 'Please choose your answer:',
		'referrals.link.saved': 'Thank you! Your answer is saved: {status}',
		'referrals.link.unchanged': 'This answer was already saved.',
		'referrals.link.change': 'You can still change your answer here until {date}.',
		'referrals.link.invalid.title': 'This link is not valid',
		'referrals.link.invalid.text':
			'Please check that you copied the whole link. In "My area" you can see and answer your referrals.',
		'referrals.link.expired.title': 'This link has expired',
		'referrals.link.expired.text':
			'The links in the e-mail work for 30 days. In "My area" you can still give your answer.',
		'referrals.link.portal': 'Go to "My area"',
		'referrals.website': 'Website of {name}',

		'referrals.portal.title': 'My referrals',
		'referrals.portal.lead':
			'These are the contact points your regional office recommended to you. Tell us whether it helped.',
		'referrals.portal.empty': 'There are no referrals yet.',
		'referrals.portal.back': 'Back to "My area"',
		'referrals.portal.from': 'Recommended by the {office} on {date}',
		'referrals.portal.status': 'Status: {status}',
		'referrals.portal.question': 'Did it help?',
		'referrals.portal.save': 'Save answer',
		'referrals.portal.saved': 'Your answer is saved.',

		'referrals.staff.title': 'Referrals: {name}',
		'referrals.staff.erasedName': 'erased case',
		'referrals.staff.backToCase': 'Back to the case',
		'referrals.staff.list': 'Referrals of this case',
		'referrals.staff.empty': 'No referrals yet.',
		'referrals.staff.caption': 'Referrals, oldest first',
		'referrals.staff.col.contactPoint': 'Contact point',
		'referrals.staff.col.status': 'Status',
		'referrals.staff.col.history': 'History',
		'referrals.staff.col.change': 'Change status',
		'referrals.staff.historyItem': '{date}: {status} ({who})',
		'referrals.staff.followupDue': 'Follow-up e-mail on {date}',
		'referrals.staff.followupSent': 'Follow-up sent on {date}',
		'referrals.staff.newStatus': 'New status for {service}',
		'referrals.staff.saveStatus': 'Save status',
		'referrals.staff.add': 'Suggest a contact point',
		'referrals.staff.addLead': "Matching the case's Land, topics and sub-market, best matches first.",
		'referrals.staff.suggestions': 'Suggestions',
		'referrals.staff.addButton': 'Refer to the selected',
		'referrals.staff.alreadyReferred': 'already referred',
		'referrals.staff.matched': 'Matching topics: {topics}',
		'referrals.staff.noSuggestions': 'No matching contact points.',
		'referrals.staff.notice.added': (p) =>
			Number(p.n) === 1 ? '1 referral added.' : `${p.n} referrals added.`,
		'referrals.staff.notice.status': 'Status saved.',

		'referrals.outcome.title': 'Feedback from referrals',
		'referrals.outcome.none': 'no feedback yet',
		'referrals.outcome.few': 'fewer than 5 answers',
		'referrals.outcome.shown': plural('en', 'count', {
			one: '{count} answer, {share} % "got help"',
			other: '{count} answers, {share} % "got help"'
		}),
		'referrals.outcome.hint':
			'Across all offices: referrals with an outcome (without "no longer needed"). Below 5 answers no share is shown.'
	}
);
