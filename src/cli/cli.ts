import { parseCommandArgs, splitCommand, UsageError, usageLine } from './args';
import type { Command } from './command';
import { commands } from './commands/index';
import { CliExit, type CliIo } from './context';

function help(io: CliIo, list: readonly Command[]): void {
	io.out('Kreativlotse – Verwaltung auf der Kommandozeile / command line');
	io.out('');
	io.out('Aufruf / usage: npm run kl -- <command> [arguments]');
	io.out('');
	const width = Math.max(...list.map((c) => usageLine(c.name, c).length));
	for (const c of list) io.out(`  ${usageLine(c.name, c).padEnd(width)}  ${c.summary}`);
	io.out(`  ${'help [command]'.padEnd(width)}  Diese Hilfe / this help`);
	io.out('');
	io.out('Configuration comes from the environment, as for the server (DATABASE_URL, SMTP_URL, …).');
}

function commandHelp(io: CliIo, c: Command): void {
	io.out(`npm run kl -- ${usageLine(c.name, c)}`);
	io.out(`  ${c.summary}`);
	for (const [name, o] of Object.entries(c.options ?? {})) io.out(`  --${name}  ${o.description}`);
}

/** Runs one command line and resolves to the exit code; never calls process.exit. */
export async function runCli(
	argv: readonly string[],
	io: CliIo,
	list: readonly Command[] = commands
): Promise<number> {
	const { command, rest } = splitCommand(argv);
	if (command === 'help') {
		const wanted = rest[0] ? list.find((c) => c.name === rest[0]) : undefined;
		if (wanted) commandHelp(io, wanted);
		else help(io, list);
		return 0;
	}
	const c = list.find((x) => x.name === command);
	if (!c) {
		io.err(`Kreativlotse: unknown command "${command}". \`npm run kl -- help\` lists the commands.`);
		return 2;
	}
	if (rest.includes('--help') || rest.includes('-h')) {
		commandHelp(io, c);
		return 0;
	}
	try {
		const args = parseCommandArgs(rest, c);
		return await c.run(args, io);
	} catch (err) {
		if (err instanceof UsageError) {
			io.err(`Kreativlotse: ${c.name}: ${err.message}`);
			io.err(`usage: npm run kl -- ${usageLine(c.name, c)}`);
			return 2;
		}
		if (err instanceof CliExit) {
			if (err.message) io.err(err.message);
			return err.code;
		}
		throw err;
	}
}
