import { z } from 'zod';

/**
 * Input of the member directory (/leden and GET /api/v1/members) and of the profile form.
 * The directory's filters are named the same everywhere in code; the page's URL uses Dutch
 * parameter names (provincie, thema, …), the API English ones (province, theme, …).
 */

export const FILTERS = [
	'province',
	'organisationType',
	'organisation',
	'theme',
	'role',
	'network'
] as const;
export type FilterName = (typeof FILTERS)[number];

export const SORTS = ['name', 'active'] as const;
export type DirectorySort = (typeof SORTS)[number];

/** The page's URL parameter for each filter. */
export const PAGE_PARAMS: Record<FilterName, string> = {
	province: 'provincie',
	organisationType: 'organisatietype',
	organisation: 'organisatie',
	theme: 'thema',
	role: 'rol',
	network: 'netwerk'
};

/** What the directory is asked: filter values are reference ids, slugs or province codes. */
export interface DirectoryRequest {
	q: string;
	filters: Record<FilterName, string | null>;
	sort: DirectorySort;
	page: number;
}

export const DIRECTORY_PAGE_SIZE = 20;
/** Deeper pages than this are not offered: narrow the search instead. */
export const MAX_PAGE = 10_000;

/** Ids, slugs and codes are letters, digits and - . _ (e.g. NL-ZH, circulaire-economie). */
const FILTER_VALUE = /^[A-Za-z0-9._-]{1,120}$/;

const query = (v: string | null | undefined) => (v ?? '').trim().slice(0, 200);

/**
 * The page's state from its URL (?q=&provincie=&thema=&sorteer=&pagina=). Never fails: a value
 * of the wrong shape means "all", so a shared link keeps working. Whether the values exist is
 * the query's question (resolveDirectory).
 */
export function directoryFromPage(params: URLSearchParams): DirectoryRequest {
	const filters = Object.fromEntries(
		FILTERS.map((name) => {
			const value = (params.get(PAGE_PARAMS[name]) ?? '').trim();
			return [name, FILTER_VALUE.test(value) ? value : null];
		})
	) as Record<FilterName, string | null>;
	const page = Number.parseInt(params.get('pagina') ?? '1', 10);
	return {
		q: query(params.get('q')),
		filters,
		sort: params.get('sorteer') === 'actief' ? 'active' : 'name',
		page: Number.isFinite(page) && page > 0 ? Math.min(page, MAX_PAGE) : 1
	};
}

const optionalFilter = z
	.string()
	.trim()
	.regex(FILTER_VALUE)
	.optional()
	.or(z.literal('').transform(() => undefined));

/** GET /api/v1/members: the same filters as query parameters; a malformed value is a 400. */
export const apiDirectorySchema = z.object({
	q: z.string().max(200).optional(),
	province: optionalFilter,
	organisationType: optionalFilter,
	organisation: optionalFilter,
	theme: optionalFilter,
	role: optionalFilter,
	network: optionalFilter,
	sort: z.enum(SORTS).optional(),
	page: z
		.string()
		.regex(/^\d{1,5}$/)
		.optional()
		.transform((v) => (v === undefined ? 1 : Number(v)))
		.pipe(z.number().int().min(1).max(MAX_PAGE))
});

export function directoryFromApi(input: z.output<typeof apiDirectorySchema>): DirectoryRequest {
	return {
		q: query(input.q),
		filters: Object.fromEntries(FILTERS.map((name) => [name, input[name] ?? null])) as Record<
			FilterName,
			string | null
		>,
		sort: input.sort ?? 'name',
		page: input.page
	};
}

const text = (max: number) => z.string().trim().max(max);
/** An optional text field: '' (what an empty field posts) becomes null. */
const optionalText = (max: number) => text(max).transform((v) => (v ? v : null));

export const PROFILE_LIMITS = {
	name: 100,
	jobTitle: 120,
	askMeAbout: 500,
	lookingFor: 500,
	bio: 2000
} as const;

/**
 * The profile form (/profiel). Reference ids are checked for shape here; whether they exist is
 * the mutation's question. The photo comes separately (features/people/photo.ts).
 */
export const profileSchema = z
	.object({
		name: text(PROFILE_LIMITS.name).min(2),
		jobTitle: optionalText(PROFILE_LIMITS.jobTitle),
		organisation: optionalText(100),
		fieldRole: text(100).min(1),
		province: text(10).min(1),
		themes: z.array(text(100).min(1)).max(50).default([]),
		askMeAbout: optionalText(PROFILE_LIMITS.askMeAbout),
		lookingFor: optionalText(PROFILE_LIMITS.lookingFor),
		bio: optionalText(PROFILE_LIMITS.bio),
		showEmail: z.boolean()
	})
	.transform((v) => ({ ...v, themes: [...new Set(v.themes)] }));

export type ProfileInput = z.output<typeof profileSchema>;
export type ProfileField = keyof z.input<typeof profileSchema> | 'photo';
