import { catalogue } from './define';

// Keys start with 'privacy.' (and the one close reason the erasure sets) so catalogues never collide.
export default catalogue(
	{
		'privacy.erasedPerson': 'Gelöschte Person',
		'cases.close.reason.erased': 'Daten gelöscht (auf Wunsch der Person)'
	},
	{
		'privacy.erasedPerson': 'Erased person',
		'cases.close.reason.erased': 'Data erased (at the person’s request)'
	}
);
