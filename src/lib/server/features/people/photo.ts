import sharp from 'sharp';
import {
	deleteStoredFile,
	isStoredName,
	readStoredFile,
	storeFile,
	uploadsDir
} from '../../platform/files';

/**
 * Profile photos. An upload is trusted for nothing: its type is decided by its first bytes
 * (JPEG, PNG or WebP; an SVG or a script with an image's name is refused), its size in pixels
 * is read from its header before anything is decoded (a PNG that claims 50,000 × 50,000 pixels
 * is refused), and what is stored is a new picture: turned upright, cut to a square of
 * PHOTO_SIZE pixels and encoded as WebP, which leaves every piece of metadata (EXIF, GPS,
 * camera, comments) behind. Files live outside any static folder, under
 * DATA_DIR/uploads/photos, with a random name; pages serve them to signed-in members only.
 */

/** The largest upload accepted, in bytes. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
/** The most pixels an upload may have (a 40-megapixel camera picture). */
export const PHOTO_MAX_PIXELS = 40_000_000;
/** The stored picture is a square of this many pixels. */
export const PHOTO_SIZE = 400;

export type PhotoProblem =
	/** More than PHOTO_MAX_BYTES. */
	| 'photo_too_large'
	/** Not a JPEG, PNG or WebP picture by its bytes. */
	| 'photo_type'
	/** More than PHOTO_MAX_PIXELS, whatever the file size. */
	| 'photo_too_many_pixels'
	/** Looks like a picture but cannot be read (damaged or cut off). */
	| 'photo_unreadable';

export type ImageType = 'jpeg' | 'png' | 'webp';

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
	bytes.length >= offset + signature.length &&
	signature.every((byte, i) => bytes[offset + i] === byte);

/** The picture type by its first bytes, whatever the file is called; null for anything else. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
	if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
	if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
	// RIFF....WEBP
	if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
		return 'webp';
	return null;
}

export type PreparedPhoto = { ok: true; data: Buffer } | { ok: false; reason: PhotoProblem };

/** Checks an upload and makes the picture that is stored (WebP, square, without metadata). */
export async function preparePhoto(bytes: Uint8Array): Promise<PreparedPhoto> {
	if (bytes.length > PHOTO_MAX_BYTES) return { ok: false, reason: 'photo_too_large' };
	const type = sniffImageType(bytes);
	if (!type) return { ok: false, reason: 'photo_type' };
	const options = { limitInputPixels: PHOTO_MAX_PIXELS, failOn: 'error' as const };
	let width: number;
	let height: number;
	try {
		// Reads the header only: the dimensions a file claims are known before decoding it.
		const meta = await sharp(bytes, { ...options, limitInputPixels: false }).metadata();
		if (meta.format !== type) return { ok: false, reason: 'photo_type' };
		width = meta.width ?? 0;
		height = meta.height ?? 0;
	} catch {
		return { ok: false, reason: 'photo_unreadable' };
	}
	if (width * height > PHOTO_MAX_PIXELS) return { ok: false, reason: 'photo_too_many_pixels' };
	if (width < 1 || height < 1) return { ok: false, reason: 'photo_unreadable' };
	try {
		const data = await sharp(bytes, { ...options, autoOrient: true })
			.resize(PHOTO_SIZE, PHOTO_SIZE, { fit: 'cover', position: 'attention' })
			.webp({ quality: 82 })
			.toBuffer();
		return { ok: true, data };
	} catch (error) {
		if (error instanceof Error && /pixel limit/i.test(error.message)) {
			return { ok: false, reason: 'photo_too_many_pixels' };
		}
		return { ok: false, reason: 'photo_unreadable' };
	}
}

/** Where photos live: never in a folder the web server serves by itself. */
export function photosDir(dataDir: string): string {
	return uploadsDir(dataDir, 'photos');
}

/** Only names this module made are ever joined to the folder. */
export function isPhotoName(name: string): boolean {
	return isStoredName(name, 'webp');
}

/** Writes a prepared picture under a new random name (atomically: no half-written file shows). */
export function storePhotoFile(dir: string, data: Buffer): Promise<string> {
	return storeFile(dir, data, 'webp');
}

/** Removes a stored picture; one that is already gone is fine. */
export async function deletePhotoFile(dir: string, name: string | null | undefined): Promise<void> {
	if (name && isPhotoName(name)) await deleteStoredFile(dir, name);
}

/** A stored picture's bytes, or null when there is no such file. */
export function readPhotoFile(dir: string, name: string): Promise<Buffer | null> {
	return isPhotoName(name) ? readStoredFile(dir, name) : Promise.resolve(null);
}
