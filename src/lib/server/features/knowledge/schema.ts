import { z } from 'zod';

/** What authors write, as forms and the API send it. Both parse with these schemas. */

export const KINDS = ['practice_example', 'insight', 'publication', 'report'] as const;
export const VISIBILITIES = ['public', 'members', 'network'] as const;
export const SORTS = ['newest', 'useful', 'viewed'] as const;
export type LibrarySort = (typeof SORTS)[number];

/** The kinds and sorts in Dutch URLs (?soort=praktijkvoorbeeld&sorteer=nuttig). */
export const KIND_PARAMS: Record<(typeof KINDS)[number], string> = {
	practice_example: 'praktijkvoorbeeld',
	insight: 'inzicht',
	publication: 'publicatie',
	report: 'verslag'
};
export const SORT_PARAMS: Record<LibrarySort, string> = {
	newest: 'nieuwste',
	useful: 'nuttig',
	viewed: 'bekeken'
};

export const LIMITS = {
	title: 200,
	summary: 600,
	body: 50_000,
	section: 10_000,
	short: 500,
	comment: 10_000,
	note: 1000
} as const;

/** Text as typed, without NUL characters (PostgreSQL cannot store them) and outer spaces. */
const text = (max: number) =>
	z
		.string()
		.overwrite((v) => v.replace(/\0/g, ''))
		.trim()
		.max(max);

const id = z
	.string()
	.trim()
	.regex(/^[A-Za-z0-9._-]{1,120}$/);
const ids = (max: number) =>
	z
		.array(id)
		.max(max)
		.overwrite((v) => [...new Set(v)]);

const emails = z
	.array(z.email().max(254))
	.max(20)
	.overwrite((v) => [...new Set(v.map((e) => e.toLowerCase()))]);

/** A knowledge item as written: the same for a new item and an edit. */
export const knowledgeInputSchema = z
	.object({
		kind: z.enum(KINDS),
		title: text(LIMITS.title).min(1).min(3),
		summary: text(LIMITS.summary).min(1),
		body: text(LIMITS.body).default(''),
		challenge: text(LIMITS.section).default(''),
		approach: text(LIMITS.section).default(''),
		result: text(LIMITS.section).default(''),
		lessons: text(LIMITS.section).default(''),
		costs: text(LIMITS.short).default(''),
		mkbSegment: text(LIMITS.short).default(''),
		period: text(LIMITS.short).default(''),
		/** The contact person's e-mail address (a member); empty for none. */
		contact: z.union([z.literal(''), z.email().max(254)]).default(''),
		/** Co-authors by e-mail address (members); the writer is always an author. */
		coAuthors: emails.default([]),
		themes: ids(12).default([]),
		provinces: ids(12).default([]),
		/** Organisations by slug. */
		organisations: ids(30).default([]),
		visibility: z.enum(VISIBILITIES).default('members'),
		/** The network's slug, for visibility "network". */
		network: z.union([z.literal(''), id]).default('')
	})
	.refine((v) => v.visibility !== 'network' || v.network !== '', {
		path: ['network'],
		message: 'network_required'
	})
	.refine((v) => v.kind !== 'practice_example' || v.body !== '' || v.challenge !== '', {
		path: ['challenge'],
		message: 'challenge_missing'
	})
	.refine((v) => v.kind === 'practice_example' || v.body !== '', {
		path: ['body'],
		message: 'body_missing'
	});
export type KnowledgeInput = z.output<typeof knowledgeInputSchema>;

/** The API: a new item, published at once with `publish: true`. */
export const apiCreateSchema = z.object({
	...knowledgeInputSchema.def.shape,
	publish: z.boolean().default(false)
});

/** The API: an edit names the version it is based on; fields left out stay as they are. */
export const apiUpdateSchema = z.object({
	version: z.int().min(1),
	publish: z.boolean().optional(),
	// The same fields without their defaults: a field left out is not changed.
	...Object.fromEntries(
		Object.entries(knowledgeInputSchema.def.shape).map(([k, v]) => [
			k,
			(v instanceof z.ZodDefault ? (v.unwrap() as z.ZodType) : v).optional()
		])
	)
}) as unknown as z.ZodType<
	{ version: number; publish?: boolean } & Partial<z.input<typeof knowledgeInputSchema>>
>;

export const commentSchema = z.object({ body: text(LIMITS.comment).min(1) });
export const adoptionSchema = z.object({ note: text(LIMITS.note).min(1) });

/** The form's fields as posted: repeated names (themes, provinces, organisations) as arrays. */
export function formInput(form: FormData) {
	const get = (name: string, max: number) => String(form.get(name) ?? '').slice(0, max);
	const all = (name: string) =>
		form
			.getAll(name)
			.map((v) => String(v).slice(0, 120))
			.filter(Boolean)
			.slice(0, 40);
	const list = (name: string) =>
		get(name, 5000)
			.split(/[\s,;]+/)
			.map((v) => v.trim())
			.filter(Boolean)
			.slice(0, 25);
	return {
		kind: get('kind', 40),
		title: get('title', LIMITS.title + 50),
		summary: get('summary', LIMITS.summary + 50),
		body: get('body', LIMITS.body + 50),
		challenge: get('challenge', LIMITS.section + 50),
		approach: get('approach', LIMITS.section + 50),
		result: get('result', LIMITS.section + 50),
		lessons: get('lessons', LIMITS.section + 50),
		costs: get('costs', LIMITS.short + 50),
		mkbSegment: get('mkbSegment', LIMITS.short + 50),
		period: get('period', LIMITS.short + 50),
		contact: get('contact', 300).trim(),
		coAuthors: list('coAuthors'),
		themes: all('themes'),
		provinces: all('provinces'),
		organisations: all('organisations'),
		visibility: get('visibility', 40),
		network: get('network', 120)
	};
}
export type FormValues = ReturnType<typeof formInput>;

