import { catalogue } from './define';

// Issue 11: postcodes outside the office finder (events list filter). Keys start with 'postcodes.'.
export default catalogue(
	{
		'postcodes.events.plz': 'Postleitzahl',
		'postcodes.events.plzHint': 'Zeigt die Veranstaltungen im Bundesland Ihrer Postleitzahl.',
		'postcodes.events.unique': 'Postleitzahl {plz}: Veranstaltungen in {land}.',
		'postcodes.events.unknown':
			'Zur Postleitzahl {plz} kennen wir kein Bundesland. Bitte wählen Sie Ihr Bundesland aus der Liste.',
		'postcodes.events.ambiguous':
			'Die Postleitzahl {plz} liegt in zwei Bundesländern. In welchem suchen Sie Veranstaltungen?'
	},
	{
		'postcodes.events.plz': 'Postcode',
		'postcodes.events.plzHint': 'Shows the events in the federal state of your postcode.',
		'postcodes.events.unique': 'Postcode {plz}: events in {land}.',
		'postcodes.events.unknown':
			'We do not know a federal state for the postcode {plz}. Please choose your federal state from the list.',
		'postcodes.events.ambiguous':
			'The postcode {plz} lies in two federal states. In which one are you looking for events?'
	}
);
