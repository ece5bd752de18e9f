import { catalogue } from './define';

// Issue 14: full-text search and paged public lists. Keys start with 'search.'.
export default catalogue(
	{
		'search.events.label': 'Suche',
		'search.events.hint': 'Titel, Ort oder Beschreibung, z. B. „Förderung“ oder „Fotografie“.',
		'search.directory.hint': 'Name oder Beschreibung einer Anlaufstelle, z. B. „Künstlersozialkasse“.',
		'search.profiles.hint': 'Name, Ort, Leistung oder Text im Profil; auch Wortanfänge, z. B. „Desi“.',
		'search.pageOf': 'Seite {page} von {pages}'
	},
	{
		'search.events.label': 'Search',
		'search.events.hint': 'Title, place or description, e.g. “Förderung” or “Fotografie”.',
		'search.directory.hint': 'Name or description of a contact point, e.g. “Künstlersozialkasse”.',
		'search.profiles.hint':
			'Name, town, service or text in the profile; word beginnings work too, e.g. “Desi”.',
		'search.pageOf': 'Page {page} of {pages}'
	}
);
