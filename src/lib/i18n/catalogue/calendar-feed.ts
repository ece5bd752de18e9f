import { catalogue } from './define';

// Keys start with 'calendarFeed.': a staff user's personal calendar subscription (issue 15).
export default catalogue(
	{
		'calendarFeed.title': 'Kalender-Abo',
		'calendarFeed.lead':
			'Abonnieren Sie Ihre Termine, Sprechtage und Ihre Veranstaltungen in Ihrem Kalenderprogramm (Outlook, Apple Kalender, Thunderbird, Google Kalender). Die Adresse ist geheim: Wer sie kennt, sieht Ihre Termine. Standardmäßig steht darin nur der Vorname der Person und das Format.',
		'calendarFeed.none': 'Sie haben kein Kalender-Abo.',
		'calendarFeed.active': 'Ihr Kalender-Abo ist aktiv seit {date}.',
		'calendarFeed.create': 'Abo-Adresse erzeugen',
		'calendarFeed.renew': 'Neue Adresse erzeugen (die alte wird ungültig)',
		'calendarFeed.revoke': 'Abo beenden',
		'calendarFeed.created':
			'Ihre Abo-Adresse. Sie wird nur jetzt angezeigt: Kopieren Sie sie in Ihr Kalenderprogramm („Kalender abonnieren“ bzw. „Aus dem Internet“).',
		'calendarFeed.webcal': 'Abonnieren (webcal)',
		'calendarFeed.url': 'Abo-Adresse',
		'calendarFeed.revoked': 'Ihr Kalender-Abo ist beendet; die Adresse ist ungültig.',
		'calendarFeed.calendarName': 'Kreativlotse – {name}',
		'calendarFeed.booking': 'Beratung: {person} ({format})',
		'calendarFeed.bookingHeld': 'Vorgemerkt: {person} ({format})',
		'calendarFeed.sprechtag': 'Sprechtag {town}',
		'calendarFeed.event': 'Veranstaltung: {title}',
		'calendarFeed.contact': 'Kontakt: {email} {phone}',
		'calendarFeed.officeSetting': 'Kalender-Abos dürfen vollen Namen, E-Mail und Telefon zeigen',
		'calendarFeed.officeSettingHint':
			'Sonst zeigen die Abos der Beraterinnen und Berater nur Vorname und Format (Datensparsamkeit).',
		'calendarFeed.officeSettingSave': 'Speichern',
		'calendarFeed.officeSettingSaved': 'Gespeichert.'
	},
	{
		'calendarFeed.title': 'Calendar subscription',
		'calendarFeed.lead':
			'Subscribe to your appointments, Sprechtage and your events in your calendar app (Outlook, Apple Calendar, Thunderbird, Google Calendar). The address is secret: whoever knows it sees your appointments. By default it shows only the person’s first name and the format.',
		'calendarFeed.none': 'You have no calendar subscription.',
		'calendarFeed.active': 'Your calendar subscription has been active since {date}.',
		'calendarFeed.create': 'Create subscription address',
		'calendarFeed.renew': 'Create a new address (the old one stops working)',
		'calendarFeed.revoke': 'End subscription',
		'calendarFeed.created':
			'Your subscription address. It is shown only now: copy it into your calendar app ("Subscribe to calendar" or "From the internet").',
		'calendarFeed.webcal': 'Subscribe (webcal)',
		'calendarFeed.url': 'Subscription address',
		'calendarFeed.revoked': 'Your calendar subscription has ended; the address no longer works.',
		'calendarFeed.calendarName': 'Kreativlotse – {name}',
		'calendarFeed.booking': 'Consultation: {person} ({format})',
		'calendarFeed.bookingHeld': 'Pending: {person} ({format})',
		'calendarFeed.sprechtag': 'Sprechtag {town}',
		'calendarFeed.event': 'Event: {title}',
		'calendarFeed.contact': 'Contact: {email} {phone}',
		'calendarFeed.officeSetting': 'Calendar subscriptions may show full name, e-mail and phone',
		'calendarFeed.officeSettingHint':
			'Otherwise consultants’ subscriptions show only first name and format (data minimisation).',
		'calendarFeed.officeSettingSave': 'Save',
		'calendarFeed.officeSettingSaved': 'Saved.'
	}
);
