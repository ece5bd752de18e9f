import type { Actor } from '$lib/server/http/actor';
import type { Locale } from '$lib/i18n/locale';

declare global {
	namespace App {
		interface Locals {
			locale: Locale;
			requestId: string;
			actor: Actor;
		}
		interface Error {
			message: string;
			requestId?: string;
		}
	}
}
