import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

// Only for the end-to-end suite (KL_E2E=1): proves that an unexpected error shows the
// generic page with a correlation id and leaks nothing. Everywhere else it does not exist.
export const load: PageServerLoad = () => {
	if (process.env.KL_E2E !== '1' || process.env.NODE_ENV === 'production')
		error(404, { message: 'not found' });
	throw new Error('deliberate failure: SELECT * FROM secret_table');
};
