import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Uploaded files on local disk (photos, attachments): each under a new random name in a folder
 * below DATA_DIR/uploads that the web server never serves by itself, written atomically (a
 * half-written file never shows), and only ever looked up by a name this module made.
 */

const STORED_NAME = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[a-z0-9]{1,5}$/;

/** The folder of one kind of upload. */
export function uploadsDir(dataDir: string, kind: 'photos' | 'attachments' | 'covers'): string {
	return path.join(dataDir, 'uploads', kind);
}

/** Whether a name is one this module could have made (so joining it to a folder is safe). */
export function isStoredName(name: string, extension?: string): boolean {
	return STORED_NAME.test(name) && (!extension || name.endsWith(`.${extension}`));
}

/** Writes bytes under a new random name with the given extension; the name. */
export async function storeFile(dir: string, data: Uint8Array, extension: string): Promise<string> {
	if (!/^[a-z0-9]{1,5}$/.test(extension)) throw new Error(`Bad extension: ${extension}`);
	await fs.mkdir(dir, { recursive: true });
	const name = `${randomUUID()}.${extension}`;
	const target = path.join(dir, name);
	const temporary = `${target}.${process.pid}.tmp`;
	await fs.writeFile(temporary, data, { mode: 0o640 });
	await fs.rename(temporary, target);
	return name;
}

/** Removes a stored file; one that is already gone is fine. */
export async function deleteStoredFile(
	dir: string,
	name: string | null | undefined
): Promise<void> {
	if (!name || !isStoredName(name)) return;
	await fs.rm(path.join(dir, name), { force: true });
}

/** A stored file's bytes, or null when there is no such file. */
export async function readStoredFile(dir: string, name: string): Promise<Buffer | null> {
	if (!isStoredName(name)) return null;
	try {
		return await fs.readFile(path.join(dir, name));
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
		throw error;
	}
}
