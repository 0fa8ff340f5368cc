import { listEventFormats } from '$lib/server/features/reference/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	formats: await listEventFormats(locals.db)
});
