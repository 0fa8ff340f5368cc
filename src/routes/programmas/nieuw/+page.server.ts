import { error, fail, redirect } from '@sveltejs/kit';
import { createProgramme } from '$lib/server/features/programmes/mutations';
import { canCreateProgramme } from '$lib/server/features/programmes/policy';
import { viewerFrom } from '$lib/server/features/viewer';
import { emptyValues, formChoices, parseProgrammeForm } from '../form';
import type { Actions, PageServerLoad } from './$types';

function creator(locals: App.Locals, url: URL) {
	if (!locals.user) redirect(303, `/inloggen?terug=${encodeURIComponent(url.pathname)}`);
	const viewer = viewerFrom(locals.user);
	if (viewer.kind !== 'member' || !canCreateProgramme(viewer)) {
		error(403, 'Alleen redacteuren en beheerders kunnen een programma starten.');
	}
	return viewer;
}

export const load: PageServerLoad = async ({ locals, url }) => {
	creator(locals, url);
	return { values: emptyValues(), choices: await formChoices(locals.db) };
};

export const actions: Actions = {
	default: async ({ locals, request, url }) => {
		const viewer = creator(locals, url);
		const parsed = await parseProgrammeForm(request);
		if (!parsed.ok) return fail(400, { problem: parsed.problem, values: parsed.fields });
		const result = await createProgramme(locals.db, { ...parsed.value, createdBy: viewer.userId });
		if (!result.ok) return fail(400, { problem: 'networkId', values: parsed.fields });
		redirect(303, `/programmas/${result.slug}`);
	}
};
