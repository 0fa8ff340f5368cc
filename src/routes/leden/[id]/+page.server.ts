import { error } from '@sveltejs/kit';
import { authorize } from '$lib/server/authorize';
import { presentProfile, presentSuggestion } from '$lib/server/features/people/present';
import { suggestionsFor } from '$lib/server/features/people/find';
import { contributionsOf, memberProfile } from '$lib/server/features/people/queries';
import { isFollowing } from '$lib/server/features/contact/queries';
import { viewerFrom } from '$lib/server/features/viewer';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	authorize(locals, url, 'see_member_pages');
	// Applicants, suspended and unknown accounts are all "not found".
	const viewer = viewerFrom(locals.user);
	const profile = await memberProfile(locals.db, params.id, viewer);
	if (!profile) error(404, 'Dit lid bestaat niet (meer).');
	// What they contributed, as far as this viewer may see it (the features filter in the query).
	const [suggestions, following, contributions] = await Promise.all([
		suggestionsFor(locals.db, profile.id),
		isFollowing(locals.db, locals.user.id, 'member', profile.id),
		contributionsOf(locals.db, profile.id, viewer)
	]);
	return {
		contributions,
		following,
		profile: presentProfile(profile),
		suggestions: suggestions.map(presentSuggestion)
	};
};
