import type { ArgsSpec, ParsedArgs } from './args';
import type { CliIo } from './context';

/** One CLI command: its name, a one-line summary, its arguments and what it does. */
export interface Command extends ArgsSpec {
	name: string;
	summary: string;
	/** Resolves to the process exit code (0 success, 1 failure, 2 wrong usage or not applicable). */
	run(args: ParsedArgs, io: CliIo): Promise<number>;
}

export function defineCommand(command: Command): Command {
	return command;
}
