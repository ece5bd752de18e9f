import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type TestServices, testServices } from '../../../../tests/support/test-database';
import { deliverDue } from './deliver';
import { enqueueMail } from './outbox';
import { smtpTransport } from './smtp-transport';
import { sampleMail, sampleRendered } from './test-mails';

interface Received {
	from: string;
	to: string[];
	data: string;
}

/**
 * Just enough SMTP to accept a message: greeting, EHLO/HELO, MAIL, RCPT, DATA (until the
 * lone dot), RSET, NOOP and QUIT. No STARTTLS is offered, so the client stays in plain text.
 */
function tinySmtpServer(): Promise<{ server: Server; port: number; received: Received[] }> {
	const received: Received[] = [];
	const server = createServer((socket: Socket) => {
		socket.setEncoding('utf8');
		let buffer = '';
		let inData = false;
		let current: Received = { from: '', to: [], data: '' };
		const reply = (line: string) => socket.write(`${line}\r\n`);
		reply('220 tiny.test ESMTP ready');
		socket.on('data', (chunk: string) => {
			buffer += chunk;
			for (;;) {
				if (inData) {
					const end = buffer.indexOf('\r\n.\r\n');
					if (end === -1) return;
					// Undo dot-stuffing: a line starting with ".." was sent for a line starting with ".".
					current.data = buffer.slice(0, end).replace(/\r\n\.\./g, '\r\n.');
					buffer = buffer.slice(end + 5);
					inData = false;
					received.push(current);
					current = { from: '', to: [], data: '' };
					reply('250 2.0.0 queued');
					continue;
				}
				const eol = buffer.indexOf('\r\n');
				if (eol === -1) return;
				const line = buffer.slice(0, eol);
				buffer = buffer.slice(eol + 2);
				const verb = line.slice(0, 4).toUpperCase();
				if (verb === 'EHLO') {
					reply('250-tiny.test');
					reply('250 8BITMIME');
				} else if (verb === 'HELO') reply('250 tiny.test');
				else if (verb === 'MAIL') {
					current.from = line.slice(10);
					reply('250 2.1.0 ok');
				} else if (verb === 'RCPT') {
					current.to.push(line.slice(8));
					reply('250 2.1.5 ok');
				} else if (verb === 'DATA') {
					inData = true;
					reply('354 end with <CRLF>.<CRLF>');
				} else if (verb === 'RSET' || verb === 'NOOP') reply('250 ok');
				else if (verb === 'QUIT') {
					reply('221 bye');
					socket.end();
					return;
				} else reply('502 not implemented');
			}
		});
		socket.on('error', () => {});
	});
	return new Promise((resolve) => {
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			resolve({ server, port, received });
		});
	});
}

let server: Server | undefined;
let s: TestServices | undefined;
afterEach(async () => {
	await s?.close();
	s = undefined;
	await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
	server = undefined;
});

/** Quoted-printable soft line breaks and escapes back to plain text, enough for assertions. */
function unQuotedPrintable(text: string): string {
	return Buffer.from(
		text
			.replace(/=\r\n/g, '')
			.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
		'latin1'
	).toString('utf8');
}

