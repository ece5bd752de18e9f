// `npm run kl -- <command>`: run by tsx, which does not know SvelteKit's $lib alias, so every
// import here and below is relative.
import { runCli } from './cli';

const io = {
	out: (line: string) => console.log(line),
	err: (line: string) => console.error(line),
	env: process.env
};

try {
	process.exitCode = await runCli(process.argv.slice(2), io);
} catch (err) {
	console.error(`Kreativlotse: ${(err as Error).stack ?? err}`);
	process.exitCode = 1;
}
