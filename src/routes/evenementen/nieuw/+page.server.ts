import { error, fail, redirect } from '@sveltejs/kit';
import { createEvent } from '$lib/server/features/events/mutations';
import { can, canCreateEvent } from '$lib/server/features/events/policy';
import { eventFormFields } from '$lib/server/features/events/present';
import { coordinatedNetworks, eventForViewer } from '$lib/server/features/events/queries';
import { eventFields, parseEvent } from '$lib/server/features/events/schema';
import { viewerFrom } from '$lib/server/features/viewer';
import { emptyFields, formChoices } from '../form-context';
import type { Actions, PageServerLoad } from './$types';

/** Admins, editors and network coordinators create events; others get a 403, visitors sign in. */
async function creator(locals: App.Locals, url: URL) {
	if (!locals.user)
		redirect(303, `/inloggen?terug=${encodeURIComponent(url.pathname + url.search)}`);
	const viewer = viewerFrom(locals.user);
	if (viewer.kind !== 'member') error(403, 'Alleen leden kunnen evenementen organiseren.');
	const coordinated = await coordinatedNetworks(locals.db, viewer.userId);
	if (!canCreateEvent(viewer, coordinated.length)) {
		error(403, 'Alleen coördinatoren, redacteuren en beheerders kunnen een evenement aanmaken.');
	}
	return viewer;
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const viewer = await creator(locals, url);
	const choices = await formChoices(locals.db, viewer);
	let values = emptyFields(
		choices.formats[0]?.id ?? '',
		choices.platform ? 'platform' : `network:${choices.networks[0]?.id ?? ''}`
	);
	let copyOf: string | null = null;
	const source = url.searchParams.get('kopie')?.slice(0, 200);
	if (source) {
		// A copy for the next edition: everything but the dates, which the organiser sets anew.
		const event = await eventForViewer(locals.db, source, viewer);
		const subject = event && {
			visibility: event.visibility,
			networkId: event.network_id,
			networkRole: event.networkRole
		};
		if (event && subject && can(viewer, 'manage', subject)) {
			values = {
				...eventFormFields(event),
				startsAt: '',
				endsAt: '',
				registrationOpensAt: '',
				registrationClosesAt: ''
			};
			copyOf = event.title;
		}
	}
	return { values, choices, copyOf };
};

export const actions: Actions = {
	default: async ({ locals, request, url }) => {
		const viewer = await creator(locals, url);
		const choices = await formChoices(locals.db, viewer);
		const fields = eventFields(await request.formData());
		const parsed = parseEvent(fields, {
			formatIds: choices.formats.map((f) => f.id),
			networkIds: choices.networks.map((n) => n.id)
		});
		if (!parsed.ok) return fail(400, { problem: parsed.problem, values: fields });
		if (parsed.value.organiserKind === 'platform' && !choices.platform) {
			return fail(400, { problem: 'organiser_invalid', values: fields });
		}
		const result = await createEvent(locals.db, { ...parsed.value, createdBy: viewer.userId });
		redirect(303, `/evenementen/${result.slug}?nieuw=1`);
	}
};
