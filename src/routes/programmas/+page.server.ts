import { canCreateProgramme } from '$lib/server/features/programmes/policy';
import { presentProgramme } from '$lib/server/features/programmes/present';
import { listProgrammes, referenceChoices } from '$lib/server/features/programmes/queries';
import { viewerFrom } from '$lib/server/features/viewer';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const viewer = viewerFrom(locals.user);
	const { provinces } = await referenceChoices(locals.db);
	const asked = url.searchParams.get('provincie')?.slice(0, 10) ?? '';
	const province = provinces.some((p) => p.code === asked) ? asked : '';
	const programmes = await listProgrammes(locals.db, {
		viewer,
		province: province || undefined
	});
	const locale = locals.locale === 'en' ? 'en' : 'nl';
	return {
		programmes: programmes.map((p) => presentProgramme(p, locale)),
		provinces,
		province,
		mayCreate: canCreateProgramme(viewer),
		signedIn: viewer.kind === 'member'
	};
};