describe('smtpTransport', () => {
	it('delivers an outbox mail over real SMTP', async () => {
		const smtp = await tinySmtpServer();
		server = smtp.server;
		s = await testServices();
		const mail = sampleMail({
			to: 'kim@example.org',
			toName: 'Kim Kreativ',
			mail: sampleRendered('Ihre Terminbestätigung', [
				{ kind: 'p', text: 'Guten Tag, Ihr Termin am 15.06.2026 um 10:00 Uhr ist bestätigt.' },
				{ kind: 'button', text: 'Termin ansehen', href: 'https://kreativlotse.example/t/abc' }
			])
		});
		await enqueueMail(s.db, mail, s.clock.now());
		const report = await deliverDue(s.db, smtpTransport(`smtp://127.0.0.1:${smtp.port}`), {
			worker: 'test',
			from: 'Kreativlotse <no-reply@kreativlotse.example>',
			maxAttempts: 3,
			now: () => s!.clock.now()
		});
		expect(report).toEqual({ sent: 1, failed: 0, dead: 0, obsolete: 0 });
		expect(smtp.received).toHaveLength(1);
		const got = smtp.received[0]!;
		expect(got.from).toContain('no-reply@kreativlotse.example');
		expect(got.to.join()).toContain('kim@example.org');
		// The subject header may be MIME-encoded (it has non-ASCII), so decode before comparing.
		const subjectLine = /^Subject: (.+(?:\r\n[ \t].+)*)/m.exec(got.data)?.[1] ?? '';
		const subject = subjectLine
			.split(/\r\n[ \t]/)
			.map((part) =>
				part.replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, body: string) =>
					enc.toUpperCase() === 'B'
						? Buffer.from(body, 'base64').toString('utf8')
						: unQuotedPrintable(body.replace(/_/g, ' '))
				)
			)
			.join('');
		expect(subject.replace(/\s+/g, ' ')).toContain('Ihre Terminbestätigung');
		const body = unQuotedPrintable(got.data);
		expect(body).toContain('Ihr Termin am 15.06.2026 um 10:00 Uhr ist bestätigt.');
		expect(body).toContain('https://kreativlotse.example/t/abc');
		expect(got.data).toMatch(/^X-Kreativlotse-Mail: \d+/m);
		expect((await s.db.selectFrom('outbox').select('status').executeTakeFirstOrThrow()).status).toBe('sent');
	});

	it.each([
		['REQUEST', 'METHOD:REQUEST'],
		['CANCEL', 'METHOD:CANCEL']
	])("attaches a booking's calendar entry as termin.ics with method=%s", async (method, line) => {
		const smtp = await tinySmtpServer();
		server = smtp.server;
		s = await testServices();
		const ics = [
			'BEGIN:VCALENDAR',
			'VERSION:2.0',
			line,
			'BEGIN:VEVENT',
			'UID:b-1@kreativlotse',
			'END:VEVENT',
			'END:VCALENDAR',
			''
		].join('\r\n');
		await enqueueMail(s.db, { ...sampleMail({ to: 'kim@example.org' }), ics }, s.clock.now());
		const report = await deliverDue(s.db, smtpTransport(`smtp://127.0.0.1:${smtp.port}`), {
			worker: 'test',
			from: 'Kreativlotse <no-reply@kreativlotse.example>',
			maxAttempts: 3,
			now: () => s!.clock.now()
		});
		expect(report.sent).toBe(1);
		const data = smtp.received[0]!.data;
		expect(data).toMatch(new RegExp(`Content-Type: text/calendar; charset=utf-8; method=${method}`, 'i'));
		expect(data).toMatch(/filename=termin\.ics/);
		const attachment = /filename=termin\.ics[\s\S]*?\r\n\r\n([\s\S]*?)\r\n--/.exec(data)?.[1] ?? '';
		const decoded = /^[A-Za-z0-9+/=\r\n]+$/.test(attachment.trim())
			? Buffer.from(attachment.replace(/\r\n/g, ''), 'base64').toString('utf8')
			: unQuotedPrintable(attachment);
		expect(decoded).toContain(line);
		expect(decoded).toContain('UID:b-1@kreativlotse');
	});

	it('records a failure when the server is unreachable', async () => {
		const smtp = await tinySmtpServer();
		const port = smtp.port;
		await new Promise<void>((done) => smtp.server.close(() => done()));
		s = await testServices();
		await enqueueMail(s.db, sampleMail(), s.clock.now());
		const report = await deliverDue(s.db, smtpTransport(`smtp://127.0.0.1:${port}`), {
			worker: 'test',
			from: 'Kreativlotse <no-reply@kreativlotse.example>',
			maxAttempts: 3,
			now: () => s!.clock.now()
		});
		expect(report).toEqual({ sent: 0, failed: 1, dead: 0, obsolete: 0 });
		const r = await s.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
		expect(r.status).toBe('pending');
		expect(r.last_error).toBeTruthy();
	});
});
