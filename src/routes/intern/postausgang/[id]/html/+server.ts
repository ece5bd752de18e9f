import { denyMail, requireMailViewer } from '$lib/server/http/gate';
import { getOutboxMail, parseMailId } from '$lib/server/notifications/queries';
import { services } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/**
 * The HTML body of one mail, for the sandboxed iframe on the detail page. The mail's HTML is
 * escaped when rendered, but it is still shown as untrusted: no scripts, no outside requests,
 * a unique origin (sandbox), framable only by our own pages.
 */
const MAIL_HTML_CSP =
	"default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox";

export const GET: RequestHandler = async (event) => {
	const { staff, viewer } = requireMailViewer(event);
	const mail = await getOutboxMail(services().db, viewer, parseMailId(event.params.id));
	if (!mail) return denyMail(event, staff);
	return new Response(mail.htmlBody, {
		headers: {
			'content-type': 'text/html; charset=utf-8',
			'content-security-policy': MAIL_HTML_CSP,
			'x-frame-options': 'SAMEORIGIN',
			'cache-control': 'no-store'
		}
	});
};
