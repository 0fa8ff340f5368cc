import { fail } from '@sveltejs/kit';
import {
	addCoordinator,
	changeCohortSize,
	enrol,
	leave,
	removeCoordinator,
	setEnrolmentOpen
} from '$lib/server/features/programmes/mutations';
import { presentCohort } from '$lib/server/features/programmes/present';
import { activeMemberByEmail, cohortOf } from '$lib/server/features/programmes/queries';
import {
	cohortSizeSchema,
	memberEmailSchema,
	userActionSchema
} from '$lib/server/features/programmes/schema';
import { getConfig } from '$lib/server/platform/config';
import { programmeFor } from '../../context';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { programme } = await programmeFor(locals, params.slug, url, 'manage');
	const cohort = presentCohort(await cohortOf(locals.db, programme.id));
	return {
		programme: {
			slug: programme.slug,
			title: programme.title,
			cohortSize: programme.cohort_size,
			enrolmentOpen: programme.enrolment_open,
			coordinators: programme.coordinators
		},
		enrolled: cohort.filter((c) => c.status === 'enrolled'),
		waiting: cohort.filter((c) => c.status === 'waitlisted')
	};
};

const field = async (request: Request) => Object.fromEntries(await request.formData());

export const actions: Actions = {
	toevoegen: async ({ locals, params, request, url }) => {
		const { programme, audit } = await programmeFor(locals, params.slug, url, 'manage');
		const parsed = memberEmailSchema.safeParse(await field(request));
		if (!parsed.success) return fail(400, { problem: 'email_invalid' });
		const member = await activeMemberByEmail(locals.db, parsed.data.email);
		if (!member) return fail(404, { problem: 'no_member' });
		const result = await enrol(locals.db, {
			programmeId: programme.id,
			userId: member.id,
			origin: getConfig().origin,
			byCoordinator: true,
			audit: audit('programme.participant_added')
		});
		if (!result.ok) return fail(409, { problem: result.reason });
		return {
			done: result.already ? 'already' : result.status,
			name: member.name,
			position: result.position
		};
	},
	verwijderen: async ({ locals, params, request, url }) => {
		const { programme, audit } = await programmeFor(locals, params.slug, url, 'manage');
		const parsed = userActionSchema.safeParse(await field(request));
		if (!parsed.success) return fail(400, { problem: 'not_enrolled' });
		const result = await leave(locals.db, {
			programmeId: programme.id,
			userId: parsed.data.userId,
			origin: getConfig().origin,
			removedBy: 'coordinator',
			audit: audit('programme.participant_removed')
		});
		if (!result.ok) return fail(409, { problem: result.reason });
		return { done: 'removed', promoted: result.promoted };
	},
	omvang: async ({ locals, params, request, url }) => {
		const { programme, audit } = await programmeFor(locals, params.slug, url, 'manage');
		const parsed = cohortSizeSchema.safeParse(await field(request));
		if (!parsed.success) return fail(400, { problem: 'size_invalid' });
		const result = await changeCohortSize(locals.db, {
			programmeId: programme.id,
			cohortSize: parsed.data.cohortSize,
			origin: getConfig().origin,
			audit: audit('programme.cohort_size_changed', {
				from: programme.cohort_size,
				to: parsed.data.cohortSize
			})
		});
		if (!result.ok) return fail(404, { problem: 'not_found' });
		return { done: 'size', surplus: result.surplus, promoted: result.promoted };
	},
	inschrijving: async ({ locals, params, request, url }) => {
		const { programme, audit } = await programmeFor(locals, params.slug, url, 'manage');
		const open = (await request.formData()).get('open') === '1';
		await setEnrolmentOpen(locals.db, {
			programmeId: programme.id,
			open,
			audit: audit(open ? 'programme.enrolment_opened' : 'programme.enrolment_closed')
		});
		return { done: open ? 'opened' : 'closed' };
	},
	coordinatorToevoegen: async ({ locals, params, request, url }) => {
		const { programme, audit } = await programmeFor(locals, params.slug, url, 'manage');
		const parsed = memberEmailSchema.safeParse(await field(request));
		if (!parsed.success) return fail(400, { problem: 'email_invalid', form: 'coordinator' });
		const member = await activeMemberByEmail(locals.db, parsed.data.email);
		if (!member) return fail(404, { problem: 'no_member', form: 'coordinator' });
		const result = await addCoordinator(locals.db, {
			programmeId: programme.id,
			userId: member.id,
			audit: audit('programme.coordinator_added')
		});
		return {
			done: result.already ? 'coordinator_already' : 'coordinator_added',
			name: member.name
		};
	},
	coordinatorVerwijderen: async ({ locals, params, request, url }) => {
		const { programme, audit } = await programmeFor(locals, params.slug, url, 'manage');
		const parsed = userActionSchema.safeParse(await field(request));
		if (!parsed.success) return fail(400, { problem: 'not_coordinator' });
		const result = await removeCoordinator(locals.db, {
			programmeId: programme.id,
			userId: parsed.data.userId,
			audit: audit('programme.coordinator_removed')
		});
		if (!result.ok) return fail(409, { problem: result.reason });
		return { done: 'coordinator_removed' };
	}
};
