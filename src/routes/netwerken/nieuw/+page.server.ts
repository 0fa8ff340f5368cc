import { error, fail, redirect } from '@sveltejs/kit';
import { createNetwork } from '$lib/server/features/networks/mutations';
import { canCreateNetwork } from '$lib/server/features/networks/policy';
import { coordinatesAny } from '$lib/server/features/networks/queries';
import {
	networkSettingsSchema,
	settingsFields,
	settingsProblem
} from '$lib/server/features/networks/schema';
import { viewerFrom } from '$lib/server/features/viewer';
import type { Actions, PageServerLoad } from './$types';

/** Admins and coordinators of a network create networks; others get a 403, visitors sign in. */
async function creator(locals: App.Locals, url: URL) {
	if (!locals.user) redirect(303, `/inloggen?terug=${encodeURIComponent(url.pathname)}`);
	const viewer = viewerFrom(locals.user);
	const coordinator = viewer.kind === 'member' && (await coordinatesAny(locals.db, viewer.userId));
	if (viewer.kind !== 'member' || !canCreateNetwork(viewer, coordinator)) {
		error(403, 'Alleen coördinatoren en beheerders kunnen een netwerk starten.');
	}
	return viewer;
}

export const load: PageServerLoad = async ({ locals, url }) => {
	await creator(locals, url);
	return {};
};

export const actions: Actions = {
	default: async ({ locals, request, url }) => {
		const viewer = await creator(locals, url);
		const fields = settingsFields(await request.formData());
		const parsed = networkSettingsSchema.safeParse(fields);
		if (!parsed.success) return fail(400, { problem: settingsProblem(parsed.error), fields });
		const result = await createNetwork(locals.db, {
			actorId: viewer.userId,
			settings: parsed.data
		});
		if (!result.ok) return fail(409, { problem: 'name_taken', fields });
		redirect(303, `/netwerken/${result.slug}?nieuw=1`);
	}
};
