import { listThemes } from '$lib/server/features/reference/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	themes: await listThemes(locals.db)
});
