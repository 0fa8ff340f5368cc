import { error, fail, redirect } from '@sveltejs/kit';
import { createEvent } from '$lib/server/features/events/mutations';
import { can } from '$lib/server/features/events/policy';
import { eventFormFields, eventSubject } from '$lib/server/features/events/present';
import { eventForViewer } from '$lib/server/features/events/queries';
import { eventFields, parseEvent } from '$lib/server/features/events/schema';
import { viewerFrom } from '$lib/server/features/viewer';
import { emptyFields, formChoices, mayCreateEvents } from '$lib/server/features/events/choices';
import type { Actions, PageServerLoad } from './$types';

/** Admins, editors and network coordinators create events; others get a 403, visitors sign in. */
async function creator(locals: App.Locals, url: URL) {
	if (!locals.user)
		redirect(303, `/inloggen?terug=${encodeURIComponent(url.pathname + url.search)}`);
	const viewer = viewerFrom(locals.user);
	if (viewer.kind !== 'member') error(403, 'Alleen leden kunnen evenementen organiseren.');
	if (!(await mayCreateEvents(locals.db, viewer))) {
		error(403, 'Alleen coördinatoren, redacteuren en beheerders kunnen een evenement aanmaken.');
	}
	return viewer;
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const viewer = await creator(locals, url);
	const choices = await formChoices(locals.db, viewer);
	// `?programma=<slug>`: a new session of that programme (from its page).
	const series = choices.programmes.find((p) => p.slug === url.searchParams.get('programma'));
	let values = emptyFields(
		choices.formats[0]?.id ?? '',
		series
			? `programme:${series.id}`
			: choices.platform
				? 'platform'
				: choices.networks[0]
					? `network:${choices.networks[0].id}`
					: `programme:${choices.programmes[0]?.id ?? ''}`
	);
	let copyOf: string | null = null;
	const source = url.searchParams.get('kopie')?.slice(0, 200);
	if (source) {
		// A copy for the next edition: everything but the dates, which the organiser sets anew.
		const event = await eventForViewer(locals.db, source, viewer);
		const subject = event && eventSubject(event);
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
			networkIds: choices.networks.map((n) => n.id),
			programmeIds: choices.programmes.map((p) => p.id)
		});
		if (!parsed.ok) return fail(400, { problem: parsed.problem, values: fields });
		if (parsed.value.organiserKind === 'platform' && !choices.platform) {
			return fail(400, { problem: 'organiser_invalid', values: fields });
		}
		const result = await createEvent(locals.db, { ...parsed.value, createdBy: viewer.userId });
		redirect(303, `/evenementen/${result.slug}?nieuw=1`);
	}
};
