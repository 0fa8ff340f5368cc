import { fail } from '@sveltejs/kit';
import {
	addMaterial,
	removeMaterial,
	setMaterialsSettings
} from '$lib/server/features/followup/mutations';
import { followupOf, materialsFor } from '$lib/server/features/followup/queries';
import { materialsSettingsSchema } from '$lib/server/features/followup/schema';
import { DEFAULT_ATTACHMENT_LIMITS } from '$lib/server/platform/attachments';
import { getConfig } from '$lib/server/platform/config';
import { uploadsDir } from '$lib/server/platform/files';
import { managedEvent } from '../../../manage';
import type { Actions, PageServerLoad } from './$types';

const maxBytes = () => getConfig().attachmentMaxBytes;
const dir = () => uploadsDir(getConfig().dataDir, 'attachments');

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { event, viewer } = await managedEvent(locals, params.slug, url);
	const [settings, materials] = await Promise.all([
		followupOf(locals.db, event.id),
		materialsFor(locals.db, { eventId: event.id, viewer, manage: true })
	]);
	return {
		event: { slug: event.slug, title: event.title },
		settings,
		materials,
		maxMegabytes: Math.round(maxBytes() / (1024 * 1024))
	};
};

export const actions: Actions = {
	instellingen: async ({ locals, params, request, url }) => {
		const { event } = await managedEvent(locals, params.slug, url);
		const form = await request.formData();
		const values = {
			visibility: String(form.get('visibility') ?? ''),
			recordingUrl: String(form.get('recordingUrl') ?? '').slice(0, 1000)
		};
		const parsed = materialsSettingsSchema.safeParse(values);
		if (!parsed.success) {
			const field = String(parsed.error.issues[0]?.path[0] ?? 'recordingUrl');
			return fail(400, {
				action: 'settings',
				problem: field === 'visibility' ? 'visibility_invalid' : 'recording_invalid',
				values
			});
		}
		const result = await setMaterialsSettings(locals.db, {
			eventId: event.id,
			...parsed.data,
			origin: getConfig().origin
		});
		return { action: 'settings', done: 'saved', notified: result.notified };
	},
	toevoegen: async ({ locals, params, request, url }) => {
		const { event } = await managedEvent(locals, params.slug, url);
		const file = (await request.formData()).get('bestand');
		if (!(file instanceof File) || file.size === 0) {
			return fail(400, { action: 'file', problem: 'attachment_empty' as const });
		}
		// The size is known before the bytes are read.
		if (file.size > maxBytes()) {
			return fail(413, { action: 'file', problem: 'attachment_too_large' as const });
		}
		const result = await addMaterial(locals.db, {
			eventId: event.id,
			uploaderId: locals.user!.id,
			bytes: new Uint8Array(await file.arrayBuffer()),
			sentName: file.name,
			dir: dir(),
			limits: { ...DEFAULT_ATTACHMENT_LIMITS, maxBytes: maxBytes() },
			origin: getConfig().origin
		});
		if (!result.ok) {
			return fail(result.reason === 'attachment_too_large' ? 413 : 400, {
				action: 'file',
				problem: result.reason
			});
		}
		return { action: 'file', done: 'added', name: result.name, notified: result.notified };
	},
	verwijderen: async ({ locals, params, request, url }) => {
		const { event } = await managedEvent(locals, params.slug, url);
		const id = String((await request.formData()).get('id') ?? '').slice(0, 100);
		const removed = await removeMaterial(locals.db, {
			eventId: event.id,
			materialId: id,
			dir: dir()
		});
		if (!removed) return fail(404, { action: 'file', problem: 'file_gone' });
		return { action: 'file', done: 'removed' };
	}
};
