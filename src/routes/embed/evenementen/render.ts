import { m } from '$lib/paraglide/messages';
import type { EmbedEvent, EmbedField, EmbedLocale } from '$lib/server/features/events/embed';
import { formatRange } from '$lib/server/features/events/time';

/**
 * The embeddable list as a whole HTML document for a partner's <iframe>: no scripts, no inline
 * styles (one stylesheet), every value escaped. Links open our pages in a new window.
 */

const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Where it happens: the venue (or address), "online", or both. */
export function placeText(event: EmbedEvent, locale: EmbedLocale): string {
	const place = event.venue || event.address;
	if (event.locationKind === 'online' || !place) return m.embed_online({}, { locale });
	if (event.locationKind === 'hybrid') return m.embed_hybrid({ venue: place }, { locale });
	return place;
}

/**
 * The document around the list. Its main landmark carries the list's name, so that inside a
 * partner's page (which has a main of its own) a screen reader can tell the two apart.
 */
function documentShell(locale: EmbedLocale, main: string): string {
	const title = `${m.embed_title({}, { locale })} – ${m.site_name({}, { locale })}`;
	return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/embed/evenementen.css">
</head>
<body>
<main class="kn-embed" aria-labelledby="kn-embed-title">
<h1 class="kn-embed__title" id="kn-embed-title">${escapeHtml(m.embed_title({}, { locale }))}</h1>
${main}
</main>
</body>
</html>
`;
}

const newWindow = (locale: EmbedLocale) =>
	`<span class="kn-embed__hidden"> ${escapeHtml(m.embed_new_window({}, { locale }))}</span>`;

const link = (href: string, text: string, locale: EmbedLocale) =>
	`<a href="${escapeHtml(href)}" target="_blank" rel="noopener">${escapeHtml(text)}${newWindow(locale)}</a>`;

export function renderEmbedList(
	events: EmbedEvent[],
	options: { locale: EmbedLocale; origin: string }
): string {
	const { locale, origin } = options;
	const items = events.map(
		(e) => `<li class="kn-embed__event">
<h2 class="kn-embed__name">${link(e.url, e.title, locale)}</h2>
<p class="kn-embed__meta"><time datetime="${escapeHtml(e.startsAt)}">${escapeHtml(formatRange(e.startsAt, e.endsAt, locale))}</time><span class="kn-embed__sep" aria-hidden="true"> · </span><span class="kn-embed__format">${escapeHtml(e.format.name)}</span><span class="kn-embed__sep" aria-hidden="true"> · </span><span class="kn-embed__place">${escapeHtml(placeText(e, locale))}</span></p>
</li>`
	);
	const list = items.length
		? `<ul class="kn-embed__list">\n${items.join('\n')}\n</ul>`
		: `<p class="kn-embed__empty">${escapeHtml(m.embed_empty({}, { locale }))}</p>`;
	const more = `<p class="kn-embed__more">${link(`${origin}/evenementen`, m.embed_all_events({}, { locale }), locale)}</p>`;
	return documentShell(locale, `${list}\n${more}`);
}

const ERRORS: Record<EmbedField, (value: string, locale: EmbedLocale) => string> = {
	thema: (value, locale) => m.embed_error_thema({ value }, { locale }),
	provincie: (value, locale) => m.embed_error_provincie({ value }, { locale }),
	formaat: (value, locale) => m.embed_error_formaat({ value }, { locale }),
	aantal: (_value, locale) => m.embed_error_aantal({}, { locale }),
	taal: (_value, locale) => m.embed_error_taal({}, { locale })
};

/** What is wrong with a filter, in words (Dutch unless English was asked for). */
export function embedErrorText(field: EmbedField, value: string, locale: EmbedLocale): string {
	return ERRORS[field](value, locale);
}

export function renderEmbedError(
	field: EmbedField,
	value: string,
	options: { locale: EmbedLocale; origin: string }
): string {
	const { locale, origin } = options;
	const text = embedErrorText(field, value, locale);
	return documentShell(
		locale,
		`<p class="kn-embed__error">${escapeHtml(text)}</p>
<p>${link(`${origin}/evenementen/insluiten`, m.embed_error_help({}, { locale }), locale)}</p>`
	);
}
