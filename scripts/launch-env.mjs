// The environment a server process needs before it starts (issue 14, memory): glibc and V8 read
// these settings at process start, so server.mjs cannot set them for itself. `npm start` and the
// benches launch through this; the systemd unit and the Containerfile write the same two values
// (docs/operations.md, "Memory"). Only for HEAP_MODE=lean, server.mjs's default: `fast` keeps
// every default. A value already in the environment wins, so an operator can override either.

/**
 * @param {NodeJS.ProcessEnv} env the environment the server would get
 * @returns {NodeJS.ProcessEnv}
 */
export function launchEnv(env) {
	if ((env.HEAP_MODE || 'lean') !== 'lean') return env;
	return {
		// Two malloc arenas instead of glibc's default of eight per core: the native allocations of
		// SQLite, pg and V8's helper threads share two pools instead of keeping memory in one each.
		MALLOC_ARENA_MAX: '2',
		// V8's new space at 2 × 1 MB instead of the 2 × 8 MB it grows to under the lean flag alone:
		// young objects are collected sooner, and the scale bench's RSS on national data fell by
		// about 15 MB with no measurable cost in time.
		NODE_OPTIONS: '--max-semi-space-size=1',
		...env
	};
}
