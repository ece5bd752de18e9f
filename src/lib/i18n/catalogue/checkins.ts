import { catalogue } from './define';

// Keys start with 'checkins.' so catalogues never collide. Check-in mails and the progress form
// (issue 4, item 4), the consultant's notice of an answer, and the feedback after closure.
export default catalogue(
	{
		// Mail to the creative when a check-in is due
		'checkins.mail.checkIn.subject': 'Wie geht es voran?',
		'checkins.mail.checkIn.greeting': 'Guten Tag {name},',
		'checkins.mail.checkIn.body':
			'wie geht es mit Ihrem Vorhaben voran? {office} möchte Sie weiter begleiten. Mit einer kurzen Rückmeldung halten Sie Ihre Beraterin oder Ihren Berater auf dem Laufenden: erledigte Schritte abhaken, erzählen, was sich getan hat, neue Fragen stellen oder ein Folgegespräch wünschen.',
		'checkins.mail.checkIn.button': 'Rückmeldung geben',
		'checkins.mail.checkIn.noLogin':
			'Dafür brauchen Sie weder ein Konto noch ein Passwort. Der Link ist 30 Tage gültig.',
		'checkins.mail.checkIn.ignore':
			'Sie möchten gerade nichts mitteilen? Dann können Sie diese E-Mail ignorieren.',
		// Mail to the consultant when the creative answered (never the content)
		'checkins.mail.answered.subject': 'Rückmeldung von {name}',
		'checkins.mail.answered.greeting': 'Guten Tag {consultant},',
		'checkins.mail.answered.body':
			'{name} hat auf die Rückmeldungs-E-Mail geantwortet. Sie finden die Antwort in der Begleitung.',
		'checkins.mail.answered.followUp': '{name} wünscht sich ein Folgegespräch.',
		'checkins.mail.answered.button': 'Begleitung öffnen',
		'checkins.mail.answered.privacy':
			'Aus Gründen der Vertraulichkeit steht der Inhalt der Rückmeldung nicht in dieser E-Mail.',
		// Mail to the creative after closure
		'checkins.mail.feedback.subject': 'Wie war die Begleitung?',
		'checkins.mail.feedback.greeting': 'Guten Tag {name},',
		'checkins.mail.feedback.body':
			'{office} hat Ihre Begleitung abgeschlossen. Wie war sie für Sie? Eine Bewertung von 1 bis 5 und ein Kommentar helfen uns, die Beratung zu verbessern. Beides ist freiwillig.',
		'checkins.mail.feedback.button': 'Begleitung bewerten',
		'checkins.mail.feedback.validity':
			'Dafür brauchen Sie weder ein Konto noch ein Passwort. Der Link ist 30 Tage gültig.',

		// Progress form
		'checkins.form.title': 'Wie geht es voran?',
		'checkins.form.titleError': 'Fehler: {title}',
		'checkins.form.greeting': 'Guten Tag {name},',
		'checkins.form.lead':
			'Ihre Rückmeldung geht an {consultant}, {office}. Alle Angaben sind freiwillig; auch ein kurzes „Alles läuft“ hilft.',
		'checkins.form.steps.legend': 'Ihre nächsten Schritte',
		'checkins.form.steps.hint': 'Haken Sie ab, was Sie erledigt haben.',
		'checkins.form.steps.label': '{step} – erledigt',
		'checkins.form.steps.due': 'Vereinbart bis {date}',
		'checkins.form.steps.none': 'Zurzeit sind keine offenen Schritte für Sie vereinbart.',
		'checkins.form.officeSteps': 'Darum kümmert sich Ihr Regionalbüro',
		'checkins.form.changed': 'Was hat sich getan?',
		'checkins.form.changed.hint': 'Zum Beispiel, was Sie geschafft haben oder was schwierig war.',
		'checkins.form.questions': 'Neue Fragen',
		'checkins.form.questions.hint': 'Ihre Beraterin oder Ihr Berater meldet sich dazu bei Ihnen.',
		'checkins.form.sensitive':
			'Bitte schreiben Sie keine Angaben zu Ihrer Gesundheit oder andere besonders sensible Daten.',
		'checkins.form.followUp': 'Ich hätte gern ein Folgegespräch',
		'checkins.form.followUp.hint': 'Nach dem Absenden zeigen wir Ihnen, wie Sie einen Termin buchen.',
		'checkins.form.submit': 'Rückmeldung senden',
		'checkins.form.validity': 'Dieser Link ist gültig bis {date}.',
		// After answering
		'checkins.thanks.title': 'Danke für Ihre Rückmeldung',
		'checkins.thanks.text': '{consultant} sieht Ihre Antwort in Ihrer Begleitung.',
		'checkins.answered.title': 'Sie haben schon geantwortet',
		'checkins.answered.text':
			'Diese Rückmeldung wurde am {date} gesendet. Jede Rückmeldung kann nur einmal gesendet werden.',
		'checkins.answered.again':
			'Diese Rückmeldung war schon gesendet; Ihre zweite Eingabe haben wir nicht gespeichert.',
		'checkins.answered.summary': 'Das haben Sie gesendet',
		'checkins.answered.steps': 'Als erledigt markiert',
		'checkins.answered.changed': 'Was hat sich getan?',
		'checkins.answered.questions': 'Neue Fragen',
		'checkins.answered.followUp': 'Folgegespräch gewünscht',
		'checkins.answered.none': 'Keine Angabe',
		'checkins.answered.yes': 'Ja',
		'checkins.answered.no': 'Nein',
		'checkins.followUp.title': 'Folgegespräch buchen',
		'checkins.followUp.text':
			'Einen Termin für das Folgegespräch buchen Sie in „Mein Bereich“. Dort melden Sie sich mit Ihrer E-Mail-Adresse an: Sie bekommen einen Anmeldelink per E-Mail, ein Passwort brauchen Sie nicht.',
		'checkins.followUp.link': 'Folgegespräch buchen',
		// Links that do not work (any more)
		'checkins.problem.invalid.title': 'Dieser Link ist ungültig',
		'checkins.problem.invalid.text':
			'Bitte prüfen Sie, ob Sie den Link vollständig kopiert haben. Bei Fragen wenden Sie sich an Ihr Regionalbüro.',
		'checkins.problem.expired.title': 'Dieser Link ist abgelaufen',
		'checkins.problem.expired.text':
			'Links zur Rückmeldung sind 30 Tage gültig. Wenn Sie etwas mitteilen möchten, wenden Sie sich bitte direkt an Ihr Regionalbüro.',
		'checkins.problem.closed.title': 'Diese Begleitung ist abgeschlossen',
		'checkins.problem.closed.text':
			'Eine Rückmeldung ist nicht mehr nötig. Wenn Sie wieder eine Beratung möchten, buchen Sie gern einen neuen Termin.',
		'checkins.problem.portal': 'Zu „Mein Bereich“',
		'checkins.problem.book': 'Termin buchen',

		// Feedback after closure
		'checkins.feedback.title': 'Wie war die Begleitung?',
		'checkins.feedback.lead':
			'Ihre Begleitung durch {office} ist abgeschlossen. Ihre Bewertung ist freiwillig und hilft uns, die Beratung zu verbessern.',
		'checkins.feedback.rating.legend': 'Wie zufrieden waren Sie mit der Begleitung?',
		'checkins.feedback.rating.hint': '1 bedeutet gar nicht zufrieden, 5 bedeutet sehr zufrieden.',
		'checkins.feedback.rating.1': '1 – gar nicht zufrieden',
		'checkins.feedback.rating.2': '2 – wenig zufrieden',
		'checkins.feedback.rating.3': '3 – teils, teils',
		'checkins.feedback.rating.4': '4 – zufrieden',
		'checkins.feedback.rating.5': '5 – sehr zufrieden',
		'checkins.feedback.comment': 'Kommentar',
		'checkins.feedback.comment.hint': 'Was war hilfreich, was können wir besser machen?',
		'checkins.feedback.submit': 'Bewertung senden',
		'checkins.feedback.error.rating': 'Bitte wählen Sie eine Bewertung von 1 bis 5.',
		'checkins.feedback.thanks.title': 'Danke für Ihre Bewertung',
		'checkins.feedback.thanks.text': 'Wir haben Ihre Bewertung gespeichert.',
		'checkins.feedback.given.title': 'Sie haben die Begleitung schon bewertet',
		'checkins.feedback.given.text':
			'Ihre Bewertung wurde am {date} gesendet. Jede Bewertung kann nur einmal gesendet werden.',
		'checkins.feedback.given.again':
			'Die Bewertung war schon gesendet; Ihre zweite Eingabe haben wir nicht gespeichert.',
		'checkins.feedback.summary': 'Das haben Sie gesendet',
		'checkins.feedback.yourRating': 'Bewertung',
		'checkins.feedback.ratingValue': '{rating} von 5',
		'checkins.feedback.yourComment': 'Kommentar',
		'checkins.feedback.problem.invalid.title': 'Dieser Link ist ungültig',
		'checkins.feedback.problem.invalid.text':
			'Bitte prüfen Sie, ob Sie den Link vollständig kopiert haben. Bei Fragen wenden Sie sich an Ihr Regionalbüro.',
		'checkins.feedback.problem.expired.title': 'Dieser Link ist abgelaufen',
		'checkins.feedback.problem.expired.text':
			'Links zur Bewertung sind 30 Tage gültig. Wenn Sie uns etwas sagen möchten, wenden Sie sich bitte direkt an Ihr Regionalbüro.'
	},
	{
		'checkins.mail.checkIn.subject': 'How are things going?',
		'checkins.mail.checkIn.greeting': 'Hello {name},',
		'checkins.mail.checkIn.body':
			'how are your plans coming along? {office} would like to keep accompanying you. A short update keeps your consultant informed: tick off the steps you have done, tell us what has changed, ask new questions or ask for a follow-up session.',
		'checkins.mail.checkIn.button': 'Give an update',
		'checkins.mail.checkIn.noLogin':
			'You need neither an account nor a password. The link is valid for 30 days.',
		'checkins.mail.checkIn.ignore': 'Nothing to report right now? Then you can ignore this e-mail.',
		'checkins.mail.answered.subject': 'Update from {name}',
		'checkins.mail.answered.greeting': 'Hello {consultant},',
		'checkins.mail.answered.body':
			'{name} has answered the check-in e-mail. You will find the answer in the case.',
		'checkins.mail.answered.followUp': '{name} would like a follow-up session.',
		'checkins.mail.answered.button': 'Open the case',
		'checkins.mail.answered.privacy':
			'For confidentiality, the content of the answer is not part of this e-mail.',
		'checkins.mail.feedback.subject': 'How was the accompaniment?',
		'checkins.mail.feedback.greeting': 'Hello {name},',
		'checkins.mail.feedback.body':
			'{office} has closed your accompaniment. How was it for you? A rating from 1 to 5 and a comment help us improve our advice. Both are optional.',
		'checkins.mail.feedback.button': 'Rate the accompaniment',
		'checkins.mail.feedback.validity':
			'You need neither an account nor a password. The link is valid for 30 days.',

		'checkins.form.title': 'How are things going?',
		'checkins.form.titleError': 'Error: {title}',
		'checkins.form.greeting': 'Hello {name},',
		'checkins.form.lead':
			'Your update goes to {consultant}, {office}. Everything is optional; a short “all is well” helps too.',
		'checkins.form.steps.legend': 'Your next steps',
		'checkins.form.steps.hint': 'Tick off what you have done.',
		'checkins.form.steps.label': '{step} – done',
		'checkins.form.steps.due': 'Agreed by {date}',
		'checkins.form.steps.none': 'There are no open steps agreed for you at the moment.',
		'checkins.form.officeSteps': 'What your regional office is taking care of',
		'checkins.form.changed': 'What has changed?',
		'checkins.form.changed.hint': 'For example, what you achieved or what was difficult.',
		'checkins.form.questions': 'New questions',
		'checkins.form.questions.hint': 'Your consultant will get back to you about them.',
		'checkins.form.sensitive':
			'Please do not write about your health or other particularly sensitive matters.',
		'checkins.form.followUp': 'I would like a follow-up session',
		'checkins.form.followUp.hint': 'After sending, we show you how to book an appointment.',
		'checkins.form.submit': 'Send update',
		'checkins.form.validity': 'This link is valid until {date}.',
		'checkins.thanks.title': 'Thank you for your update',
		'checkins.thanks.text': '{consultant} sees your answer in your case.',
		'checkins.answered.title': 'You have already answered',
		'checkins.answered.text': 'This update was sent on {date}. Each update can be sent only once.',
		'checkins.answered.again': 'This update had already been sent; we did not save your second entry.',
		'checkins.answered.summary': 'What you sent',
		'checkins.answered.steps': 'Marked as done',
		'checkins.answered.changed': 'What has changed?',
		'checkins.answered.questions': 'New questions',
		'checkins.answered.followUp': 'Follow-up session requested',
		'checkins.answered.none': 'Not given',
		'checkins.answered.yes': 'Yes',
		'checkins.answered.no': 'No',
		'checkins.followUp.title': 'Book a follow-up session',
		'checkins.followUp.text':
			'You book the follow-up session in “My area”. You sign in there with your e-mail address: we send you a sign-in link by e-mail, you do not need a password.',
		'checkins.followUp.link': 'Book a follow-up session',
		'checkins.problem.invalid.title': 'This link is not valid',
		'checkins.problem.invalid.text':
			'Please check that you copied the whole link. If you have questions, contact your regional office.',
		'checkins.problem.expired.title': 'This link has expired',
		'checkins.problem.expired.text':
			'Update links are valid for 30 days. If you would like to tell us something, please contact your regional office directly.',
		'checkins.problem.closed.title': 'This accompaniment has been closed',
		'checkins.problem.closed.text':
			'No update is needed any more. If you would like advice again, you are welcome to book a new appointment.',
		'checkins.problem.portal': 'Go to “My area”',
		'checkins.problem.book': 'Book an appointment',

		'checkins.feedback.title': 'How was the accompaniment?',
		'checkins.feedback.lead':
			'Your accompaniment by {office} has been closed. Your rating is optional and helps us improve our advice.',
		'checkins.feedback.rating.legend': 'How satisfied were you with the accompaniment?',
		'checkins.feedback.rating.hint': '1 means not satisfied at all, 5 means very satisfied.',
		'checkins.feedback.rating.1': '1 – not satisfied at all',
		'checkins.feedback.rating.2': '2 – not very satisfied',
		'checkins.feedback.rating.3': '3 – partly',
		'checkins.feedback.rating.4': '4 – satisfied',
		'checkins.feedback.rating.5': '5 – very satisfied',
		'checkins.feedback.comment': 'Comment',
		'checkins.feedback.comment.hint': 'What was helpful, what could we do better?',
		'checkins.feedback.submit': 'Send rating',
		'checkins.feedback.error.rating': 'Please choose a rating from 1 to 5.',
		'checkins.feedback.thanks.title': 'Thank you for your rating',
		'checkins.feedback.thanks.text': 'We have saved your rating.',
		'checkins.feedback.given.title': 'You have already rated the accompaniment',
		'checkins.feedback.given.text': 'Your rating was sent on {date}. Each rating can be sent only once.',
		'checkins.feedback.given.again': 'The rating had already been sent; we did not save your second entry.',
		'checkins.feedback.summary': 'What you sent',
		'checkins.feedback.yourRating': 'Rating',
		'checkins.feedback.ratingValue': '{rating} out of 5',
		'checkins.feedback.yourComment': 'Comment',
		'checkins.feedback.problem.invalid.title': 'This link is not valid',
		'checkins.feedback.problem.invalid.text':
			'Please check that you copied the whole link. If you have questions, contact your regional office.',
		'checkins.feedback.problem.expired.title': 'This link has expired',
		'checkins.feedback.problem.expired.text':
			'Rating links are valid for 30 days. If you would like to tell us something, please contact your regional office directly.'
	}
);
