import { randomUUID } from 'node:crypto';
import type { DB } from '../../db';
import {
	type AttachmentLimits,
	type AttachmentProblem,
	checkAttachment
} from '../../platform/attachments';
import { deleteStoredFile, storeFile } from '../../platform/files';

/** The most attachments one item carries. */
export const MAX_ATTACHMENTS_PER_ITEM = 20;

export type AddAttachmentResult =
	| { ok: true; id: string; name: string }
	| { ok: false; reason: AttachmentProblem | 'attachment_too_many' | 'not_found' };

/**
 * Checks an upload (platform/attachments.ts) and attaches it to a knowledge item: the file is
 * written first under a new name, then the row; when the row cannot be written the file goes
 * again, so nothing half-stored remains. The caller has checked that the uploader may edit it.
 */
export async function addAttachment(
	db: DB,
	input: {
		itemId: string;
		uploaderId: string | null;
		bytes: Uint8Array;
		sentName: string;
		dir: string;
		limits: AttachmentLimits;
	}
): Promise<AddAttachmentResult> {
	const checked = await checkAttachment(input.bytes, input.sentName, input.limits);
	if (!checked.ok) return checked;
	const fileName = await storeFile(input.dir, input.bytes, checked.fileName.split('.').pop()!);
	const id = randomUUID();
	try {
		const result = await db.transaction().execute(async (trx) => {
			const item = await trx
				.selectFrom('knowledge_items')
				.select('id')
				.where('id', '=', input.itemId)
				.executeTakeFirst();
			if (!item) return { ok: false as const, reason: 'not_found' as const };
			const { count } = await trx
				.selectFrom('knowledge_attachments')
				.select((eb) => eb.fn.countAll<number>().as('count'))
				.where('item_id', '=', input.itemId)
				.executeTakeFirstOrThrow();
			if (Number(count) >= MAX_ATTACHMENTS_PER_ITEM) {
				return { ok: false as const, reason: 'attachment_too_many' as const };
			}
			await trx
				.insertInto('knowledge_attachments')
				.values({
					id,
					item_id: input.itemId,
					file_name: fileName,
					original_name: checked.fileName,
					media_type: checked.mime,
					size: checked.size,
					uploaded_by: input.uploaderId
				})
				.execute();
			return { ok: true as const, id, name: checked.fileName };
		});
		if (!result.ok) await deleteStoredFile(input.dir, fileName);
		return result;
	} catch (error) {
		await deleteStoredFile(input.dir, fileName);
		throw error;
	}
}

/** Removes an attachment of an item (its row, then its file); false when there was none. */
export async function removeAttachment(
	db: DB,
	input: { itemId: string; attachmentId: string; dir: string }
): Promise<boolean> {
	const row = await db
		.deleteFrom('knowledge_attachments')
		.where('id', '=', input.attachmentId)
		.where('item_id', '=', input.itemId)
		.returning('file_name')
		.executeTakeFirst();
	if (!row) return false;
	await deleteStoredFile(input.dir, row.file_name);
	return true;
}

/** The stored names of an item's files, for removing them with the item. */
export async function attachmentFilesOf(db: DB, itemId: string): Promise<string[]> {
	const rows = await db
		.selectFrom('knowledge_attachments')
		.select('file_name')
		.where('item_id', '=', itemId)
		.execute();
	return rows.map((r) => r.file_name);
}
