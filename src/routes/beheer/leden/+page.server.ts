import { authorize } from '$lib/server/authorize';
import { searchMembers } from '$lib/server/features/member-admin/queries';
import { memberSearchSchema } from '$lib/server/features/member-admin/schema';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	authorize(locals, url, 'manage_members');
	// The schema never fails: unknown values fall back to "all", so shared links keep working.
	const search = memberSearchSchema.parse(Object.fromEntries(url.searchParams));
	const result = await searchMembers(locals.db, search);
	return {
		search: { q: search.q, status: search.status ?? '', rol: search.rol ?? '' },
		members: result.rows.map((row) => ({
			id: row.id,
			name: row.name,
			email: row.email,
			organisation: row.organisation_name,
			role: row.role,
			status: row.status,
			verified: Boolean(row.email_verified),
			twoFactor: Boolean(row.two_factor_enabled),
			joinedAt: row.created_at
		})),
		total: result.total,
		page: result.page,
		pageCount: result.pageCount,
		deleted: url.searchParams.get('verwijderd') === '1'
	};
};
