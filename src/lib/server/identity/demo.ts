import { createHmac } from 'node:crypto';
import { recordAudit, systemActor } from '../audit/index';
import { transact } from '../db/transaction';
import type { Services } from '../runtime';
import { hashPassword } from './password';
import { insertStaffUser } from './staff-user-insert';
import { base32Encode, otpauthUri } from './totp';

/**
 * Demo data for a newcomer's first start: fictional contact details for the eight offices and
 * two or three staff members each. Never runs in production (config refuses SEED_DEMO there).
 */
export const DEMO_PASSWORD = 'Kreativlotse-Demo-2026';

export interface DemoLogin {
	email: string;
	name: string;
	role: string;
	office: string | null;
	otpauth: string;
	secret: string;
}

/** Demo TOTP seeds are derived from the address, so tests and docs can compute codes. */
export function demoTotpSecret(email: string): string {
	return base32Encode(createHmac('sha1', 'kreativlotse-demo-totp').update(email).digest());
}

const offices: Record<
	string,
	{ phone: string; street: string; postcode: string; hours: string; staff: [string, string][] }
> = {
	'hh-mv-sh': {
		phone: '+49 40 5551 2300',
		street: 'Speicherstadt, Am Sandtorkai 12',
		postcode: '20457',
		hours: 'Mo–Do 9–16 Uhr, Fr 9–13 Uhr',
		staff: [
			['Jana Petersen', 'office_lead'],
			['Malte Hinrichs', 'consultant'],
			['Svenja Claussen', 'consultant']
		]
	},
	'ni-hb': {
		phone: '+49 511 5552 4100',
		street: 'Lister Meile 41',
		postcode: '30161',
		hours: 'Mo–Fr 9–15 Uhr',
		staff: [
			['Henrike Brandes', 'office_lead'],
			['Ole Janssen', 'consultant']
		]
	},
	'be-bb': {
		phone: '+49 30 5553 8800',
		street: 'Oranienstraße 183',
		postcode: '10999',
		hours: 'Mo–Fr 10–17 Uhr',
		staff: [
			['Katrin Lehmann', 'office_lead'],
			['Deniz Yilmaz', 'consultant'],
			['Paul Schröder', 'consultant']
		]
	},
	nw: {
		phone: '+49 234 5554 6200',
		street: 'Viktoriastraße 75',
		postcode: '44787',
		hours: 'Mo–Do 9–16 Uhr',
		staff: [
			['Sabine Kowalski', 'office_lead'],
			['Marco Esposito', 'consultant'],
			['Leonie Wagner', 'consultant']
		]
	},
	'sn-st-th': {
		phone: '+49 351 5555 7300',
		street: 'Königsbrücker Straße 96',
		postcode: '01099',
		hours: 'Mo–Fr 9–15 Uhr',
		staff: [
			['Anja Richter', 'office_lead'],
			['Tobias Neumann', 'consultant']
		]
	},
	'he-rp-sl': {
		phone: '+49 69 5556 9100',
		street: 'Hanauer Landstraße 145',
		postcode: '60314',
		hours: 'Di–Fr 9–16 Uhr',
		staff: [
			['Miriam Becker', 'office_lead'],
			['Jonas Hoffmann', 'consultant'],
			['Aylin Demir', 'consultant']
		]
	},
	bw: {
		phone: '+49 711 5557 3400',
		street: 'Rotebühlplatz 28',
		postcode: '70173',
		hours: 'Mo–Do 9–16 Uhr, Fr 9–12 Uhr',
		staff: [
			['Franziska Maier', 'office_lead'],
			['Lukas Schmid', 'consultant']
		]
	},
	by: {
		phone: '+49 89 5558 2600',
		street: 'Dachauer Straße 114',
		postcode: '80636',
		hours: 'Mo–Fr 9–15 Uhr',
		staff: [
			['Theresa Huber', 'office_lead'],
			['Maximilian Bauer', 'consultant'],
			['Elif Kaya', 'consultant']
		]
	}
};

function demoEmail(name: string): string {
	const ascii = name
		.toLowerCase()
		.replace(/ä/g, 'ae')
		.replace(/ö/g, 'oe')
		.replace(/ü/g, 'ue')
		.replace(/ß/g, 'ss')
		.replace(/[^a-z ]/g, '');
	return ascii.split(' ').join('.') + '@demo.kreativlotse.de';
}

