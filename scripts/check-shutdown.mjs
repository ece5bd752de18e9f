// Part of scripts/check-production.sh: sends SIGTERM to a running server while a request is in
// flight (its body is only half sent), then finishes the request. Passes when that request still
// gets an HTTP answer and a new connection is refused afterwards.
//   node scripts/check-shutdown.mjs PID PORT
import { request } from 'node:http';
import { connect } from 'node:net';

const [pid, port] = process.argv.slice(2).map(Number);
const body = 'email=x%40example.org&password=not-the-password';
const req = request({
	host: '127.0.0.1',
	port,
	method: 'POST',
	path: '/anmelden',
	headers: {
		origin: `http://127.0.0.1:${port}`,
		'content-type': 'application/x-www-form-urlencoded',
		'content-length': Buffer.byteLength(body)
	}
});
const answered = new Promise((resolve, reject) => {
	req.on('response', (res) => {
		res.resume();
		res.on('end', () => resolve(res.statusCode));
	});
	req.on('error', reject);
});
req.write(body.slice(0, 10));
await new Promise((r) => setTimeout(r, 300));
process.kill(pid, 'SIGTERM');
await new Promise((r) => setTimeout(r, 500));
const refused = await new Promise((resolve) => {
	const socket = connect(port, '127.0.0.1');
	socket.on('connect', () => {
		socket.destroy();
		resolve(false);
	});
	socket.on('error', () => resolve(true));
});
req.end(body.slice(10));
const status = await answered.catch((err) => {
	console.error(`  the in-flight request failed: ${err.message}`);
	process.exit(1);
});
console.log(`  in-flight request answered ${status} after SIGTERM; new connections refused: ${refused}`);
if (!refused) process.exit(1);
if (status >= 500) process.exit(1);
