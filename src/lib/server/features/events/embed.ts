import type { DB } from '../../db';
import { VISITOR } from '../viewer';
import { type EventListRow, filterChoices, listEvents } from './queries';
import { EVENT_TIME_ZONE } from './time';

/**
 * Upcoming public events for partner sites (the embeddable list and its JSON). Whoever asks, the
 * list is what a visitor sees: it goes through listEvents with the VISITOR viewer, so the one
 * visibility rule of queries.ts decides, and a session plays no part.
 */

export const EMBED_DEFAULT_COUNT = 5;
export const EMBED_MAX_COUNT = 20;

export type EmbedLocale = 'nl' | 'en';

/** The query string as a partner writes it (Dutch names, as in the calendar's URLs). */
export interface EmbedParams {
	thema?: string | null;
	provincie?: string | null;
	formaat?: string | null;
	aantal?: string | null;
	taal?: string | null;
}

export type EmbedField = keyof EmbedParams;

export interface EmbedRequest {
	theme: string | null;
	province: string | null;
	format: string | null;
	count: number;
	locale: EmbedLocale;
}

export type EmbedResult =
	| { ok: true; request: EmbedRequest; events: EmbedEvent[] }
	| {
			ok: false;
			reason: 'invalid_filter';
			field: EmbedField;
			value: string;
			/** The language to say it in: the asked one when that was valid, else Dutch. */
			locale: EmbedLocale;
	  };

const clean = (value: string | null | undefined) => (value ?? '').trim().slice(0, 100);

/**
 * The parts of the query that need no database: the number of events and the language.
 * Theme, province and format are checked against the reference data in embedEvents.
 */
export function parseEmbedBasics(
	params: EmbedParams
):
	| { ok: true; count: number; locale: EmbedLocale }
	| { ok: false; field: 'aantal' | 'taal'; value: string; locale: EmbedLocale } {
	const taal = clean(params.taal).toLowerCase();
	if (taal && taal !== 'nl' && taal !== 'en') {
		return { ok: false, field: 'taal', value: clean(params.taal), locale: 'nl' };
	}
	const locale: EmbedLocale = taal === 'en' ? 'en' : 'nl';
	const aantal = clean(params.aantal);
	const count = aantal ? Number(aantal) : EMBED_DEFAULT_COUNT;
	if (!/^\d{0,2}$/.test(aantal) || count < 1 || count > EMBED_MAX_COUNT) {
		return { ok: false, field: 'aantal', value: aantal, locale };
	}
	return { ok: true, count, locale };
}

/** An event as partners get it: stable field names, UTC instants, an absolute link. */
export function presentEmbedEvent(row: EventListRow, origin: string) {
	return {
		id: row.id,
		slug: row.slug,
		title: row.title,
		summary: row.summary,
		format: { id: row.format_id, name: row.format_name },
		startsAt: row.starts_at,
		endsAt: row.ends_at,
		timeZone: EVENT_TIME_ZONE,
		locationKind: row.location_kind,
		venue: row.venue,
		address: row.address,
		url: `${origin}/evenementen/${encodeURIComponent(row.slug)}`,
		themes: row.themes.map((t) => ({ id: t.id, name: t.name })),
		provinces: row.provinces.map((p) => ({ code: p.code, name: p.name }))
	};
}

export type EmbedEvent = ReturnType<typeof presentEmbedEvent>;

/**
 * The embeddable list: the next `aantal` upcoming public events matching the filters, or which
 * filter value is unknown. Both the HTML snippet and the JSON come from here.
 */
export async function embedEvents(
	db: DB,
	params: EmbedParams,
	options: { origin: string; now?: string }
): Promise<EmbedResult> {
	const basics = parseEmbedBasics(params);
	if (!basics.ok) return { ...basics, ok: false, reason: 'invalid_filter' };
	const request: EmbedRequest = {
		theme: clean(params.thema).toLowerCase() || null,
		province: clean(params.provincie).toUpperCase() || null,
		format: clean(params.formaat).toLowerCase() || null,
		count: basics.count,
		locale: basics.locale
	};
	if (request.theme || request.province || request.format) {
		const choices = await filterChoices(db);
		const checks: [EmbedField, string | null, string | null, string[]][] = [
			['thema', params.thema ?? null, request.theme, choices.themes.map((t) => t.id)],
			[
				'provincie',
				params.provincie ?? null,
				request.province,
				choices.provinces.map((p) => p.code)
			],
			['formaat', params.formaat ?? null, request.format, choices.formats.map((f) => f.id)]
		];
		for (const [field, raw, value, allowed] of checks) {
			if (value && !allowed.includes(value)) {
				return {
					ok: false,
					reason: 'invalid_filter',
					field,
					value: clean(raw),
					locale: request.locale
				};
			}
		}
	}
	const result = await listEvents(db, {
		viewer: VISITOR,
		when: 'upcoming',
		filters: {
			theme: request.theme ?? undefined,
			province: request.province ?? undefined,
			format: request.format ?? undefined
		},
		limit: request.count,
		withTotal: false,
		now: options.now
	});
	return {
		ok: true,
		request,
		events: result.events.map((row) => presentEmbedEvent(row, options.origin))
	};
}

/** The embed's query string for a choice ('' for the defaults), in a fixed order. */
export function embedSearch(choice: {
	thema?: string;
	provincie?: string;
	formaat?: string;
	aantal?: number;
	taal?: EmbedLocale;
}): string {
	const params = new URLSearchParams();
	if (choice.thema) params.set('thema', choice.thema);
	if (choice.provincie) params.set('provincie', choice.provincie);
	if (choice.formaat) params.set('formaat', choice.formaat);
	if (choice.aantal && choice.aantal !== EMBED_DEFAULT_COUNT) {
		params.set('aantal', String(choice.aantal));
	}
	if (choice.taal && choice.taal !== 'nl') params.set('taal', choice.taal);
	const search = params.toString();
	return search ? `?${search}` : '';
}
