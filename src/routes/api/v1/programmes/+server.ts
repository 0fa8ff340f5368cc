import { apiList } from '$lib/server/api/respond';
import { presentProgramme } from '$lib/server/features/programmes/present';
import { listProgrammes } from '$lib/server/features/programmes/queries';
import { viewerFrom } from '$lib/server/features/viewer';
import type { RequestHandler } from './$types';

/** The programmes the caller may see (visitors: the public ones), as on /programmas. */
export const GET: RequestHandler = async ({ locals }) => {
	const rows = await listProgrammes(locals.db, { viewer: viewerFrom(locals.user) });
	const programmes = rows.map((r) => presentProgramme(r, 'nl'));
	return apiList(programmes, programmes.length);
};
