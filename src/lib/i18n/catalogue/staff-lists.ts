import { catalogue } from './define';

// Issue 14: staff lists at national scale — paging of the caseload, the audit log, the outbox and
// the staff users.
export default catalogue(
	{
		'staffLists.caseload.paging': 'Seiten der Begleitungen',
		'staffLists.paging.newer': 'Neuere Einträge',
		'staffLists.paging.older': 'Ältere Einträge',
		'staffLists.audit.caption': 'Protokolleinträge, neueste zuerst',
		'staffLists.outbox.caption': 'E-Mails, neueste zuerst',
		'staffLists.users.search': 'Name oder E-Mail-Adresse',
		'staffLists.users.searchSubmit': 'Suchen',
		'staffLists.users.paging': 'Seiten der Mitarbeitenden'
	},
	{
		'staffLists.caseload.paging': 'Caseload pages',
		'staffLists.paging.newer': 'Newer entries',
		'staffLists.paging.older': 'Older entries',
		'staffLists.audit.caption': 'Audit log entries, newest first',
		'staffLists.outbox.caption': 'Mails, newest first',
		'staffLists.users.search': 'Name or e-mail address',
		'staffLists.users.searchSubmit': 'Search',
		'staffLists.users.paging': 'Staff pages'
	}
);
