import { formValues, type FormValues } from './form';

/**
 * An image upload form (the portal's profile picture): the file's bytes and its alternative text,
 * or why nothing can be taken — a file over `maxBytes` or none at all. Past BODY_SIZE_LIMIT
 * adapter-node refuses the body unread (413), so no value can be kept; that still says which
 * limit was hit instead of "choose a file".
 */
export type ImageForm =
	| { ok: true; bytes: Uint8Array; alt: string | null; values: FormValues }
	| { ok: false; reason: 'too_large' | 'empty'; values: FormValues };

export async function readImageForm(request: Request, maxBytes: number): Promise<ImageForm> {
	let form: FormData;
	try {
		form = await request.formData();
	} catch (err) {
		return {
			ok: false,
			reason: (err as { status?: number }).status === 413 ? 'too_large' : 'empty',
			values: {}
		};
	}
	const values = formValues(form);
	const file = form.get('image');
	const altRaw = form.get('image_alt');
	const alt = typeof altRaw === 'string' && altRaw.trim() ? altRaw.trim().slice(0, 200) : null;
	if (file instanceof File && file.size > maxBytes) return { ok: false, reason: 'too_large', values };
	const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
	return { ok: true, bytes, alt, values };
}
