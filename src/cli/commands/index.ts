import type { Command } from '../command';
import backup from './backup';
import createAdmin from './create-admin';
import demoLogins from './demo-logins';
import importPostcodes from './import-postcodes';
import migrate from './migrate';
import outboxDeliver from './outbox-deliver';
import restore from './restore';
import retention from './retention';
import seedDemo from './seed-demo';
import statsRebuild from './stats-rebuild';
import totp from './totp';

/** Every command, in the order `help` lists them. */
export const commands: readonly Command[] = [
	migrate,
	createAdmin,
	importPostcodes,
	seedDemo,
	demoLogins,
	totp,
	backup,
	restore,
	outboxDeliver,
	statsRebuild,
	retention
];
