import { authorize } from '$lib/server/authorize';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	authorize(locals, url, 'manage_members');
	return {};
};
