import { fail } from '@sveltejs/kit';
import {
	changeCapacity,
	messageRegistrants,
	registerMember,
	removeRegistration,
	setRegistrationClosed
} from '$lib/server/features/events/mutations';
import { presentEvent, presentRegistration } from '$lib/server/features/events/present';
import { activeMemberByEmail, listRegistrations } from '$lib/server/features/events/queries';
import { capacitySchema, messageSchema } from '$lib/server/features/events/schema';
import { linkReport, unlinkReport } from '$lib/server/features/followup/mutations';
import { can as canFollowup } from '$lib/server/features/followup/policy';
import { evaluationSummary, linkableReports } from '$lib/server/features/followup/queries';
import { getConfig } from '$lib/server/platform/config';
import { followupSubject } from '../../followup';
import { managedEvent } from '../../manage';
import type { Actions, PageServerLoad } from './$types';
import { staffAudit } from '$lib/server/features/events/staff-audit';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { event, viewer } = await managedEvent(locals, params.slug, url);
	const registrations = (await listRegistrations(locals.db, event.id)).map(presentRegistration);
	const reports = await linkableReports(locals.db, event.id, viewer);
	const followup = await followupSubject(locals.db, viewer, event);
	const evaluations = canFollowup(viewer, 'see_evaluations', followup)
		? await evaluationSummary(locals.db, event.id)
		: null;
	const surplus = Number(url.searchParams.get('boven') ?? 0);
	return {
		event: {
			...presentEvent(event, locals.locale === 'en' ? 'en' : 'nl'),
			id: event.id,
			registrationClosed: event.registration_closed
		},
		questions: event.questions,
		registered: registrations.filter((r) => r.status === 'registered'),
		waitlisted: registrations.filter((r) => r.status === 'waitlisted'),
		pending: registrations.filter((r) => r.status === 'pending'),
		evaluations,
		reports: {
			linked: reports
				.filter((r) => r.event_id === event.id)
				.map(({ id, slug, title }) => ({ id, slug, title })),
			free: reports.filter((r) => r.event_id === null).map(({ id, title }) => ({ id, title })),
			writeHref: `/kennis/nieuw?soort=verslag&evenement=${encodeURIComponent(event.slug)}`
		},
		changed: url.searchParams.has('gewijzigd'),
		surplus: Number.isFinite(surplus) && surplus > 0 ? surplus : 0
	};
};

const origin = () => getConfig().origin;

export const actions: Actions = {
	toevoegen: async ({ locals, params, request, url }) => {
		const { event, viewer } = await managedEvent(locals, params.slug, url);
		const email = String((await request.formData()).get('email') ?? '')
			.trim()
			.slice(0, 200);
		const member = email ? await activeMemberByEmail(locals.db, email) : undefined;
		if (!member) return fail(400, { action: 'add', problem: 'member_unknown' });
		const result = await registerMember(locals.db, {
			eventId: event.id,
			userId: member.id,
			origin: origin(),
			byCoordinator: true,
			audit: staffAudit(viewer, event, 'event.participant_added')
		});
		if (!result.ok) return fail(409, { action: 'add', problem: result.reason });
		return {
			action: 'add',
			done: result.already ? 'already' : result.status,
			name: member.name,
			position: result.position
		};
	},
	verwijderen: async ({ locals, params, request, url }) => {
		const { event, viewer } = await managedEvent(locals, params.slug, url);
		const id = String((await request.formData()).get('registrationId') ?? '').slice(0, 100);
		const result = await removeRegistration(locals.db, {
			eventId: event.id,
			registrationId: id,
			origin: origin(),
			audit: staffAudit(viewer, event, 'event.participant_removed')
		});
		if (!result.ok) return fail(404, { action: 'remove', problem: 'not_registered' });
		return { action: 'remove', done: 'removed', promoted: result.promoted };
	},
	capaciteit: async ({ locals, params, request, url }) => {
		const { event, viewer } = await managedEvent(locals, params.slug, url);
		const parsed = capacitySchema.safeParse(
			String((await request.formData()).get('capacity') ?? '')
		);
		if (!parsed.success) return fail(400, { action: 'capacity', problem: 'capacity_invalid' });
		const result = await changeCapacity(locals.db, {
			eventId: event.id,
			capacity: parsed.data,
			origin: origin(),
			audit: staffAudit(viewer, event, 'event.capacity_changed', {
				from: event.capacity,
				to: parsed.data
			})
		});
		if (!result.ok) return fail(404, { action: 'capacity', problem: 'not_found' });
		return {
			action: 'capacity',
			done: 'capacity',
			surplus: result.surplus,
			promoted: result.promoted
		};
	},
	sluiten: async ({ locals, params, request, url }) => {
		const { event, viewer } = await managedEvent(locals, params.slug, url);
		const closed = String((await request.formData()).get('closed') ?? '') === '1';
		await setRegistrationClosed(locals.db, {
			eventId: event.id,
			closed,
			audit: staffAudit(
				viewer,
				event,
				closed ? 'event.registration_closed' : 'event.registration_reopened'
			)
		});
		return { action: 'close', done: closed ? 'closed' : 'reopened' };
	},
	bericht: async ({ locals, params, request, url }) => {
		const { event, viewer } = await managedEvent(locals, params.slug, url);
		const form = await request.formData();
		const fields = {
			subject: String(form.get('subject') ?? '').slice(0, 300),
			message: String(form.get('message') ?? '').slice(0, 6000)
		};
		const parsed = messageSchema.safeParse(fields);
		if (!parsed.success) {
			const field = String(parsed.error.issues[0]?.path[0] ?? 'subject');
			return fail(400, { action: 'message', problem: `message_${field}_invalid`, fields });
		}
		const result = await messageRegistrants(locals.db, {
			eventId: event.id,
			...parsed.data,
			includeWaitlist: form.get('waitlist') === '1',
			origin: origin(),
			audit: staffAudit(viewer, event, 'event.registrants_messaged')
		});
		if (!result.ok) return fail(404, { action: 'message', problem: 'not_found' });
		return { action: 'message', done: 'sent', sent: result.sent };
	},
	verslag: async ({ locals, params, request, url }) => {
		const { event, viewer } = await managedEvent(locals, params.slug, url);
		const itemId = String((await request.formData()).get('itemId') ?? '').slice(0, 100);
		// Only a report the organiser may see can be linked; the list is filtered in the query.
		const visible = (await linkableReports(locals.db, event.id, viewer)).some(
			(r) => r.id === itemId
		);
		if (!visible) return fail(404, { action: 'report', problem: 'report_not_found' });
		const result = await linkReport(locals.db, { eventId: event.id, itemId, origin: origin() });
		if (!result.ok) return fail(409, { action: 'report', problem: result.reason });
		return { action: 'report', done: 'report_linked' };
	},
	ontkoppelen: async ({ locals, params, request, url }) => {
		const { event } = await managedEvent(locals, params.slug, url);
		const itemId = String((await request.formData()).get('itemId') ?? '').slice(0, 100);
		await unlinkReport(locals.db, { eventId: event.id, itemId });
		return { action: 'report', done: 'report_unlinked' };
	}
};
