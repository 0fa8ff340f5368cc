import { error, fail, redirect } from '@sveltejs/kit';
import { updateEvent } from '$lib/server/features/events/mutations';
import { can } from '$lib/server/features/events/policy';
import { eventFormFields, eventSubject } from '$lib/server/features/events/present';
import { eventForViewer } from '$lib/server/features/events/queries';
import { eventFields, parseEvent } from '$lib/server/features/events/schema';
import { staffAudit } from '$lib/server/features/events/staff-audit';
import { viewerFrom } from '$lib/server/features/viewer';
import { getConfig } from '$lib/server/platform/config';
import { currentOrganiser, formChoices } from '$lib/server/features/events/choices';
import type { Actions, PageServerLoad } from './$types';

const NOT_FOUND = 'Dit evenement bestaat niet, of je hebt er geen toegang toe.';

async function managed(locals: App.Locals, slug: string, url: URL) {
	const viewer = viewerFrom(locals.user);
	const event = await eventForViewer(locals.db, slug, viewer);
	if (!event) error(404, NOT_FOUND);
	if (viewer.kind !== 'member')
		redirect(303, `/inloggen?terug=${encodeURIComponent(url.pathname)}`);
	const subject = eventSubject(event);
	if (!can(viewer, 'manage', subject)) {
		error(403, 'Alleen de organisatie van dit evenement kan het wijzigen.');
	}
	return { viewer, event, choices: await formChoices(locals.db, viewer, currentOrganiser(event)) };
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { event, choices } = await managed(locals, params.slug, url);
	return {
		title: event.title,
		slug: event.slug,
		values: eventFormFields(event),
		choices
	};
};

export const actions: Actions = {
	default: async ({ locals, params, request, url }) => {
		const { viewer, event, choices } = await managed(locals, params.slug, url);
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
		const result = await updateEvent(locals.db, {
			...parsed.value,
			eventId: event.id,
			origin: getConfig().origin,
			audit: staffAudit(viewer, event, 'event.updated')
		});
		if (!result.ok) error(404, NOT_FOUND);
		redirect(303, `/evenementen/${result.slug}/beheer?gewijzigd=1&boven=${result.surplus}`);
	}
};
