import { z } from 'zod';
import {
	organisationFilterOptions,
	searchOrganisations
} from '$lib/server/features/organisations/queries';
import type { PageServerLoad } from './$types';

/** The list's state from the URL; unknown values mean "all", so shared links never break. */
const searchSchema = z.object({
	q: z
		.string()
		.optional()
		.transform((v) => (v ?? '').trim().slice(0, 200)),
	soort: z.string().max(100).optional(),
	provincie: z.string().max(10).optional(),
	groep: z.string().optional(),
	pagina: z.string().optional()
});

export const load: PageServerLoad = async ({ locals, url }) => {
	const raw = searchSchema.parse(Object.fromEntries(url.searchParams));
	const options = await organisationFilterOptions(locals.db);
	const type = options.types.some((t) => t.id === raw.soort) ? raw.soort! : null;
	const province = options.provinces.some((p) => p.code === raw.provincie) ? raw.provincie! : null;
	const group = raw.groep === 'g4' || raw.groep === 'g40' ? raw.groep : null;
	const page = Number.parseInt(raw.pagina ?? '1', 10);
	const result = await searchOrganisations(locals.db, {
		q: raw.q,
		type,
		province,
		group,
		page: Number.isFinite(page) && page > 0 ? page : 1
	});
	return {
		search: { q: raw.q, soort: type ?? '', provincie: province ?? '', groep: group ?? '' },
		options,
		organisations: result.rows.map((r) => ({
			slug: r.slug,
			name: r.name,
			type: r.type_name,
			province: r.province_name,
			group: r.municipality_class,
			members: r.member_count
		})),
		total: result.total,
		page: result.page,
		pageCount: result.pageCount
	};
};
