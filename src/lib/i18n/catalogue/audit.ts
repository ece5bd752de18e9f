import { catalogue, plural } from './define';

// Keys start with 'audit.' so catalogues never collide.
export default catalogue(
	{
		'audit.title': 'Protokoll',
		'audit.lead':
			'Wer hat wann was getan. Einträge werden nie gelöscht; wenn personenbezogene Daten gelöscht werden, werden sie geschwärzt.',
		'audit.filter.label': 'Protokoll filtern',
		'audit.filter.action': 'Aktion',
		'audit.filter.action.all': 'Alle Aktionen',
		'audit.filter.actor': 'Person (Kennung oder E-Mail enthält)',
		'audit.filter.office': 'Regionalbüro',
		'audit.filter.office.all': 'Alle Büros',
		'audit.filter.from': 'Von (Datum)',
		'audit.filter.to': 'Bis (Datum, einschließlich)',
		'audit.filter.submit': 'Anzeigen',
		'audit.filter.reset': 'Filter zurücksetzen',
		'audit.caption': plural('de', 'count', {
			one: 'Protokolleinträge, neueste zuerst ({count} Treffer)',
			other: 'Protokolleinträge, neueste zuerst ({count} Treffer)'
		}),
		'audit.tableLabel': 'Tabelle der Protokolleinträge',
		'audit.timeZone': 'Alle Zeiten und Daten in deutscher Zeit (Europe/Berlin).',
		'audit.empty': 'Keine Einträge für diese Auswahl.',
		'audit.col.time': 'Zeit',
		'audit.col.actor': 'Wer',
		'audit.col.action': 'Aktion',
		'audit.col.subject': 'Betroffen',
		'audit.col.office': 'Büro',
		'audit.col.request': 'Anfrage-ID',
		'audit.col.data': 'Daten',
		'audit.actor.system': 'System',
		'audit.actor.anonymous': 'Nicht angemeldet',
		'audit.actor.creative': 'Kreative Person',
		'audit.none': '–'
	},
	{
		'audit.title': 'Audit log',
		'audit.lead':
			'Who did what, and when. Entries are never deleted; when personal data is erased, they are redacted.',
		'audit.filter.label': 'Filter the audit log',
		'audit.filter.action': 'Action',
		'audit.filter.action.all': 'All actions',
		'audit.filter.actor': 'Person (identifier or e-mail contains)',
		'audit.filter.office': 'Regional office',
		'audit.filter.office.all': 'All offices',
		'audit.filter.from': 'From (date)',
		'audit.filter.to': 'To (date, inclusive)',
		'audit.filter.submit': 'Show',
		'audit.filter.reset': 'Reset filter',
		'audit.caption': plural('en', 'count', {
			one: 'Audit log entries, newest first ({count} result)',
			other: 'Audit log entries, newest first ({count} results)'
		}),
		'audit.tableLabel': 'Table of audit log entries',
		'audit.timeZone': 'All times and dates in German time (Europe/Berlin).',
		'audit.empty': 'No entries for this selection.',
		'audit.col.time': 'Time',
		'audit.col.actor': 'Who',
		'audit.col.action': 'Action',
		'audit.col.subject': 'Subject',
		'audit.col.office': 'Office',
		'audit.col.request': 'Request ID',
		'audit.col.data': 'Data',
		'audit.actor.system': 'System',
		'audit.actor.anonymous': 'Not signed in',
		'audit.actor.creative': 'Creative',
		'audit.none': '–'
	}
);
