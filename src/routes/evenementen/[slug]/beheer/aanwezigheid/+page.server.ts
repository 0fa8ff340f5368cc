import { saveAttendance } from '$lib/server/features/events/mutations';
import { listRegistrations } from '$lib/server/features/events/queries';
import { managedEvent } from '../../../manage';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { event } = await managedEvent(locals, params.slug, url);
	const rows = await listRegistrations(locals.db, event.id);
	return {
		event: { slug: event.slug, title: event.title },
		participants: rows
			.filter((r) => r.status === 'registered')
			.map((r) => ({
				id: r.id,
				name: r.name,
				organisation: r.organisation ?? '',
				attended: r.attended
			}))
			.sort((a, b) => a.name.localeCompare(b.name, 'nl'))
	};
};

export const actions: Actions = {
	default: async ({ locals, params, request, url }) => {
		const { event } = await managedEvent(locals, params.slug, url);
		const ids = (await request.formData())
			.getAll('attended')
			.map((v) => String(v).slice(0, 100))
			.slice(0, 5000);
		const result = await saveAttendance(locals.db, { eventId: event.id, attendedIds: ids });
		return { saved: result.attended };
	}
};
