import type { Db } from '$lib/server/db/transaction';
import { services } from '$lib/server/runtime';

/** What the page of a mail link knows about its token (a check-in, a feedback request). */
type Inspect<T> = (db: Db, token: string, now: Date) => Promise<T>;

/**
 * The GET of a feedback page a mail link opens: public, by token, never cached; the token's
 * state under `key`, and whether the POST just went through (`?danke`). Only the POST changes.
 */
export function linkPageLoad<K extends string, T>(key: K, inspect: Inspect<T>) {
	return async (event: {
		params: { token: string };
		url: URL;
		setHeaders: (headers: Record<string, string>) => void;
	}) => {
		event.setHeaders({ 'cache-control': 'no-store' });
		const { db, clock } = services();
		const state = await inspect(db, event.params.token, clock.now());
		return { [key]: state, thanks: event.url.searchParams.has('danke') } as Record<K, T> & {
			thanks: boolean;
		};
	};
}
