import { services } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ dpoContact: services().config.dpoContact });
