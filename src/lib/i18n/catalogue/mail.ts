import { catalogue } from './define';

// Keys start with 'mail.' so catalogues never collide.
export default catalogue(
	{
		'mail.footer':
			'Kreativlotse – Orientierungsberatung für die Kultur- und Kreativwirtschaft.\nDiese Nachricht wurde automatisch versandt.',

		// Postausgang (staff mail viewer)
		'mail.outbox.title': 'Postausgang',
		'mail.outbox.lead.all':
			'Alle Mails, die das System versendet hat oder versenden wird – für alle Regionalbüros.',
		'mail.outbox.lead.offices':
			'Alle Mails, die das System für Ihre Regionalbüros versendet hat oder versenden wird.',
		'mail.outbox.noSmtp':
			'Ohne SMTP_URL werden Mails nicht versendet; hier sehen Sie jede Mail, die das System senden würde.',
		'mail.outbox.filter.label': 'Mails filtern',
		'mail.outbox.filter.status': 'Status',
		'mail.outbox.filter.status.all': 'Alle',
		'mail.outbox.filter.to': 'Empfänger (Adresse enthält)',
		'mail.outbox.filter.submit': 'Anzeigen',
		'mail.outbox.filter.reset': 'Filter zurücksetzen',
		'mail.outbox.caption': 'Mails, neueste zuerst ({count} Treffer)',
		'mail.outbox.tableLabel': 'Tabelle der Mails',
		'mail.outbox.timeZone': 'Alle Zeiten in deutscher Zeit (Europe/Berlin).',
		'mail.outbox.empty': 'Keine Mails für diese Auswahl.',
		'mail.outbox.col.time': 'Zeit',
		'mail.outbox.col.to': 'Empfänger',
		'mail.outbox.col.subject': 'Betreff',
		'mail.outbox.col.template': 'Vorlage',
		'mail.outbox.col.status': 'Status',
		'mail.outbox.col.attempts': 'Versuche',
		'mail.status.pending': 'Wartet',
		'mail.status.sending': 'Wird gesendet',
		'mail.status.sent': 'Gesendet',
		'mail.status.dead': 'Unzustellbar',
		'mail.status.obsolete': 'Überholt (nicht versandt)',

		// One mail
		'mail.detail.title': 'Mail: {subject}',
		'mail.detail.back': 'Zurück zum Postausgang',
		'mail.detail.headers': 'Kopfdaten',
		'mail.detail.to': 'An',
		'mail.detail.subject': 'Betreff',
		'mail.detail.template': 'Vorlage',
		'mail.detail.language': 'Sprache',
		'mail.detail.status': 'Status',
		'mail.detail.attempts': 'Versuche',
		'mail.detail.lastError': 'Letzter Fehler',
		'mail.detail.created': 'Erstellt',
		'mail.detail.nextAttempt': 'Nächster Versuch',
		'mail.detail.sent': 'Gesendet',
		'mail.detail.none': '–',
		'mail.detail.text': 'Textfassung',
		'mail.detail.html': 'HTML-Fassung',
		'mail.detail.htmlNote':
			'Die HTML-Fassung wird abgeschirmt angezeigt: ohne Skripte und ohne Inhalte von außen. Links lassen sich darin nicht öffnen; alle Ziele stehen in der Textfassung.',
		'mail.detail.htmlFrame': 'HTML-Fassung der Mail „{subject}“',
		'mail.detail.requeue.title': 'Erneut versenden',
		'mail.detail.requeue.text':
			'Diese Mail konnte nach {attempts} Versuchen nicht zugestellt werden. Prüfen Sie Adresse und Fehler; danach können Sie sie wieder in die Warteschlange stellen.',
		'mail.detail.requeue.button': 'Erneut versuchen',
		'mail.detail.requeue.done': 'Die Mail steht wieder in der Warteschlange.',
		'mail.detail.requeue.notDead': 'Diese Mail ist nicht (mehr) unzustellbar; es wurde nichts geändert.'
	},
	{
		'mail.footer':
			'Kreativlotse – orientation advice for the cultural and creative industries.\nThis message was sent automatically.',

		'mail.outbox.title': 'Outbox',
		'mail.outbox.lead.all': 'Every mail the system has sent or will send – for all regional offices.',
		'mail.outbox.lead.offices': 'Every mail the system has sent or will send for your regional offices.',
		'mail.outbox.noSmtp': 'Without SMTP_URL no mail is sent; here you see every mail the system would send.',
		'mail.outbox.filter.label': 'Filter mails',
		'mail.outbox.filter.status': 'Status',
		'mail.outbox.filter.status.all': 'All',
		'mail.outbox.filter.to': 'Recipient (address contains)',
		'mail.outbox.filter.submit': 'Show',
		'mail.outbox.filter.reset': 'Reset filter',
		'mail.outbox.caption': (p) => `Mails, newest first (${p.count} ${p.count === 1 ? 'result' : 'results'})`,
		'mail.outbox.tableLabel': 'Table of mails',
		'mail.outbox.timeZone': 'All times in German time (Europe/Berlin).',
		'mail.outbox.empty': 'No mails for this selection.',
		'mail.outbox.col.time': 'Time',
		'mail.outbox.col.to': 'Recipient',
		'mail.outbox.col.subject': 'Subject',
		'mail.outbox.col.template': 'Template',
		'mail.outbox.col.status': 'Status',
		'mail.outbox.col.attempts': 'Attempts',
		'mail.status.pending': 'Waiting',
		'mail.status.sending': 'Sending',
		'mail.status.sent': 'Sent',
		'mail.status.dead': 'Undeliverable',
		'mail.status.obsolete': 'Obsolete (not sent)',

		'mail.detail.title': 'Mail: {subject}',
		'mail.detail.back': 'Back to the outbox',
		'mail.detail.headers': 'Headers',
		'mail.detail.to': 'To',
		'mail.detail.subject': 'Subject',
		'mail.detail.template': 'Template',
		'mail.detail.language': 'Language',
		'mail.detail.status': 'Status',
		'mail.detail.attempts': 'Attempts',
		'mail.detail.lastError': 'Last error',
		'mail.detail.created': 'Created',
		'mail.detail.nextAttempt': 'Next attempt',
		'mail.detail.sent': 'Sent',
		'mail.detail.none': '–',
		'mail.detail.text': 'Plain-text version',
		'mail.detail.html': 'HTML version',
		'mail.detail.htmlNote':
			'The HTML version is shown shielded: no scripts and no outside content. Links cannot be opened in it; every target is in the plain-text version.',
		'mail.detail.htmlFrame': 'HTML version of the mail “{subject}”',
		'mail.detail.requeue.title': 'Send again',
		'mail.detail.requeue.text':
			'This mail could not be delivered after {attempts} attempts. Check the address and the error; then you can put it back into the queue.',
		'mail.detail.requeue.button': 'Try again',
		'mail.detail.requeue.done': 'The mail is back in the queue.',
		'mail.detail.requeue.notDead': 'This mail is not (or no longer) undeliverable; nothing was changed.'
	}
);
