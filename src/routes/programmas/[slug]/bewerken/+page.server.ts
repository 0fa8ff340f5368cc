import { error, fail, redirect } from '@sveltejs/kit';
import { updateProgramme } from '$lib/server/features/programmes/mutations';
import { getConfig } from '$lib/server/platform/config';
import { programmeFor } from '../../context';
import { formChoices, parseProgrammeForm } from '../../form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { programme } = await programmeFor(locals, params.slug, url, 'manage');
	return {
		slug: programme.slug,
		title: programme.title,
		values: {
			title: programme.title,
			region: programme.region,
			summary: programme.summary,
			challenge: programme.challenge,
			networkId: programme.network_id ?? '',
			visibility: programme.visibility,
			cohortSize: String(programme.cohort_size),
			enrolmentOpen: programme.enrolment_open,
			provinceCodes: programme.provinces.map((p) => p.code),
			themeIds: programme.themes.map((t) => t.id)
		},
		choices: await formChoices(locals.db)
	};
};

export const actions: Actions = {
	default: async ({ locals, params, request, url }) => {
		const { programme, audit } = await programmeFor(locals, params.slug, url, 'manage');
		const parsed = await parseProgrammeForm(request);
		if (!parsed.ok) return fail(400, { problem: parsed.problem, values: parsed.fields });
		const result = await updateProgramme(locals.db, {
			...parsed.value,
			programmeId: programme.id,
			origin: getConfig().origin,
			audit: audit('programme.updated')
		});
		if (!result.ok) {
			if (result.reason === 'not_found') error(404, 'Dit programma bestaat niet meer.');
			return fail(400, { problem: 'networkId', values: parsed.fields });
		}
		redirect(303, `/programmas/${result.slug}?gewijzigd=1`);
	}
};
