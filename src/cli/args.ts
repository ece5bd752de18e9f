import { parseArgs } from 'node:util';

/**
 * Command-line parsing for `npm run kl -- <command> [options]`: pure functions, no I/O, so the
 * CLI's behaviour on odd input is testable without a database.
 */
export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; description: string }>;

export interface ArgsSpec {
	options?: OptionSpec;
	/** Names of positional arguments, e.g. ['FILE']; all required unless `optionalPositionals`. */
	positionals?: readonly string[];
	optionalPositionals?: boolean;
	/** String options that must be present, e.g. ['email', 'name']. */
	required?: readonly string[];
}

export interface ParsedArgs {
	positionals: string[];
	options: Record<string, string | boolean | undefined>;
}

/** Wrong usage: the dispatcher prints the message and the command's usage, exit code 2. */
export class UsageError extends Error {}

/** `['--', 'backup', 'x.db']` -> { command: 'backup', rest: ['x.db'] }. `--help` counts as `help`. */
export function splitCommand(argv: readonly string[]): { command: string; rest: string[] } {
	const args = argv[0] === '--' ? argv.slice(1) : [...argv];
	if (args.length === 0) return { command: 'help', rest: [] };
	const [first, ...rest] = args as [string, ...string[]];
	if (first === '--help' || first === '-h') return { command: 'help', rest };
	return { command: first, rest };
}

export function parseCommandArgs(argv: readonly string[], spec: ArgsSpec = {}): ParsedArgs {
	const options = spec.options ?? {};
	let parsed: ReturnType<typeof parseArgs>;
	try {
		parsed = parseArgs({
			args: [...argv],
			options: Object.fromEntries(
				Object.entries(options).map(([name, o]) => [
					name,
					{ type: o.type, ...(o.short ? { short: o.short } : {}) }
				])
			),
			allowPositionals: true,
			strict: true
		});
	} catch (err) {
		const e = err as { code?: string; message?: string };
		if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
			const option = /'([^']+)'/.exec(e.message ?? '')?.[1] ?? '';
			throw new UsageError(`unknown option ${option}`.trim());
		}
		if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
			const option = /'(--[^' ]+)/.exec(e.message ?? '')?.[1] ?? 'an option';
			throw new UsageError(`${option} needs a value`);
		}
		throw new UsageError(e.message ?? String(err));
	}
	const values = parsed.values as Record<string, string | boolean | undefined>;
	for (const name of spec.required ?? []) {
		const v = values[name];
		if (typeof v !== 'string' || v.trim() === '') throw new UsageError(`--${name} is required`);
	}
	const names = spec.positionals ?? [];
	const positionals = parsed.positionals;
	if (positionals.length > names.length) {
		throw new UsageError(`unexpected argument: ${positionals[names.length]}`);
	}
	if (!spec.optionalPositionals && positionals.length < names.length) {
		throw new UsageError(`missing ${names.slice(positionals.length).join(' ')}`);
	}
	return { positionals, options: values };
}

/** One usage line: `backup PATH [--force]`. */
export function usageLine(name: string, spec: ArgsSpec): string {
	const pos = (spec.positionals ?? []).map((p) => (spec.optionalPositionals ? `[${p}]` : p));
	const opts = Object.entries(spec.options ?? {}).map(([o, d]) => {
		const text = d.type === 'string' ? `--${o} ${o.toUpperCase()}` : `--${o}`;
		return spec.required?.includes(o) ? text : `[${text}]`;
	});
	return [name, ...pos, ...opts].join(' ');
}
