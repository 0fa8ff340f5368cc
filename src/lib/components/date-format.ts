/**
 * Dates as the pages show them (Amsterdam time, the interface language), each format made once
 * per process and language: making an Intl.DateTimeFormat costs far more than using one, and a
 * page that made its own on every render paid for it on every request.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

export function dateFormat(locale: string, style: 'date' | 'dateTime'): Intl.DateTimeFormat {
	const tag = locale === 'en' ? 'en-GB' : 'nl-NL';
	const key = `${tag} ${style}`;
	let format = formats.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(tag, {
			dateStyle: 'medium',
			...(style === 'dateTime' ? { timeStyle: 'short' } : {}),
			timeZone: 'Europe/Amsterdam'
		});
		formats.set(key, format);
	}
	return format;
}
