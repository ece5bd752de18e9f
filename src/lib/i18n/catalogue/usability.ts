import { catalogue } from './define';

// Issue 16 (usability pass): rules around talks, field names in error summaries, plural forms,
// the audit log in sentences, the session warning, drafts and cancellation reasons.
export default catalogue(
	{
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
