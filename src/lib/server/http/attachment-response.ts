/**
 * How a message's file leaves the server (issue 18): always as a download, never rendered
 * from our origin. The type is one of the three the bytes proved on upload; nosniff keeps
 * browsers from guessing another; the sandbox CSP disarms it even if a browser opened it.
 */
export function attachmentResponse(file: { filename: string; mime: string; bytes: Uint8Array }): Response {
	const ascii = file.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return new Response(Buffer.from(file.bytes), {
		headers: {
			'content-type': file.mime,
			'content-length': String(file.bytes.length),
			'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
			'x-content-type-options': 'nosniff',
			'content-security-policy': "default-src 'none'; sandbox",
			'cache-control': 'private, no-store'
		}
	});
}
