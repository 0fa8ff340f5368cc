import { error, fail } from '@sveltejs/kit';
import {
	addAttachment,
	removeAttachment,
	removeCover,
	setCoverFromAttachment
} from '$lib/server/features/attachments/mutations';
import { attachmentsOf } from '$lib/server/features/attachments/queries';
import { can } from '$lib/server/features/knowledge/policy';
import { DEFAULT_ATTACHMENT_LIMITS } from '$lib/server/platform/attachments';
import { getConfig } from '$lib/server/platform/config';
import { uploadsDir } from '$lib/server/platform/files';
import { knowledgeItem } from '../../access';
import type { Actions, PageServerLoad } from './$types';

const NOT_YOURS = 'Alleen de auteurs en de redactie beheren de bijlagen van dit item.';

async function editable(locals: App.Locals, url: URL, slug: string) {
	const found = await knowledgeItem(locals, url, slug, { member: true });
	if (!can(found.viewer, 'edit', found.subject)) error(403, NOT_YOURS);
	return found;
}

const maxBytes = () => getConfig().attachmentMaxBytes;

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { item } = await editable(locals, url, params.slug);
	return {
		item: { slug: item.slug, title: item.title, cover: item.cover_image },
		attachments: await attachmentsOf(locals.db, item.id),
		maxMegabytes: Math.round(maxBytes() / (1024 * 1024))
	};
};

export const actions: Actions = {
	toevoegen: async ({ locals, url, params, request }) => {
		const { item } = await editable(locals, url, params.slug);
		const form = await request.formData();
		const file = form.get('bestand');
		if (!(file instanceof File) || file.size === 0) {
			return fail(400, { problem: 'attachment_empty' as const });
		}
		// The size is known before the bytes are read.
		if (file.size > maxBytes()) return fail(413, { problem: 'attachment_too_large' as const });
		const result = await addAttachment(locals.db, {
			itemId: item.id,
			uploaderId: locals.user!.id,
			bytes: new Uint8Array(await file.arrayBuffer()),
			sentName: file.name,
			dir: uploadsDir(getConfig().dataDir, 'attachments'),
			limits: { ...DEFAULT_ATTACHMENT_LIMITS, maxBytes: maxBytes() }
		});
		if (!result.ok) {
			return fail(result.reason === 'attachment_too_large' ? 413 : 400, {
				problem: result.reason
			});
		}
		return { added: result.name };
	},
	verwijderen: async ({ locals, url, params, request }) => {
		const { item } = await editable(locals, url, params.slug);
		const form = await request.formData();
		const removed = await removeAttachment(locals.db, {
			itemId: item.id,
			attachmentId: String(form.get('id') ?? '').slice(0, 100),
			dir: uploadsDir(getConfig().dataDir, 'attachments')
		});
		if (!removed) return fail(404, { problem: 'attachment_gone' as const });
		return { removed: String(form.get('name') ?? '').slice(0, 200) };
	},
	omslag: async ({ locals, url, params, request }) => {
		const { item } = await editable(locals, url, params.slug);
		const form = await request.formData();
		const { dataDir } = getConfig();
		const result = await setCoverFromAttachment(locals.db, {
			itemId: item.id,
			attachmentId: String(form.get('id') ?? '').slice(0, 100),
			attachmentsDir: uploadsDir(dataDir, 'attachments'),
			coversDir: uploadsDir(dataDir, 'covers')
		});
		if (!result.ok) {
			return fail(result.reason === 'not_found' ? 404 : 400, {
				problem: result.reason === 'not_found' ? ('attachment_gone' as const) : result.reason
			});
		}
		return { cover: true };
	},
	omslagWeg: async ({ locals, url, params }) => {
		const { item } = await editable(locals, url, params.slug);
		await removeCover(locals.db, {
			itemId: item.id,
			coversDir: uploadsDir(getConfig().dataDir, 'covers')
		});
		return { coverRemoved: true };
	}
};
