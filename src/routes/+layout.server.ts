import { listPartners } from '$lib/server/features/organisations/queries';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => {
	const partners = await listPartners(locals.db);
	return {
		locale: locals.locale,
		user: locals.user
			? {
					name: locals.user.name,
					email: locals.user.email,
					role: locals.user.role,
					status: locals.user.status
				}
			: null,
		partners: partners.map((p) => ({ name: p.name, website: p.website }))
	};
};
