import { catalogue } from './define';

// Issue 14: full-text search and paged public lists. Keys start with 'search.'.
export default catalogue(
	{
		'search.events.label': 'Suche',
		'search.events.hint': 'Titel, Ort oder Beschreibung, z. B. „Förderung“ oder „Fotografie“.',
		'search.profiles.hint': 'Name, Ort, Leistung oder Text im Profil; auch Wortanfänge, z. B. „Desi“.'
	},
	{
		'search.events.label': 'Search',
		'search.events.hint': 'Title, place or description, e.g. “Förderung” or “Fotografie”.',
		'search.profiles.hint':
			'Name, town, service or text in the profile; word beginnings work too, e.g. “Desi”.'
	}
);