/** The first problem per field of a failed parse, as codes the pages turn into Dutch. */
export function fieldProblems(error: z.ZodError): Record<string, string> {
	const problems: Record<string, string> = {};
	for (const issue of error.issues) {
		const field = String(issue.path[0] ?? 'form');
		if (problems[field]) continue;
		if (issue.code === 'custom') problems[field] = issue.message;
		else if (issue.code === 'too_big') problems[field] = 'too_long';
		else if (issue.code === 'too_small' && field === 'title' && Number(issue.minimum) > 1)
			problems[field] = 'too_short';
		else if (issue.code === 'too_small') problems[field] = 'missing';
		else problems[field] = 'invalid';
	}
	return problems;
}

/** ?pagina= (pages) or ?page= (API): a positive whole number, 1 when missing or nonsense. */
export function pageNumber(value: string | null | undefined): number {
	const n = Number.parseInt(value ?? '1', 10);
	return Number.isFinite(n) && n > 0 ? Math.min(n, 10_000) : 1;
}

export const LIBRARY_PAGE_SIZE = 12;

export interface LibraryFilters {
	q: string;
	kind: (typeof KINDS)[number] | null;
	theme: string | null;
	province: string | null;
	organisationType: string | null;
	year: number | null;
}

const filterValue = (v: string | null) => (v && /^[A-Za-z0-9._-]{1,120}$/.test(v) ? v : null);

/** The library's state from its Dutch URL; values that make no sense filter nothing. */
export function libraryFromPage(params: URLSearchParams) {
	const kindParam = params.get('soort');
	const kind = (Object.entries(KIND_PARAMS).find(([, p]) => p === kindParam)?.[0] ??
		null) as LibraryFilters['kind'];
	const sortParam = params.get('sorteer');
	const sort = (Object.entries(SORT_PARAMS).find(([, p]) => p === sortParam)?.[0] ??
		'newest') as LibrarySort;
	const year = Number.parseInt(params.get('jaar') ?? '', 10);
	const filters: LibraryFilters = {
		q: (params.get('q') ?? '').trim().slice(0, 200),
		kind,
		theme: filterValue(params.get('thema')),
		province: filterValue(params.get('provincie')),
		organisationType: filterValue(params.get('organisatietype')),
		year: year >= 1990 && year <= 2100 ? year : null
	};
	return { filters, sort, page: pageNumber(params.get('pagina')) };
}

/** The API's query parameters (English names). */
export const apiListSchema = z.object({
	q: z.string().trim().max(200).default(''),
	kind: z.enum(KINDS).optional(),
	theme: id.optional(),
	province: id.optional(),
	organisationType: id.optional(),
	year: z.coerce.number().int().min(1990).max(2100).optional(),
	sort: z.enum(SORTS).default('newest'),
	page: z.coerce.number().int().min(1).max(10_000).default(1)
});

// What the API returns (the OpenAPI document is generated from these).

const named = z.object({ id: z.string(), name: z.string() });

export const knowledgeSummaryOutSchema = z.object({
	slug: z.string(),
	kind: z.enum(KINDS),
	status: z.enum(['draft', 'published']),
	visibility: z.enum(VISIBILITIES),
	title: z.string(),
	summary: z.string(),
	themes: z.array(named),
	provinces: z.array(z.object({ code: z.string(), name: z.string() })),
	publishedAt: z.string().nullable(),
	usefulCount: z.number().int(),
	viewCount: z.number().int(),
	url: z.string()
});

export const knowledgeOutSchema = knowledgeSummaryOutSchema.extend({
	version: z.number().int(),
	body: z.string(),
	bodyHtml: z.string(),
	practice: z
		.object({
			challenge: z.string(),
			approach: z.string(),
			result: z.string(),
			lessons: z.string(),
			costs: z.string(),
			mkbSegment: z.string(),
			period: z.string()
		})
		.nullable(),
	organisations: z.array(z.object({ slug: z.string(), name: z.string() })),
	authors: z.array(named),
	contact: named.nullable(),
	network: z.object({ slug: z.string(), name: z.string() }).nullable(),
	adoptions: z.array(
		z.object({
			organisation: z.string().nullable(),
			province: z.string().nullable(),
			note: z.string()
		})
	),
	related: z.array(z.object({ slug: z.string(), title: z.string(), kind: z.enum(KINDS) })),
	updatedAt: z.string()
});

const facet = z.array(
	z.object({ value: z.string(), label: z.string(), count: z.number().int(), selected: z.boolean() })
);
export const knowledgeListOutSchema = z.object({
	items: z.array(knowledgeSummaryOutSchema),
	total: z.number().int(),
	next: z.string().nullable(),
	facets: z.object({
		kind: facet,
		theme: facet,
		province: facet,
		organisationType: facet,
		year: facet
	})
});
