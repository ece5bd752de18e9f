import { catalogue, plural } from './define';

// Keys start with 'booking.' so catalogues never collide.
export default catalogue(
	{
		'booking.when': '{weekday}, {date}, {start}–{end} Uhr',
		'booking.at': '{weekday}, {date}, {time} Uhr',
		'booking.format.office': 'Im Regionalbüro',
		'booking.format.phone': 'Telefon',
		'booking.format.video': 'Video',
		'booking.format.sprechtag': 'Sprechtag vor Ort',
		'booking.where.office': '{office}, {address}',
		'booking.where.phone': 'Wir rufen Sie an: {phone}',
		'booking.where.video': 'Videoraum: {url}',
		'booking.where.videoLater': 'Den Link zum Videoraum erhalten Sie mit der Bestätigung.',
		'booking.where.sprechtag': '{venue}, {address}, {town}',

		// Mails
		'booking.mail.greeting': 'Guten Tag {name},',
		'booking.mail.label.when': 'Wann',
		'booking.mail.label.format': 'Form',
		'booking.mail.label.where': 'Wo',
		'booking.mail.label.office': 'Regionalbüro',
		'booking.mail.label.consultant': 'Beratung durch',
		'booking.mail.reason': 'Grund: {reason}',
		'booking.mail.hold.subject': 'Bitte bestätigen Sie Ihren Termin',
		'booking.mail.hold.body': 'Sie haben eine kostenlose Orientierungsberatung beim {office} angefragt.',
		'booking.mail.hold.deadline':
			'Bitte bestätigen Sie den Termin bis {until} Uhr über den Link unten. Ohne Bestätigung geben wir die Zeit danach wieder frei.',
		'booking.mail.hold.button': 'Termin bestätigen',
		'booking.mail.hold.ignore':
			'Sie haben nichts angefragt? Dann ignorieren Sie diese E-Mail einfach; der Termin verfällt von selbst.',
		'booking.mail.confirmed.subject': 'Ihr Termin ist bestätigt: {when}',
		'booking.mail.confirmed.body': 'vielen Dank, Ihr Beratungstermin beim {office} ist bestätigt.',
		'booking.mail.manage.button': 'Termin verschieben oder absagen',
		'booking.mail.manage.deadline':
			'Verschieben oder absagen können Sie bis {deadline}. Danach erreichen Sie das Regionalbüro unter {phone}.',
		'booking.mail.ics.button': 'Kalendereintrag herunterladen',
		'booking.mail.ics.attached': 'Der Kalendereintrag (termin.ics) hängt auch an dieser E-Mail.',
		'booking.mail.cancelled.subject': 'Ihr Termin wurde abgesagt: {when}',
		'booking.mail.cancelled.byYou': 'Sie haben Ihren Termin beim {office} abgesagt.',
		'booking.mail.cancelled.byStaff':
			'das {office} musste Ihren Termin leider absagen. Bitte entschuldigen Sie.',
		'booking.mail.cancelled.rebook': 'Neuen Termin buchen',
		'booking.mail.cancelled.calendar': 'Ihr Kalender entfernt den Eintrag mit der angehängten Absage.',
		'booking.mail.moved.subject': 'Ihr Termin wurde verlegt: {when}',
		'booking.mail.moved.byYou': 'Sie haben Ihren Termin verlegt (bisher: {previous}). Der neue Termin:',
		'booking.mail.moved.byStaff':
			'das {office} hat Ihren Termin verlegt (bisher: {previous}). Der neue Termin:',
		'booking.mail.moved.linkNote':
			'Bitte verwenden Sie den Link aus dieser E-Mail; ältere Links gelten nicht mehr.',
		'booking.mail.reminder.subject': 'Erinnerung: Ihr Termin am {when}',
		'booking.mail.reminder.body': 'wir erinnern Sie an Ihren Beratungstermin beim {office}.',
		'booking.mail.reminder.change':
			'Sie können nicht kommen? Verschieben oder absagen können Sie über den Link in Ihrer Bestätigungs-E-Mail bis {deadline}; danach erreichen Sie das Regionalbüro unter {phone}.',
		'booking.mail.reminder.button': 'Neuen Link zur Terminverwaltung anfordern',
		'booking.mail.link.subject': 'Ihr Link zur Terminverwaltung',
		'booking.mail.link.body':
			'hier ist Ihr neuer Link, mit dem Sie Ihren Termin ansehen, verschieben oder absagen können.',
		'booking.mail.link.bodyHeld':
			'Ihr Termin wartet noch auf Ihre Bestätigung. Über den Link unten bestätigen Sie ihn, solange er reserviert ist.',
		'booking.mail.link.older': 'Links aus früheren E-Mails zu diesem Termin gelten nicht mehr.',
		'booking.mail.consultant.greeting': 'Guten Tag {name},',
		'booking.mail.consultant.booked.subject': 'Neuer Beratungstermin: {when}',
		'booking.mail.consultant.booked': 'es gibt einen neuen, bestätigten Beratungstermin bei Ihnen.',
		'booking.mail.consultant.bookedByStaff': 'für Sie wurde ein Beratungstermin eingetragen.',
		'booking.mail.consultant.cancelled.subject': 'Termin abgesagt: {when}',
		'booking.mail.consultant.cancelled': 'der folgende Termin wurde von der ratsuchenden Person abgesagt.',
		'booking.mail.consultant.cancelledByStaff': 'der folgende Termin wurde vom Regionalbüro abgesagt.',
		'booking.mail.consultant.moved.subject': 'Termin verlegt: {when}',
		'booking.mail.consultant.moved': 'die ratsuchende Person hat ihren Termin verlegt (bisher: {previous}).',
		'booking.mail.consultant.movedByStaff': 'das Regionalbüro hat den Termin verlegt (bisher: {previous}).',
		'booking.mail.consultant.button': 'Kalender öffnen',
		'booking.ics.summary': 'Orientierungsberatung – {office}',
		'booking.ics.contact': 'Fragen oder Änderungen: {phone}',
		// Home page card and main navigation
		'booking.nav': 'Beratung buchen',
		'booking.home.title': 'Beratung buchen',
		'booking.home.text':
			'Kostenlose Orientierungsberatung im Regionalbüro, am Telefon, per Video oder an einem Sprechtag – freie Termine sehen und direkt buchen, ohne Konto.',
		'booking.home.cta': 'Termin buchen',

		// Public booking flow (/termin)
		'booking.flow.title': 'Beratung buchen',
		'booking.flow.lead':
			'Die Orientierungsberatung der Regionalbüros ist kostenlos. In fünf Schritten wählen Sie Büro, Form und Zeit und schicken uns Ihr Anliegen; ein Konto brauchen Sie nicht.',
		'booking.flow.titleError': 'Fehler: {title}',
		'booking.flow.step1': 'Schritt 1 von 5: Bundesland',
		'booking.flow.step2': 'Schritt 2 von 5: Regionalbüro',
		'booking.flow.step3': 'Schritt 3 von 5: Form der Beratung',
		'booking.flow.step4': 'Schritt 4 von 5: Termin wählen',
		'booking.flow.step5': 'Schritt 5 von 5: Ihre Angaben',
		'booking.flow.next': 'Weiter',
		'booking.flow.choice': 'Ihre Auswahl',
		'booking.flow.change': 'ändern',
		'booking.flow.summary.land': 'Bundesland',
		'booking.flow.summary.office': 'Regionalbüro',
		'booking.flow.summary.format': 'Form',
		'booking.flow.summary.slot': 'Termin',
		'booking.flow.timeRange': '{start}–{end} Uhr',
		'booking.flow.land.label': 'Bundesland',
		'booking.flow.land.hint':
			'Wo Sie wohnen oder arbeiten. Danach richtet sich, welches Regionalbüro zuständig ist.',
		'booking.flow.plz.label': 'Postleitzahl',
		'booking.flow.plz.hint': '5 Ziffern. Ohne Bundesland schlagen wir es anhand der Postleitzahl vor.',
		'booking.flow.office.legend': 'Bei welchem Regionalbüro möchten Sie sich beraten lassen?',
		'booking.flow.office.hint': 'Das zuständige Büro ist vorausgewählt. Sie können auch ein anderes wählen.',
		'booking.flow.office.responsible': 'zuständig für {land}',
		'booking.flow.format.legend': 'Wie möchten Sie beraten werden?',
		'booking.flow.format.hint.office': 'Persönlich in den Räumen des Regionalbüros.',
		'booking.flow.format.hint.phone': 'Wir rufen Sie zur vereinbarten Zeit an.',
		'booking.flow.format.hint.video': 'Sie erhalten einen Link zu einem Videoraum.',
		'booking.flow.format.hint.sprechtag': 'Persönlich an einem Sprechtag in einer Stadt Ihrer Region.',
		'booking.flow.slot.legend': 'Freie Termine',
		'booking.flow.slot.week': 'Woche vom {from} bis {to}',
		'booking.flow.slot.weeks': 'Wochen blättern',
		'booking.flow.slot.prev': 'Vorherige Woche',
		'booking.flow.slot.next': 'Nächste Woche',
		'booking.flow.slot.none':
			'In dieser Woche gibt es keine freien Termine. Bitte sehen Sie in einer anderen Woche nach.',
		'booking.flow.slot.call': 'Oder rufen Sie das Regionalbüro an: {phone}',
		'booking.flow.slot.gone': 'Dieser Termin ist nicht mehr frei. Bitte wählen Sie einen anderen.',
		'booking.flow.intake.lead':
			'Damit sich Ihre Beraterin oder Ihr Berater vorbereiten kann, erzählen Sie uns kurz von sich und Ihrem Anliegen. Ein Businessplan ist nicht nötig.',
		'booking.flow.name': 'Name',
		'booking.flow.email': 'E-Mail-Adresse',
		'booking.flow.email.hint': 'Dorthin schicken wir den Link, mit dem Sie den Termin bestätigen.',
		'booking.flow.phone': 'Telefonnummer',
		'booking.flow.phone.hint': 'Für Rückfragen, falls nötig.',
		'booking.flow.phone.hintRequired': 'Unter dieser Nummer rufen wir Sie zum Termin an.',
		'booking.flow.submarket': 'Teilmarkt',
		'booking.flow.stage': 'Phase',
		'booking.flow.topics': 'Themen',
		'booking.flow.concern': 'Ihr Anliegen',
		'booking.flow.concern.hint':
			'Höchstens 2000 Zeichen. Bitte schreiben Sie keine Angaben zu Gesundheit oder anderen sehr persönlichen Umständen hinein.',
		'booking.flow.heardFrom': 'Wie haben Sie von uns erfahren?',
		'booking.flow.consents': 'Einwilligungen',
		'booking.flow.privacy': 'Datenschutzerklärung lesen',
		'booking.flow.submit.note':
			'Nach dem Absenden halten wir den Termin 30 Minuten für Sie frei. Bestätigen Sie ihn in dieser Zeit über den Link in der E-Mail.',
		'booking.flow.submit': 'Termin anfragen',
		'booking.flow.limit.text':
			'Zu Ihrer E-Mail-Adresse gibt es schon einen offenen Termin für ein Erstgespräch. Sie können ihn verschieben oder absagen; dazu schicken wir Ihnen gern einen neuen Link.',
		'booking.flow.limit.button': 'Neuen Link zur Terminverwaltung senden',
		'booking.flow.error.postcode':
			'Bitte geben Sie eine Postleitzahl mit 5 Ziffern an oder lassen Sie das Feld leer.',
		'booking.flow.error.choose': 'Bitte wählen Sie einen Eintrag aus der Liste.',
		'booking.flow.error.consent': 'Ohne diese Einwilligung können wir die Beratung nicht vereinbaren.',
		'booking.flow.error.concernLong': 'Bitte höchstens 2000 Zeichen.',
		'booking.flow.error.slotTaken': 'Dieser Termin wurde gerade vergeben. Bitte wählen Sie einen anderen.',
		'booking.flow.error.throttled': plural('de', 'minutes', {
			one: 'Zu viele Anfragen von Ihrem Anschluss. Bitte warten Sie {minutes} Minute und versuchen Sie es dann erneut.',
			other:
				'Zu viele Anfragen von Ihrem Anschluss. Bitte warten Sie {minutes} Minuten und versuchen Sie es dann erneut.'
		}),
		'booking.flow.error.limit': 'Sie haben bereits einen offenen Termin für ein Erstgespräch.',

		// After the submit
		'booking.sent.title': 'Bitte bestätigen Sie Ihre E-Mail',
		'booking.sent.lead': 'Fast geschafft: Wir haben Ihnen eine E-Mail mit einem Link geschickt.',
		'booking.sent.deadline':
			'Bitte öffnen Sie den Link innerhalb von 30 Minuten und bestätigen Sie den Termin. Ohne Bestätigung geben wir die Zeit wieder frei.',
		'booking.sent.noMail': 'Keine E-Mail bekommen? Sehen Sie bitte auch im Spam-Ordner nach.',
		'booking.sent.resend': 'Link erneut anfordern',

		// Confirm page
		'booking.confirm.title': 'Termin bestätigen',
		'booking.confirm.lead': 'Bitte prüfen Sie die Angaben und bestätigen Sie den Termin.',
		'booking.confirm.button': 'Termin bestätigen',
		'booking.confirm.bookAgain': 'Termin buchen',
		'booking.confirm.problem.invalid.title': 'Dieser Link ist ungültig',
		'booking.confirm.problem.invalid.text':
			'Der Link ist unvollständig oder wurde durch einen neueren ersetzt. Bitte verwenden Sie den Link aus der neuesten E-Mail.',
		'booking.confirm.problem.expired.title': 'Die Reservierung ist abgelaufen',
		'booking.confirm.problem.expired.text':
			'Der Termin wurde nicht innerhalb von 30 Minuten bestätigt und ist wieder frei. Bitte buchen Sie erneut.',
		'booking.confirm.problem.used.title': 'Der Termin ist bereits bestätigt',
		'booking.confirm.problem.used.text':
			'Sie haben diesen Termin schon bestätigt. Den Link zur Terminverwaltung finden Sie in der Bestätigungs-E-Mail.',
		'booking.confirm.problem.cancelled.title': 'Der Termin wurde abgesagt',
		'booking.confirm.problem.cancelled.text':
			'Dieser Termin wurde abgesagt. Bitte buchen Sie bei Bedarf einen neuen.',

		// Manage page
		'booking.manage.title': 'Ihr Termin',
		'booking.manage.ics': 'Kalendereintrag herunterladen (termin.ics)',
		'booking.manage.notice.confirmed':
			'Vielen Dank, Ihr Termin ist bestätigt. Wir haben Ihnen eine Bestätigung per E-Mail geschickt.',
		'booking.manage.notice.moved':
			'Ihr Termin wurde verlegt. Wir haben Ihnen die neuen Angaben per E-Mail geschickt.',
		'booking.manage.notice.cancelled':
			'Ihr Termin ist abgesagt. Wir haben Ihnen eine Bestätigung per E-Mail geschickt.',
		'booking.manage.cancelled': 'Dieser Termin ist abgesagt.',
		'booking.manage.past': 'Dieser Termin kann nicht mehr geändert werden.',
		'booking.manage.deadline': 'Verschieben oder absagen können Sie bis {deadline} Uhr.',
		'booking.manage.change.title': 'Termin ändern',
		'booking.manage.tooLate':
			'Für Änderungen so kurz vor dem Termin wenden Sie sich bitte direkt an das {office}:',
		'booking.manage.move.title': 'Termin verschieben',
		'booking.manage.move.legend': 'Neuer Termin',
		'booking.manage.move.button': 'Termin verschieben',
		'booking.manage.cancel.title': 'Termin absagen',
		'booking.manage.cancel.text':
			'Wenn Sie nicht kommen können, sagen Sie bitte ab. So kann jemand anderes den Termin nutzen.',
		'booking.manage.cancel.button': 'Termin absagen',
		'booking.manage.error.slotTaken': 'Dieser Termin ist nicht mehr frei. Bitte wählen Sie einen anderen.',
		'booking.manage.error.tooLate': 'Änderungen sind jetzt nur noch telefonisch möglich: {phone}',
		'booking.manage.error.notActive': 'Dieser Termin kann nicht mehr geändert werden.',
		'booking.manage.error.chooseSlot': 'Bitte wählen Sie einen neuen Termin aus der Liste.',
		'booking.manage.problem.invalid.title': 'Dieser Link ist ungültig',
		'booking.manage.problem.invalid.text':
			'Der Link ist unvollständig oder wurde durch einen neueren ersetzt. Sie können einen neuen Link anfordern.',
		'booking.manage.problem.expired.title': 'Dieser Link ist abgelaufen',
		'booking.manage.problem.expired.text': 'Der Termin liegt zurück; der Link gilt nicht mehr.',

		// New link
		'booking.link.title': 'Link zur Terminverwaltung anfordern',
		'booking.link.lead':
			'Geben Sie die E-Mail-Adresse an, mit der Sie gebucht haben. Für jeden offenen Termin schicken wir Ihnen einen neuen Link; ältere Links gelten danach nicht mehr.',
		'booking.link.button': 'Link senden',
		'booking.link.sent':
			'Wenn es zu dieser Adresse offene Termine gibt, haben wir soeben eine E-Mail mit neuen Links geschickt.'
	},
	{
		'booking.when': '{weekday}, {date}, {start}–{end} (German time)',
		'booking.at': '{weekday}, {date}, {time} (German time)',
		'booking.format.office': 'At the regional office',
		'booking.format.phone': 'Phone',
		'booking.format.video': 'Video',
		'booking.format.sprechtag': 'Advice day on site',
		'booking.where.office': '{office}, {address}',
		'booking.where.phone': 'We will call you: {phone}',
		'booking.where.video': 'Video room: {url}',
		'booking.where.videoLater': 'You will receive the video room link with the confirmation.',
		'booking.where.sprechtag': '{venue}, {address}, {town}',

		'booking.mail.greeting': 'Hello {name},',
		'booking.mail.label.when': 'When',
		'booking.mail.label.format': 'Format',
		'booking.mail.label.where': 'Where',
		'booking.mail.label.office': 'Regional office',
		'booking.mail.label.consultant': 'Consultant',
		'booking.mail.reason': 'Reason: {reason}',
		'booking.mail.hold.subject': 'Please confirm your appointment',
		'booking.mail.hold.body': 'You have requested a free orientation consultation with {office}.',
		'booking.mail.hold.deadline':
			'Please confirm the appointment by {until} (German time) with the link below. Without confirmation we release the time afterwards.',
		'booking.mail.hold.button': 'Confirm appointment',
		'booking.mail.hold.ignore':
			'You did not request anything? Then simply ignore this e-mail; the appointment lapses by itself.',
		'booking.mail.confirmed.subject': 'Your appointment is confirmed: {when}',
		'booking.mail.confirmed.body': 'Thank you, your consultation with {office} is confirmed.',
		'booking.mail.manage.button': 'Reschedule or cancel',
		'booking.mail.manage.deadline':
			'You can reschedule or cancel until {deadline}. After that, please call the regional office: {phone}.',
		'booking.mail.ics.button': 'Download calendar entry',
		'booking.mail.ics.attached': 'The calendar entry (termin.ics) is also attached to this e-mail.',
		'booking.mail.cancelled.subject': 'Your appointment was cancelled: {when}',
		'booking.mail.cancelled.byYou': 'You have cancelled your appointment with {office}.',
		'booking.mail.cancelled.byStaff': 'Unfortunately {office} had to cancel your appointment. We apologise.',
		'booking.mail.cancelled.rebook': 'Book a new appointment',
		'booking.mail.cancelled.calendar': 'Your calendar removes the entry with the attached cancellation.',
		'booking.mail.moved.subject': 'Your appointment was moved: {when}',
		'booking.mail.moved.byYou':
			'You have moved your appointment (previously: {previous}). The new appointment:',
		'booking.mail.moved.byStaff':
			'{office} has moved your appointment (previously: {previous}). The new appointment:',
		'booking.mail.moved.linkNote': 'Please use the link in this e-mail; older links no longer work.',
		'booking.mail.reminder.subject': 'Reminder: your appointment on {when}',
		'booking.mail.reminder.body': 'This is a reminder of your consultation with {office}.',
		'booking.mail.reminder.change':
			'Cannot make it? You can reschedule or cancel with the link in your confirmation e-mail until {deadline}; after that, please call the regional office: {phone}.',
		'booking.mail.reminder.button': 'Request a new link to manage your appointment',
		'booking.mail.link.subject': 'Your link to manage your appointment',
		'booking.mail.link.body': 'Here is your new link to view, reschedule or cancel your appointment.',
		'booking.mail.link.bodyHeld':
			'Your appointment is still waiting for your confirmation. Confirm it with the link below while it is reserved.',
		'booking.mail.link.older': 'Links from earlier e-mails about this appointment no longer work.',
		'booking.mail.consultant.greeting': 'Hello {name},',
		'booking.mail.consultant.booked.subject': 'New consultation: {when}',
		'booking.mail.consultant.booked': 'There is a new, confirmed consultation with you.',
		'booking.mail.consultant.bookedByStaff': 'A consultation has been booked for you.',
		'booking.mail.consultant.cancelled.subject': 'Appointment cancelled: {when}',
		'booking.mail.consultant.cancelled':
			'The following appointment was cancelled by the person seeking advice.',
		'booking.mail.consultant.cancelledByStaff':
			'The following appointment was cancelled by the regional office.',
		'booking.mail.consultant.moved.subject': 'Appointment moved: {when}',
		'booking.mail.consultant.moved':
			'The person seeking advice has moved their appointment (previously: {previous}).',
		'booking.mail.consultant.movedByStaff':
			'The regional office has moved the appointment (previously: {previous}).',
		'booking.mail.consultant.button': 'Open calendar',
		'booking.ics.summary': 'Orientation consultation – {office}',
		'booking.ics.contact': 'Questions or changes: {phone}',
		'booking.nav': 'Book a consultation',
		'booking.home.title': 'Book a consultation',
		'booking.home.text':
			'Free orientation consultation at the regional office, by phone, by video or on an advice day – see free times and book directly, without an account.',
		'booking.home.cta': 'Book an appointment',

		'booking.flow.title': 'Book a consultation',
		'booking.flow.lead':
			'The regional offices’ orientation consultation is free. In five steps you choose office, format and time and tell us your concern; no account needed.',
		'booking.flow.titleError': 'Error: {title}',
		'booking.flow.step1': 'Step 1 of 5: Federal state',
		'booking.flow.step2': 'Step 2 of 5: Regional office',
		'booking.flow.step3': 'Step 3 of 5: Format',
		'booking.flow.step4': 'Step 4 of 5: Choose a time',
		'booking.flow.step5': 'Step 5 of 5: Your details',
		'booking.flow.next': 'Continue',
		'booking.flow.choice': 'Your choice',
		'booking.flow.change': 'change',
		'booking.flow.summary.land': 'Federal state',
		'booking.flow.summary.office': 'Regional office',
		'booking.flow.summary.format': 'Format',
		'booking.flow.summary.slot': 'Appointment',
		'booking.flow.timeRange': '{start}–{end}',
		'booking.flow.land.label': 'Federal state',
		'booking.flow.land.hint': 'Where you live or work. This decides which regional office is responsible.',
		'booking.flow.plz.label': 'Postcode',
		'booking.flow.plz.hint': '5 digits. Without a federal state, we suggest one from the postcode.',
		'booking.flow.office.legend': 'Which regional office would you like to consult?',
		'booking.flow.office.hint': 'The responsible office is preselected. You may choose another one.',
		'booking.flow.office.responsible': 'responsible for {land}',
		'booking.flow.format.legend': 'How would you like to be advised?',
		'booking.flow.format.hint.office': 'In person at the regional office.',
		'booking.flow.format.hint.phone': 'We call you at the agreed time.',
		'booking.flow.format.hint.video': 'You receive a link to a video room.',
		'booking.flow.format.hint.sprechtag': 'In person on an advice day in a town of your region.',
		'booking.flow.slot.legend': 'Free times',
		'booking.flow.slot.week': 'Week from {from} to {to}',
		'booking.flow.slot.weeks': 'Browse weeks',
		'booking.flow.slot.prev': 'Previous week',
		'booking.flow.slot.next': 'Next week',
		'booking.flow.slot.none': 'There are no free times this week. Please look at another week.',
		'booking.flow.slot.call': 'Or call the regional office: {phone}',
		'booking.flow.slot.gone': 'This time is no longer free. Please choose another one.',
		'booking.flow.intake.lead':
			'So that your consultant can prepare, tell us briefly about yourself and your concern. No business plan needed.',
		'booking.flow.name': 'Name',
		'booking.flow.email': 'E-mail address',
		'booking.flow.email.hint': 'We send the link to confirm the appointment there.',
		'booking.flow.phone': 'Phone number',
		'booking.flow.phone.hint': 'For questions, if needed.',
		'booking.flow.phone.hintRequired': 'We call you on this number for the appointment.',
		'booking.flow.submarket': 'Sub-market',
		'booking.flow.stage': 'Stage',
		'booking.flow.topics': 'Topics',
		'booking.flow.concern': 'Your concern',
		'booking.flow.concern.hint':
			'At most 2000 characters. Please do not include details of health or other very personal circumstances.',
		'booking.flow.heardFrom': 'How did you hear about us?',
		'booking.flow.consents': 'Consents',
		'booking.flow.privacy': 'Read the privacy notice',
		'booking.flow.submit.note':
			'After sending, we hold the time for you for 30 minutes. Confirm it within that time with the link in the e-mail.',
		'booking.flow.submit': 'Request appointment',
		'booking.flow.limit.text':
			'There is already an open first consultation for your e-mail address. You can reschedule or cancel it; we will gladly send you a new link for that.',
		'booking.flow.limit.button': 'Send a new link to manage the appointment',
		'booking.flow.error.postcode': 'Please enter a postcode with 5 digits or leave the field empty.',
		'booking.flow.error.choose': 'Please choose an entry from the list.',
		'booking.flow.error.consent': 'Without this consent we cannot arrange the consultation.',
		'booking.flow.error.concernLong': 'Please use at most 2000 characters.',
		'booking.flow.error.slotTaken': 'This time has just been taken. Please choose another one.',
		'booking.flow.error.throttled': plural('en', 'minutes', {
			one: 'Too many requests from your connection. Please wait {minutes} minute and try again.',
			other: 'Too many requests from your connection. Please wait {minutes} minutes and try again.'
		}),
		'booking.flow.error.limit': 'You already have an open first consultation.',

		'booking.sent.title': 'Please confirm your e-mail',
		'booking.sent.lead': 'Almost done: we have sent you an e-mail with a link.',
		'booking.sent.deadline':
			'Please open the link within 30 minutes and confirm the appointment. Without confirmation we release the time again.',
		'booking.sent.noMail': 'No e-mail? Please also check your spam folder.',
		'booking.sent.resend': 'Request the link again',

		'booking.confirm.title': 'Confirm appointment',
		'booking.confirm.lead': 'Please check the details and confirm the appointment.',
		'booking.confirm.button': 'Confirm appointment',
		'booking.confirm.bookAgain': 'Book an appointment',
		'booking.confirm.problem.invalid.title': 'This link is not valid',
		'booking.confirm.problem.invalid.text':
			'The link is incomplete or was replaced by a newer one. Please use the link in the latest e-mail.',
		'booking.confirm.problem.expired.title': 'The reservation has expired',
		'booking.confirm.problem.expired.text':
			'The appointment was not confirmed within 30 minutes and is free again. Please book again.',
		'booking.confirm.problem.used.title': 'The appointment is already confirmed',
		'booking.confirm.problem.used.text':
			'You have already confirmed this appointment. The link to manage it is in the confirmation e-mail.',
		'booking.confirm.problem.cancelled.title': 'The appointment was cancelled',
		'booking.confirm.problem.cancelled.text':
			'This appointment was cancelled. Please book a new one if needed.',

		'booking.manage.title': 'Your appointment',
		'booking.manage.ics': 'Download calendar entry (termin.ics)',
		'booking.manage.notice.confirmed':
			'Thank you, your appointment is confirmed. We have sent you a confirmation by e-mail.',
		'booking.manage.notice.moved': 'Your appointment was moved. We have sent you the new details by e-mail.',
		'booking.manage.notice.cancelled':
			'Your appointment is cancelled. We have sent you a confirmation by e-mail.',
		'booking.manage.cancelled': 'This appointment is cancelled.',
		'booking.manage.past': 'This appointment can no longer be changed.',
		'booking.manage.deadline': 'You can reschedule or cancel until {deadline} (German time).',
		'booking.manage.change.title': 'Change appointment',
		'booking.manage.tooLate': 'For changes this close to the appointment, please contact {office} directly:',
		'booking.manage.move.title': 'Reschedule',
		'booking.manage.move.legend': 'New time',
		'booking.manage.move.button': 'Reschedule appointment',
		'booking.manage.cancel.title': 'Cancel appointment',
		'booking.manage.cancel.text': 'If you cannot come, please cancel. Then someone else can use the time.',
		'booking.manage.cancel.button': 'Cancel appointment',
		'booking.manage.error.slotTaken': 'This time is no longer free. Please choose another one.',
		'booking.manage.error.tooLate': 'Changes are now only possible by phone: {phone}',
		'booking.manage.error.notActive': 'This appointment can no longer be changed.',
		'booking.manage.error.chooseSlot': 'Please choose a new time from the list.',
		'booking.manage.problem.invalid.title': 'This link is not valid',
		'booking.manage.problem.invalid.text':
			'The link is incomplete or was replaced by a newer one. You can request a new link.',
		'booking.manage.problem.expired.title': 'This link has expired',
		'booking.manage.problem.expired.text': 'The appointment is in the past; the link no longer works.',

		'booking.link.title': 'Request a link to manage your appointment',
		'booking.link.lead':
			'Enter the e-mail address you booked with. For every open appointment we send you a new link; older links stop working.',
		'booking.link.button': 'Send link',
		'booking.link.sent':
			'If there are open appointments for this address, we have just sent an e-mail with new links.'
	}
);