export const DEMO_ADMIN = { name: 'Nadine Vogt', email: 'admin@demo.kreativlotse.de' };

/** Seeds demo data into a database without staff. Returns the logins, or null if staff exist. */
export async function seedDemo(services: Services): Promise<DemoLogin[] | null> {
	const { db, clock, secrets } = services;
	const existing = await db.selectFrom('staff_user').select('id').limit(1).executeTakeFirst();
	if (existing) return null;
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	const now = clock.now();
	const t = now.getTime();
	const logins: DemoLogin[] = [];
	await transact(db, async (trx) => {
		const addUser = async (name: string, email: string, isAdmin: boolean) => {
			const secret = demoTotpSecret(email);
			const id = await insertStaffUser(
				trx,
				{
					email,
					name,
					isNetworkAdmin: isAdmin,
					passwordHash,
					totpSecret: secrets.seal(secret),
					totpEnabledAt: t
				},
				t
			);
			return { id, secret };
		};
		const admin = await addUser(DEMO_ADMIN.name, DEMO_ADMIN.email, true);
		logins.push({
			...DEMO_ADMIN,
			role: 'network_admin',
			office: null,
			secret: admin.secret,
			otpauth: otpauthUri(admin.secret, DEMO_ADMIN.email)
		});
		const rows = await trx.selectFrom('office').select(['id', 'key', 'seat']).execute();
		for (const office of rows) {
			const demo = offices[office.key];
			if (!demo) continue;
			await trx
				.updateTable('office')
				.set({
					phone: demo.phone,
					email: `${office.key}@demo.kreativlotse.de`,
					street: demo.street,
					postcode: demo.postcode,
					opening_hours: demo.hours,
					updated_at: t
				})
				.where('id', '=', office.id)
				.execute();
			for (const [name, role] of demo.staff) {
				const email = demoEmail(name);
				const user = await addUser(name, email, false);
				await trx
					.insertInto('staff_membership')
					.values({ user_id: user.id, office_id: office.id, role: role as 'office_lead' | 'consultant' })
					.execute();
				logins.push({
					email,
					name,
					role,
					office: office.key,
					secret: user.secret,
					otpauth: otpauthUri(user.secret, email)
				});
			}
		}
		await recordAudit(
			trx,
			systemActor,
			{ action: 'demo.seeded', subject: { kind: 'system' }, data: { staff: logins.length } },
			{ now }
		);
	});
	return logins;
}

/** The logins of demo staff still in the database (for `npm run kl -- demo-logins`). */
export async function listDemoLogins(services: Services): Promise<DemoLogin[]> {
	const rows = await services.db
		.selectFrom('staff_user as u')
		.leftJoin('staff_membership as m', 'm.user_id', 'u.id')
		.leftJoin('office as o', 'o.id', 'm.office_id')
		.select(['u.email', 'u.name', 'u.is_network_admin', 'm.role', 'o.key'])
		.where('u.email', 'like', '%@demo.kreativlotse.de')
		.orderBy('u.id')
		.execute();
	return rows.map((r) => {
		const secret = demoTotpSecret(r.email);
		return {
			email: r.email,
			name: r.name,
			role: r.is_network_admin ? 'network_admin' : (r.role ?? 'consultant'),
			office: r.key,
			secret,
			otpauth: otpauthUri(secret, r.email)
		};
	});
}

export function printDemoLogins(logins: DemoLogin[], origin: string): void {
	console.log('');
	console.log(`Demo-Zugänge / demo logins (Passwort für alle / password for all: ${DEMO_PASSWORD})`);
	console.log(
		`Anmelden / sign in: ${origin}/anmelden — zweiter Faktor: TOTP aus der otpauth-URI (z. B. in einer Authenticator-App)`
	);
	for (const l of logins) {
		console.log(`  ${l.role.padEnd(13)} ${(l.office ?? 'alle Büros').padEnd(9)} ${l.email}`);
		console.log(`                ${l.otpauth}`);
	}
	console.log(`Aktueller Code / current code: npm run kl -- totp EMAIL`);
	console.log('');
}
