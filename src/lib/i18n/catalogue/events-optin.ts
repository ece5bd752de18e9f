import { catalogue } from './define';

// Issue 16: the waiting-list join confirmed by mail (double opt-in), and the optional reason
// when deregistering from an event.
export default catalogue(
	{
		'events.mail.waitlisted.deadline':
			'Bitte bestätigen Sie bis {until}, dass Sie auf die Warteliste möchten. Erst dann bieten wir Ihnen einen frei werdenden Platz an; ohne Bestätigung verfällt der Eintrag.',
		'events.mail.waitlisted.button': 'Warteliste bestätigen',
		'events.mail.waitlisted.ignore':
			'Sie haben sich nicht eingetragen? Dann ignorieren Sie diese E-Mail einfach.',
		'events.mail.waitlistConfirmed.subject': 'Warteliste bestätigt: {title}',
		'events.mail.waitlistConfirmed.body':
			'Sie stehen jetzt auf der Warteliste. Wird ein Platz frei, bieten wir ihn Ihnen per E-Mail an. Über den Link können Sie sich jederzeit wieder abmelden.',
		'events.reg.waitlistConfirm.lead':
			'Bitte bestätigen Sie bis {until}, dass Sie auf die Warteliste möchten. Erst dann bieten wir Ihnen einen frei werdenden Platz an.',
		'events.reg.waitlistConfirm.button': 'Warteliste bestätigen',
		'events.reg.waitlistConfirm.done':
			'Danke! Sie stehen auf der Warteliste. Wir haben Ihnen eine E-Mail mit einem Link zum Abmelden geschickt.',
		'events.reg.waitlistUnconfirmed': 'Warteliste (noch nicht bestätigt)',
		'events.staff.count.waitlistUnconfirmed': 'Warteliste, noch nicht bestätigt',
		'events.staff.waitlistUnconfirmedShort': '+ {count} unbestätigt',
		'eventCancel.reason.label': 'Grund der Abmeldung',
		'eventCancel.reason.hint':
			'Hilft dem Veranstalter, das Angebot zu verbessern. Sie müssen keinen Grund nennen.',
		'events.mail.office.deregistered.subject': 'Abmeldung von {title}',
		'events.mail.office.deregistered.body':
			'{name} hat sich von der Veranstaltung abgemeldet. Der Platz geht an die nächste Person auf der Warteliste.',
		'events.mail.office.deregistered.reason': 'Angegebener Grund: {reason}',
		'stats.table.eventCancellations': 'Abmeldungen nach Grund',
		'stats.sheet.abmeldungen': 'Abmeldungen'
	},
	{
		'events.mail.waitlisted.deadline':
			'Please confirm by {until} that you want to be on the waiting list. Only then do we offer you a place that becomes free; without confirmation the entry lapses.',
		'events.mail.waitlisted.button': 'Confirm waiting list',
		'events.mail.waitlisted.ignore': 'You did not sign up? Then simply ignore this e-mail.',
		'events.mail.waitlistConfirmed.subject': 'Waiting list confirmed: {title}',
		'events.mail.waitlistConfirmed.body':
			'you are now on the waiting list. If a place becomes free, we will offer it to you by e-mail. You can leave the list at any time by the link.',
		'events.reg.waitlistConfirm.lead':
			'Please confirm by {until} that you want to be on the waiting list. Only then do we offer you a place that becomes free.',
		'events.reg.waitlistConfirm.button': 'Confirm waiting list',
		'events.reg.waitlistConfirm.done':
			'Thank you! You are on the waiting list. We have sent you an e-mail with a link to leave it.',
		'events.reg.waitlistUnconfirmed': 'Waiting list (not yet confirmed)',
		'events.staff.count.waitlistUnconfirmed': 'Waiting list, not yet confirmed',
		'events.staff.waitlistUnconfirmedShort': '+ {count} unconfirmed',
		'eventCancel.reason.label': 'Reason for cancelling',
		'eventCancel.reason.hint': 'Helps the organiser improve the offer. You do not have to give a reason.',
		'events.mail.office.deregistered.subject': 'Cancellation for {title}',
		'events.mail.office.deregistered.body':
			'{name} has cancelled their registration. The place goes to the next person on the waiting list.',
		'events.mail.office.deregistered.reason': 'Reason given: {reason}',
		'stats.table.eventCancellations': 'Event deregistrations by reason',
		'stats.sheet.abmeldungen': 'Event deregistrations'
	}
);
