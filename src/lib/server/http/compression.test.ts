import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { compressResponses } from '../../../../server-compression.mjs';

/**
 * Issue 14: `npm start` (server.mjs) compresses HTML and JSON when the client accepts it, and
 * leaves event streams, images and what is already encoded alone. Real HTTP over loopback, with the
 * same middleware server.mjs puts in front of the app.
 */
const big = JSON.stringify({
	events: Array.from({ length: 200 }, (_, i) => ({ id: i, title: `Veranstaltung ${i}` }))
});
const answers: Record<string, { type: string; body: string | Buffer; encoding?: string }> = {
	'/page': { type: 'text/html; charset=utf-8', body: `<!doctype html><p>${'Kreativlotse '.repeat(400)}</p>` },
	'/json': { type: 'application/json', body: big },
	'/small': { type: 'application/json', body: '{"ok":true}' },
	'/events': { type: 'text/event-stream', body: `data: ${'x'.repeat(4000)}\n\n` },
	'/image': { type: 'image/jpeg', body: Buffer.alloc(4000, 7) },
	'/precompressed': { type: 'text/javascript', body: Buffer.alloc(4000, 1), encoding: 'br' }
};

let server: Server | null = null;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

async function start(): Promise<string> {
	const compress = compressResponses();
	server = createServer((req, res) =>
		compress(req, res, () => {
			const answer = answers[req.url ?? ''];
			if (!answer) return void res.writeHead(404).end();
			res.setHeader('content-type', answer.type);
			if (answer.encoding) res.setHeader('content-encoding', answer.encoding);
			res.end(answer.body);
		})
	);
	await new Promise<void>((done) => server?.listen(0, '127.0.0.1', done));
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The raw bytes as they went over the wire (fetch would decompress on its own). */
function get(
	base: string,
	path: string,
	acceptEncoding: string
): Promise<{ headers: IncomingHttpHeaders; bytes: Buffer }> {
	return new Promise((done, fail) => {
		const req = request(`${base}${path}`, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => done({ headers: res.headers, bytes: Buffer.concat(chunks) }));
		});
		req.on('error', fail);
		req.end();
	});
}

describe('server compression', () => {
	it('gzips HTML and JSON for a gzip client, brotli when offered, nothing for identity', async () => {
		const base = await start();
		for (const path of ['/page', '/json']) {
			const gzip = await get(base, path, 'gzip');
			expect(gzip.headers['content-encoding'], path).toBe('gzip');
			expect(gzip.headers.vary).toContain('Accept-Encoding');
			const brotli = await get(base, path, 'gzip, br');
			expect(brotli.headers['content-encoding'], path).toBe('br');
			const plain = await get(base, path, 'identity');
			expect(plain.headers['content-encoding'], path).toBeUndefined();
		}
		const json = await get(base, '/json', 'gzip');
		expect(gunzipSync(json.bytes).toString()).toBe(big);
		expect(json.bytes.length).toBeLessThan(big.length / 3);
		const html = await get(base, '/page', 'br');
		expect(brotliDecompressSync(html.bytes).toString()).toBe(answers['/page']?.body);
	});

	it('leaves small bodies, event streams, images and precompressed assets alone', async () => {
		const base = await start();
		for (const path of ['/small', '/events', '/image']) {
			const { headers } = await get(base, path, 'gzip, br');
			expect(headers['content-encoding'], path).toBeUndefined();
		}
		const asset = await get(base, '/precompressed', 'gzip, br');
		expect(asset.headers['content-encoding']).toBe('br');
		expect(asset.bytes.equals(Buffer.alloc(4000, 1))).toBe(true);
	});
});
