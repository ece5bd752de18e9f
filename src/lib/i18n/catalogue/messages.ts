import { catalogue } from './define';

// Keys start with 'messages.' (issue 18: messages in the case, answer times, step reminders,
// the shared progress view). Two timeline labels extend 'cases.timeline.event.*', which the
// case timeline looks up by the event's kind.
const plural = (one: string, many: string) => (p: Record<string, string | number>) =>
	(Number(p.count ?? p.days) === 1 ? one : many).replace(/\{(\w+)\}/g, (w, k: string) =>
		p[k] === undefined ? w : String(p[k])
	);

export default catalogue(
	{
		// Mails (never the text of a message)
		'messages.mail.staff.subject': 'Neue Nachricht in einer Begleitung',
		'messages.mail.staff.greeting': 'Guten Tag {name},',
		'messages.mail.staff.body':
			'in einer Begleitung, für die Sie zuständig sind, ist eine neue Nachricht eingegangen. Sie lesen und beantworten sie auf der Seite der Begleitung.',
		'messages.mail.staff.button': 'Nachricht lesen',
		'messages.mail.privacy':
			'Aus Gründen der Vertraulichkeit steht der Inhalt der Nachricht nicht in dieser E-Mail.',
		'messages.mail.creative.subject': 'Neue Nachricht von {office}',
		'messages.mail.creative.greeting': 'Guten Tag {name},',
		'messages.mail.creative.body':
			'{office} hat Ihnen in Ihrem Bereich bei Kreativlotse geschrieben. Melden Sie sich an, um die Nachricht zu lesen.',
		'messages.mail.creative.button': 'Nachricht im Portal lesen',
		'messages.mail.reminder.subjectBefore': plural(
			'Erinnerung: Ihr nächster Schritt ist morgen fällig',
			'Erinnerung: Ihr nächster Schritt ist in {days} Tagen fällig'
		),
		'messages.mail.reminder.subjectDue': 'Erinnerung: Ihr nächster Schritt ist heute fällig',
		'messages.mail.reminder.greeting': 'Guten Tag {name},',
		'messages.mail.reminder.bodyBefore': plural(
			'morgen ist dieser Schritt fällig, den Sie mit Ihrer Beratung vereinbart haben:',
			'in {days} Tagen ist dieser Schritt fällig, den Sie mit Ihrer Beratung vereinbart haben:'
		),
		'messages.mail.reminder.bodyDue':
			'heute ist dieser Schritt fällig, den Sie mit Ihrer Beratung vereinbart haben:',
		'messages.mail.reminder.button': 'Schritt im Portal ansehen und abhaken',
		'messages.mail.reminder.off':
			'Sie möchten keine Erinnerungen mehr bekommen? In Ihrem Bereich können Sie sie abschalten.',
		'messages.mail.reminder.settings': 'Erinnerungen einstellen',

		// Portal
		'messages.portal.title': 'Nachrichten',
		'messages.portal.navLink': 'Nachrichten an Ihr Regionalbüro',
		'messages.portal.navUnread': plural(
			'Nachrichten an Ihr Regionalbüro (1 neue Antwort)',
			'Nachrichten an Ihr Regionalbüro ({count} neue Antworten)'
		),
		'messages.portal.lead':
			'Hier schreiben Sie Ihrem Regionalbüro zu Ihrer Begleitung und lesen die Antworten. Die Nachrichten sehen nur Sie und das Team Ihres Regionalbüros, das Sie begleitet.',
		'messages.portal.noCases':
			'Sie haben noch keine Begleitung. Nach Ihrer ersten Beratung können Sie hier Ihrem Regionalbüro schreiben.',
		'messages.portal.case': '{office} – Ihre Beratung bei {consultant}',
		'messages.portal.conversation': 'Unterhaltung mit {office}',
		'messages.portal.empty': 'Noch keine Nachrichten.',
		'messages.portal.you': 'Sie',
		'messages.portal.new': 'neu',
		'messages.portal.write': 'Neue Nachricht',
		'messages.portal.chooseCase': 'An welches Regionalbüro?',
		'messages.portal.answerTime': plural(
			'Ihr Regionalbüro antwortet in der Regel innerhalb eines Arbeitstages.',
			'Ihr Regionalbüro antwortet in der Regel innerhalb von {days} Arbeitstagen.'
		),
		'messages.portal.closed':
			'Diese Begleitung ist abgeschlossen. Sie können die Nachrichten lesen, aber keine neuen schreiben.',
		'messages.portal.sent': 'Ihre Nachricht ist gesendet.',
		'messages.portal.progressLink': 'Ihr Verlauf auf einen Blick',

		// Forms
		'messages.form.body': 'Ihre Nachricht',
		'messages.form.bodyStaff': 'Antwort',
		'messages.form.bodyHint': 'Nur Text, höchstens 5000 Zeichen.',
		'messages.form.attachment': 'Anhang (freiwillig)',
		'messages.form.attachmentHint': 'Eine Datei: PDF, JPEG oder PNG, höchstens {mb} MB.',
		'messages.form.send': 'Nachricht senden',
		'messages.form.sendStaff': 'Antwort senden',
		'messages.attachment.download': '{name} herunterladen ({size})',
		'messages.attachment.label': 'Anhang',
		'messages.sentAt': 'gesendet am {when}',

		// Errors
		'messages.error.attachment_type': 'Bitte hängen Sie nur PDF-, JPEG- oder PNG-Dateien an.',
		'messages.error.attachment_size': 'Die Datei ist zu groß: höchstens {mb} MB.',
		'messages.error.closed': 'Diese Begleitung ist abgeschlossen.',
		'messages.error.resend': 'Bitte laden Sie die Seite neu und senden Sie noch einmal.',
		'messages.error.range': 'Bitte geben Sie eine Zahl im erlaubten Bereich an.',
		'messages.error.holidays': 'Bitte geben Sie die Tage als JJJJ-MM-TT an, einen je Zeile.',

		// Reminders (portal switch)
		'messages.reminders.title': 'Erinnerungen an Ihre Schritte',
		'messages.reminders.onText':
			'Sie bekommen eine E-Mail einige Tage bevor einer Ihrer Schritte fällig ist und eine am Tag selbst.',
		'messages.reminders.offText': 'Erinnerungen an Ihre Schritte sind abgeschaltet.',
		'messages.reminders.turnOff': 'Erinnerungen abschalten',
		'messages.reminders.turnOn': 'Erinnerungen einschalten',
		'messages.reminders.saved': 'Ihre Einstellung ist gespeichert.',

		// Staff
		'messages.staff.title': 'Nachrichten: {name}',
		'messages.staff.back': 'Zurück zur Begleitung',
		'messages.staff.lead':
			'Die Unterhaltung gehört zur Begleitung: Wer sie übernimmt, sieht sie. Jedes Öffnen wird protokolliert (wer, wann, welche Begleitung – nie der Text).',
		'messages.staff.creative': '{name} (Person)',
		'messages.staff.staffAuthor': '{name} (Beratung)',
		'messages.staff.sent': 'Die Antwort ist gesendet.',
		'messages.staff.answerTitle': 'Antwort schreiben',
		'messages.staff.waiting': 'wartet auf Antwort, zugesagt bis {date}',
		'messages.staff.overdue': 'überfällig',
		'messages.staff.answerTime': plural(
			'Zugesagte Antwortzeit des Büros: 1 Arbeitstag.',
			'Zugesagte Antwortzeit des Büros: {days} Arbeitstage.'
		),
		'messages.staff.link': 'Nachrichten',
		'messages.staff.linkUnread': plural('Nachrichten (1 ungelesen)', 'Nachrichten ({count} ungelesen)'),
		'messages.staff.progressLink': 'Verlauf auf einen Blick',
		'messages.staff.erased': 'Die Person hat ihr Konto gelöscht; die Unterhaltung ist geleert.',

		// Caseload
		'messages.caseload.column': 'Nachrichten',
		'messages.caseload.unread': '{count} ungelesen',
		'messages.caseload.overdue': 'überfällig',
		'messages.caseload.none': '–',

		// Office settings
		'messages.settings.title': 'Nachrichten und Erinnerungen',
		'messages.settings.answerDays': 'Zugesagte Antwortzeit (Arbeitstage)',
		'messages.settings.answerDaysHint':
			'Montag bis Freitag, ohne die Feiertage unten. Länger wartende Nachrichten erscheinen als „überfällig“.',
		'messages.settings.reminderDays': 'Erinnerung an Schritte der Person (Tage vorher)',
		'messages.settings.reminderDaysHint': '0 bis 14; 0 heißt: nur am Tag selbst.',
		'messages.settings.holidays': 'Feiertage und Schließtage des Büros',
		'messages.settings.holidaysHint': 'Ein Tag je Zeile, z. B. 2026-12-24.',
		'messages.settings.save': 'Einstellungen für Nachrichten speichern',
		'messages.settings.saved': 'Die Einstellungen für Nachrichten sind gespeichert.',

		// Statistics
		'messages.stats.title': 'Antwortzeit auf Nachrichten',
		'messages.stats.caption': 'Median der Antwortzeit je Büro im Zeitraum (Stunden bis zur ersten Antwort)',
		'messages.stats.office': 'Büro',
		'messages.stats.median': 'Median (Stunden)',
		'messages.stats.answered': 'Beantwortete Nachrichten',
		'messages.stats.overdue': 'Derzeit überfällig',
		'messages.stats.note':
			'Je Büro, nie je Person. Weniger als 5 beantwortete Nachrichten werden als „< 5“ gezeigt und ohne Median.',

		// Timeline (looked up by the case timeline as cases.timeline.event.<kind>)
		'cases.timeline.event.message': 'Nachricht',
		'cases.timeline.event.step_reminder_sent': 'Erinnerung an einen Schritt der Person verschickt',
		'messages.timeline.fromCreative': 'von der Person selbst',
		'messages.timeline.fromStaff': 'von der Beratung',
		'messages.timeline.withAttachment': 'mit Anhang',
		'messages.timeline.before': 'vorab',
		'messages.timeline.due': 'am Fälligkeitstag',

		// Progress view
		'messages.progress.title': 'Verlauf auf einen Blick',
		'messages.progress.titleStaff': 'Verlauf auf einen Blick: {name}',
		'messages.progress.lead':
			'Ziele, Schritte, Gespräche, Weiterverweisungen und der nächste Kontakt – über die Monate Ihrer Begleitung.',
		'messages.progress.print':
			'Zum Drucken oder Speichern als PDF nutzen Sie die Druckfunktion Ihres Browsers.',
		'messages.progress.goals': 'Vereinbarte Ziele',
		'messages.progress.noGoals': 'Noch keine Ziele festgehalten.',
		'messages.progress.nextContact': 'Nächster Kontakt',
		'messages.progress.nextContactNone': 'Kein Termin für den nächsten Kontakt vorgesehen.',
		'messages.progress.chartTitle': 'Schritte über die Zeit',
		'messages.progress.chartSummary':
			'{done} von {total} Schritten erledigt; {talks} Gespräche, {referrals} Weiterverweisungen.',
		'messages.progress.legendDone': 'erledigte Schritte (Summe)',
		'messages.progress.legendOpen': 'offene Schritte',
		'messages.progress.legendTalk': 'Gespräch',
		'messages.progress.table': 'Zahlen als Tabelle',
		'messages.progress.tableCaption': 'Schritte, Gespräche und Weiterverweisungen je Monat',
		'messages.progress.month': 'Monat',
		'messages.progress.done': 'Erledigt (Summe)',
		'messages.progress.open': 'Offen',
		'messages.progress.talks': 'Gespräche',
		'messages.progress.referrals': 'Weiterverweisungen',
		'messages.progress.stepsTitle': 'Schritte',
		'messages.progress.talksTitle': 'Gespräche',
		'messages.progress.referralsTitle': 'Weiterverweisungen und Ergebnis',
		'messages.progress.none': 'Noch keine.',
		'messages.progress.stepDone': 'erledigt am {date}',
		'messages.progress.stepOpen': 'offen',
		'messages.progress.stepDue': 'fällig am {date}',

		// Datenschutzerklärung
		'messages.privacy.title': 'Nachrichten an Ihr Regionalbüro',
		'messages.privacy.text':
			'Wenn Sie Ihrem Regionalbüro in Ihrem Bereich schreiben, speichern wir Ihre Nachricht, angehängte Dateien (PDF, JPEG, PNG) und die Antworten in Ihrer Begleitung. Sie sehen nur Sie und das Team des Regionalbüros, das Sie begleitet; wer eine Unterhaltung öffnet, wird protokolliert (wer, wann, welche Begleitung – nicht der Text). Für Nachrichten brauchen wir keine Einwilligung wie für Notizen: Es sind Ihre eigenen Worte, die Sie bewusst an uns senden. E-Mails über neue Nachrichten enthalten nie deren Inhalt. Nachrichten und Dateien sind in Ihrem Datenexport enthalten und werden gelöscht, wenn Sie Ihr Konto löschen.',
		'messages.privacy.basis':
			'Rechtsgrundlage: Art. 6 Abs. 1 Buchst. b DSGVO (die von Ihnen gewünschte Begleitung).'
	},
	{
		'messages.mail.staff.subject': 'New message in an accompaniment',
		'messages.mail.staff.greeting': 'Dear {name},',
		'messages.mail.staff.body':
			'A new message has arrived in an accompaniment you are responsible for. Read and answer it on the case page.',
		'messages.mail.staff.button': 'Read the message',
		'messages.mail.privacy': 'For confidentiality, this e-mail does not contain the message itself.',
		'messages.mail.creative.subject': 'New message from {office}',
		'messages.mail.creative.greeting': 'Dear {name},',
		'messages.mail.creative.body':
			'{office} has written to you in your area on Kreativlotse. Sign in to read the message.',
		'messages.mail.creative.button': 'Read the message in the portal',
		'messages.mail.reminder.subjectBefore': plural(
			'Reminder: your next step is due tomorrow',
			'Reminder: your next step is due in {days} days'
		),
		'messages.mail.reminder.subjectDue': 'Reminder: your next step is due today',
		'messages.mail.reminder.greeting': 'Dear {name},',
		'messages.mail.reminder.bodyBefore': plural(
			'this step you agreed with your consultant is due tomorrow:',
			'this step you agreed with your consultant is due in {days} days:'
		),
		'messages.mail.reminder.bodyDue': 'this step you agreed with your consultant is due today:',
		'messages.mail.reminder.button': 'See the step in the portal and tick it off',
		'messages.mail.reminder.off': 'You would rather not get reminders? You can switch them off in your area.',
		'messages.mail.reminder.settings': 'Reminder settings',

		'messages.portal.title': 'Messages',
		'messages.portal.navLink': 'Messages to your regional office',
		'messages.portal.navUnread': plural(
			'Messages to your regional office (1 new answer)',
			'Messages to your regional office ({count} new answers)'
		),
		'messages.portal.lead':
			'Write to your regional office about your accompaniment and read the answers here. Only you and the team of the office that accompanies you see these messages.',
		'messages.portal.noCases':
			'You have no accompaniment yet. After your first consultation you can write to your regional office here.',
		'messages.portal.case': '{office} – your consultation with {consultant}',
		'messages.portal.conversation': 'Conversation with {office}',
		'messages.portal.empty': 'No messages yet.',
		'messages.portal.you': 'You',
		'messages.portal.new': 'new',
		'messages.portal.write': 'New message',
		'messages.portal.chooseCase': 'To which regional office?',
		'messages.portal.answerTime': plural(
			'Your regional office usually answers within one working day.',
			'Your regional office usually answers within {days} working days.'
		),
		'messages.portal.closed':
			'This accompaniment is closed. You can read the messages but not write new ones.',
		'messages.portal.sent': 'Your message has been sent.',
		'messages.portal.progressLink': 'Your progress at a glance',

		'messages.form.body': 'Your message',
		'messages.form.bodyStaff': 'Answer',
		'messages.form.bodyHint': 'Text only, at most 5000 characters.',
		'messages.form.attachment': 'Attachment (optional)',
		'messages.form.attachmentHint': 'One file: PDF, JPEG or PNG, at most {mb} MB.',
		'messages.form.send': 'Send message',
		'messages.form.sendStaff': 'Send answer',
		'messages.attachment.download': 'Download {name} ({size})',
		'messages.attachment.label': 'Attachment',
		'messages.sentAt': 'sent on {when}',

		'messages.error.attachment_type': 'Please attach PDF, JPEG or PNG files only.',
		'messages.error.attachment_size': 'The file is too large: at most {mb} MB.',
		'messages.error.closed': 'This accompaniment is closed.',
		'messages.error.resend': 'Please reload the page and send again.',
		'messages.error.range': 'Please enter a number in the allowed range.',
		'messages.error.holidays': 'Please enter the days as YYYY-MM-DD, one per line.',

		'messages.reminders.title': 'Reminders of your steps',
		'messages.reminders.onText':
			'You get an e-mail a few days before one of your steps is due, and one on the day itself.',
		'messages.reminders.offText': 'Reminders of your steps are switched off.',
		'messages.reminders.turnOff': 'Switch reminders off',
		'messages.reminders.turnOn': 'Switch reminders on',
		'messages.reminders.saved': 'Your setting has been saved.',

		'messages.staff.title': 'Messages: {name}',
		'messages.staff.back': 'Back to the accompaniment',
		'messages.staff.lead':
			'The conversation belongs to the accompaniment: whoever takes it over sees it. Every opening is logged (who, when, which case – never the text).',
		'messages.staff.creative': '{name} (person)',
		'messages.staff.staffAuthor': '{name} (office)',
		'messages.staff.sent': 'The answer has been sent.',
		'messages.staff.answerTitle': 'Write an answer',
		'messages.staff.waiting': 'waiting for an answer, promised by {date}',
		'messages.staff.overdue': 'overdue',
		'messages.staff.answerTime': plural(
			"The office's promised answer time: 1 working day.",
			"The office's promised answer time: {days} working days."
		),
		'messages.staff.link': 'Messages',
		'messages.staff.linkUnread': plural('Messages (1 unread)', 'Messages ({count} unread)'),
		'messages.staff.progressLink': 'Progress at a glance',
		'messages.staff.erased': 'The person deleted their account; the conversation has been emptied.',

		'messages.caseload.column': 'Messages',
		'messages.caseload.unread': '{count} unread',
		'messages.caseload.overdue': 'overdue',
		'messages.caseload.none': '–',

		'messages.settings.title': 'Messages and reminders',
		'messages.settings.answerDays': 'Promised answer time (working days)',
		'messages.settings.answerDaysHint':
			'Monday to Friday, without the holidays below. Messages waiting longer show as "overdue".',
		'messages.settings.reminderDays': "Reminder of the person's steps (days before)",
		'messages.settings.reminderDaysHint': '0 to 14; 0 means: on the day only.',
		'messages.settings.holidays': "The office's holidays and closing days",
		'messages.settings.holidaysHint': 'One day per line, e.g. 2026-12-24.',
		'messages.settings.save': 'Save message settings',
		'messages.settings.saved': 'The message settings have been saved.',

		'messages.stats.title': 'Answer time on messages',
		'messages.stats.caption': 'Median answer time per office in the period (hours until the first answer)',
		'messages.stats.office': 'Office',
		'messages.stats.median': 'Median (hours)',
		'messages.stats.answered': 'Messages answered',
		'messages.stats.overdue': 'Overdue now',
		'messages.stats.note':
			'Per office, never per person. Fewer than 5 answered messages show as "< 5" and without a median.',

		'cases.timeline.event.message': 'Message',
		'cases.timeline.event.step_reminder_sent': "Reminder of the person's step sent",
		'messages.timeline.fromCreative': 'from the person',
		'messages.timeline.fromStaff': 'from the office',
		'messages.timeline.withAttachment': 'with attachment',
		'messages.timeline.before': 'ahead',
		'messages.timeline.due': 'on the due day',

		'messages.progress.title': 'Progress at a glance',
		'messages.progress.titleStaff': 'Progress at a glance: {name}',
		'messages.progress.lead':
			'Goals, steps, talks, referrals and the next contact – over the months of the accompaniment.',
		'messages.progress.print': "To print or save as PDF, use your browser's print function.",
		'messages.progress.goals': 'Goals agreed',
		'messages.progress.noGoals': 'No goals recorded yet.',
		'messages.progress.nextContact': 'Next contact',
		'messages.progress.nextContactNone': 'No date for the next contact.',
		'messages.progress.chartTitle': 'Steps over time',
		'messages.progress.chartSummary': '{done} of {total} steps done; {talks} talks, {referrals} referrals.',
		'messages.progress.legendDone': 'steps done (cumulative)',
		'messages.progress.legendOpen': 'open steps',
		'messages.progress.legendTalk': 'talk',
		'messages.progress.table': 'Figures as a table',
		'messages.progress.tableCaption': 'Steps, talks and referrals per month',
		'messages.progress.month': 'Month',
		'messages.progress.done': 'Done (cumulative)',
		'messages.progress.open': 'Open',
		'messages.progress.talks': 'Talks',
		'messages.progress.referrals': 'Referrals',
		'messages.progress.stepsTitle': 'Steps',
		'messages.progress.talksTitle': 'Talks',
		'messages.progress.referralsTitle': 'Referrals and outcome',
		'messages.progress.none': 'None yet.',
		'messages.progress.stepDone': 'done on {date}',
		'messages.progress.stepOpen': 'open',
		'messages.progress.stepDue': 'due on {date}',

		'messages.privacy.title': 'Messages to your regional office',
		'messages.privacy.text':
			'When you write to your regional office in your area, we store your message, attached files (PDF, JPEG, PNG) and the answers in your accompaniment. Only you and the team of the office that accompanies you see them; opening a conversation is logged (who, when, which case – not the text). Messages need no consent like notes do: they are your own words, sent to us on purpose. E-mails about new messages never contain their content. Messages and files are part of your data export and are deleted when you delete your account.',
		'messages.privacy.basis': 'Legal basis: Art. 6(1)(b) GDPR (the accompaniment you asked for).'
	}
);
