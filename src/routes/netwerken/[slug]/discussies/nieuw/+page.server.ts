import { error, fail, redirect } from '@sveltejs/kit';
import { can } from '$lib/server/features/discussions/policy';
import { createThread } from '$lib/server/features/discussions/mutations';
import { fieldProblems, threadInputSchema } from '$lib/server/features/discussions/schema';
import { getConfig } from '$lib/server/platform/config';
import { discussionNetwork } from '../access';
import type { Actions, PageServerLoad } from './$types';

const NOT_MEMBER = 'Alleen leden van dit netwerk kunnen een discussie starten.';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { viewer, network, subject } = await discussionNetwork(locals, url, params.slug);
	if (!can(viewer, 'start', { network: subject })) error(403, NOT_MEMBER);
	const kind = url.searchParams.get('soort') === 'vraag' ? 'question' : 'discussion';
	return { network: { slug: network.slug, name: network.name }, kind };
};

export const actions: Actions = {
	default: async ({ locals, url, params, request }) => {
		const { viewer, network, subject, user } = await discussionNetwork(locals, url, params.slug);
		if (!can(viewer, 'start', { network: subject })) error(403, NOT_MEMBER);
		const form = await request.formData();
		const values = {
			kind: String(form.get('kind') ?? ''),
			title: String(form.get('title') ?? ''),
			body: String(form.get('body') ?? '')
		};
		const parsed = threadInputSchema.safeParse(values);
		if (!parsed.success) {
			return fail(400, { values, problems: fieldProblems(parsed.error) });
		}
		const result = await createThread(locals.db, {
			networkId: network.id,
			authorId: user!.id,
			...parsed.data,
			origin: getConfig().origin
		});
		if (!result.ok) error(404, 'Dit netwerk bestaat niet (meer).');
		redirect(303, `/netwerken/${network.slug}/discussies/${result.id}`);
	}
};
