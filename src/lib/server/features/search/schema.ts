import { z } from 'zod';
import type { SearchKind } from '../../db/tables/search';
import { MAX_QUERY_LENGTH } from './analyser';

/** The kinds by their Dutch name in addresses (/zoeken?soort=discussies) and their API name. */
export const KIND_SLUGS: Record<SearchKind, string> = {
	knowledge: 'kennis',
	discussion: 'discussies',
	event: 'evenementen',
	programme: 'programmas',
	network: 'netwerken',
	organisation: 'organisaties',
	member: 'leden'
};

export const searchKindSchema = z.enum([
	'knowledge',
	'discussion',
	'event',
	'programme',
	'network',
	'organisation',
	'member'
]);

export function kindFromSlug(slug: string | null): SearchKind | null {
	if (!slug) return null;
	const found = Object.entries(KIND_SLUGS).find(([, s]) => s === slug);
	return found ? (found[0] as SearchKind) : null;
}

/** The API's query parameters; q's length is checked by the analyser (a stable 400 code). */
export const apiSearchSchema = z.object({
	q: z.string().default(''),
	kind: searchKindSchema.optional(),
	page: z.coerce.number().int().min(1).max(1000).default(1)
});

/** A set of synonyms as an editor types it: "zzp = zelfstandige zonder personeel". */
export const synonymFormSchema = z.object({
	terms: z
		.string()
		.max(300, 'too_long')
		.transform((text) =>
			text
				.split('=')
				.map((t) => t.trim().replace(/\s+/g, ' '))
				.filter(Boolean)
		)
		.refine((terms) => terms.length >= 2, 'too_few_terms')
});

export const removeSynonymSchema = z.object({ id: z.string().min(1).max(100) });

export { MAX_QUERY_LENGTH };
