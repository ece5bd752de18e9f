/**
 * Issue 16: a long form keeps a draft in this browser window (sessionStorage), so nothing typed
 * is lost when a session ends or the connection drops. The draft never leaves the browser (no
 * request carries it), is gone when the window closes, and is removed after a successful save
 * (`clearDrafts` on the page the save leads to). Hidden fields and one-time keys are not kept.
 */
const PREFIX = 'kl-draft:';

type Saved = Record<string, string[]>;

function storage(): Storage | null {
	try {
		return window.sessionStorage;
	} catch {
		return null; // storage disabled: the form works as before, without drafts
	}
}

function fieldsOf(form: HTMLFormElement) {
	return [...form.elements].filter(
		(el): el is HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement =>
			(el instanceof HTMLInputElement ||
				el instanceof HTMLSelectElement ||
				el instanceof HTMLTextAreaElement) &&
			el.name !== '' &&
			!el.name.startsWith('_') &&
			!(
				el instanceof HTMLInputElement &&
				(el.type === 'hidden' || el.type === 'password' || el.type === 'file')
			)
	);
}

function read(form: HTMLFormElement): Saved {
	const out: Saved = {};
	for (const el of fieldsOf(form)) {
		if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
			out[el.name] ??= [];
			if (el.checked) out[el.name]!.push(el.value);
		} else out[el.name] = [el.value];
	}
	return out;
}

function write(form: HTMLFormElement, saved: Saved) {
	for (const el of fieldsOf(form)) {
		const values = saved[el.name];
		if (!values) continue;
		if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio'))
			el.checked = values.includes(el.value);
		else el.value = values[0] ?? '';
	}
}

/** Removes every draft whose key starts with `keyPrefix` (e.g. all record drafts of one case). */
export function clearDrafts(keyPrefix: string): void {
	const store = storage();
	if (!store) return;
	const ids = Array.from({ length: store.length }, (_, i) => store.key(i)).filter(
		(id): id is string => id?.startsWith(PREFIX + keyPrefix) === true
	);
	for (const id of ids) store.removeItem(id);
}

/**
 * Svelte action: `use:keepDraft={{ key, restore, onRestored }}`. With `restore` false (the server
 * just sent the form back with the values it received) the stored draft is replaced, not applied.
 */
export function keepDraft(
	form: HTMLFormElement,
	options: { key: string; restore: boolean; onRestored?: () => void }
) {
	const store = storage();
	if (!store) return {};
	const id = PREFIX + options.key;
	const stored = store.getItem(id);
	if (stored && options.restore) {
		try {
			write(form, JSON.parse(stored) as Saved);
			options.onRestored?.();
		} catch {
			store.removeItem(id);
		}
	}
	let pending: ReturnType<typeof setTimeout> | undefined;
	const save = () => {
		clearTimeout(pending);
		pending = setTimeout(() => store.setItem(id, JSON.stringify(read(form))), 300);
	};
	form.addEventListener('input', save);
	form.addEventListener('change', save);
	return {
		destroy() {
			clearTimeout(pending);
			form.removeEventListener('input', save);
			form.removeEventListener('change', save);
		}
	};
}
