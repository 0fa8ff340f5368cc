import yauzl from 'yauzl';
import { deleteStoredFile, storeFile } from './files';

/**
 * Attachments (documents and pictures that come with knowledge items and event materials). An
 * upload is trusted for nothing: its type is decided by its bytes, never by its name or the type
 * the browser claims; a zip-based document (Word, Excel, PowerPoint, OpenDocument) is read from
 * its central directory only, and refused when it would unpack past a limit (a zip bomb) or
 * carries macros; the name it is downloaded under is cleaned of paths, control characters and
 * direction overrides, and gets the extension of what the file really is.
 */

export type AttachmentType =
	'pdf' | 'docx' | 'xlsx' | 'pptx' | 'odt' | 'ods' | 'odp' | 'jpeg' | 'png' | 'webp' | 'gif';

export const ATTACHMENT_MIME: Record<AttachmentType, string> = {
	pdf: 'application/pdf',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
	odt: 'application/vnd.oasis.opendocument.text',
	ods: 'application/vnd.oasis.opendocument.spreadsheet',
	odp: 'application/vnd.oasis.opendocument.presentation',
	jpeg: 'image/jpeg',
	png: 'image/png',
	webp: 'image/webp',
	gif: 'image/gif'
};

/** The extensions a name may carry for each type (the first is the one we give it). */
const EXTENSIONS: Record<AttachmentType, string[]> = {
	pdf: ['pdf'],
	docx: ['docx'],
	xlsx: ['xlsx'],
	pptx: ['pptx'],
	odt: ['odt'],
	ods: ['ods'],
	odp: ['odp'],
	jpeg: ['jpg', 'jpeg'],
	png: ['png'],
	webp: ['webp'],
	gif: ['gif']
};

export type AttachmentProblem =
	/** Nothing was uploaded (an empty file). */
	| 'attachment_empty'
	/** More bytes than the limit. */
	| 'attachment_too_large'
	/** Not one of the accepted types by its bytes (a script, an SVG, an executable...). */
	| 'attachment_type'
	/** The name says one accepted type, the bytes are another. */
	| 'attachment_mismatch'
	/** A zip-based document that would unpack past the limit, or with too many parts. */
	| 'attachment_unpacks_too_large'
	/** An Office document with macros. */
	| 'attachment_macros'
	/** Looks like an accepted type but cannot be read (damaged or cut off). */
	| 'attachment_unreadable';

export interface AttachmentLimits {
	/** The largest upload, in bytes. */
	maxBytes: number;
	/** The most a zip-based document may unpack to, in bytes, all parts together. */
	maxUnpackedBytes: number;
	/** The most parts a zip-based document may have. */
	maxEntries: number;
}

export const DEFAULT_ATTACHMENT_LIMITS: AttachmentLimits = {
	maxBytes: 25 * 1024 * 1024,
	maxUnpackedBytes: 200 * 1024 * 1024,
	maxEntries: 5_000
};

export type CheckedAttachment =
	| { ok: true; type: AttachmentType; mime: string; fileName: string; size: number }
	| { ok: false; reason: AttachmentProblem };

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
	bytes.length >= offset + signature.length &&
	signature.every((byte, i) => bytes[offset + i] === byte);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The type by the first bytes; 'zip' for a zip archive that still has to be looked into. */
function sniff(bytes: Uint8Array): AttachmentType | 'zip' | null {
	if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
	if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
	if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
	if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
	if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
	if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
	return null;
}

interface ZipEntryInfo {
	name: string;
	compressedSize: number;
	uncompressedSize: number;
}

type ZipListing =
	| { ok: true; entries: ZipEntryInfo[]; mimetype: string | null }
	| { ok: false; reason: 'attachment_unpacks_too_large' | 'attachment_unreadable' };

/**
 * The parts of a zip archive from its central directory, without unpacking any but the small
 * `mimetype` part of OpenDocument files. Stops as soon as the parts add up past the limits.
 */
function listZip(bytes: Uint8Array, limits: AttachmentLimits): Promise<ZipListing> {
	return new Promise((resolve) => {
		yauzl.fromBuffer(
			Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
			{ lazyEntries: true, validateEntrySizes: true },
			(error, zip) => {
				if (error || !zip) return resolve({ ok: false, reason: 'attachment_unreadable' });
				const entries: ZipEntryInfo[] = [];
				let unpacked = 0;
				let mimetype: string | null = null;
				let settled = false;
				const finish = (result: ZipListing) => {
					if (settled) return;
					settled = true;
					zip.close();
					resolve(result);
				};
				zip.on('error', () => finish({ ok: false, reason: 'attachment_unreadable' }));
				zip.on('end', () => finish({ ok: true, entries, mimetype }));
				zip.on('entry', (entry: yauzl.Entry) => {
					unpacked += entry.uncompressedSize;
					entries.push({
						name: entry.fileName,
						compressedSize: entry.compressedSize,
						uncompressedSize: entry.uncompressedSize
					});
					if (
						entries.length > limits.maxEntries ||
						unpacked > limits.maxUnpackedBytes ||
						zip.entryCount > limits.maxEntries
					) {
						return finish({ ok: false, reason: 'attachment_unpacks_too_large' });
					}
					if (entry.fileName !== 'mimetype' || entry.uncompressedSize > 200) {
						return zip.readEntry();
					}
					zip.openReadStream(entry, (streamError, stream) => {
						if (streamError || !stream)
							return finish({ ok: false, reason: 'attachment_unreadable' });
						const chunks: Buffer[] = [];
						stream.on('data', (chunk: Buffer) => chunks.push(chunk));
						stream.on('error', () => finish({ ok: false, reason: 'attachment_unreadable' }));
						stream.on('end', () => {
							mimetype = Buffer.concat(chunks).toString('ascii').trim();
							zip.readEntry();
						});
					});
				});
				zip.readEntry();
			}
		);
	});
}

const OPENDOCUMENT: Record<string, AttachmentType> = {
	'application/vnd.oasis.opendocument.text': 'odt',
	'application/vnd.oasis.opendocument.spreadsheet': 'ods',
	'application/vnd.oasis.opendocument.presentation': 'odp'
};

/** Which document a zip archive is, by its parts; null for any other zip. */
function zipDocumentType(
	names: Set<string>,
	mimetype: string | null
): AttachmentType | 'macros' | null {
	if (mimetype && OPENDOCUMENT[mimetype]) {
		if ([...names].some((n) => n.startsWith('Basic/') || n.startsWith('Scripts/'))) return 'macros';
		return OPENDOCUMENT[mimetype];
	}
	if (!names.has('[Content_Types].xml')) return null;
	if ([...names].some((n) => /(^|\/)vbaProject\.bin$/i.test(n))) return 'macros';
	if (names.has('word/document.xml')) return 'docx';
	if (names.has('xl/workbook.xml')) return 'xlsx';
	if (names.has('ppt/presentation.xml')) return 'pptx';
	return null;
}

// Characters that never belong in a file name: C0/C1 controls and the bidirectional overrides and
// isolates that make "gpj.exe" read as "exe.jpg".
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const RESERVED = /[<>:"/\\|?*]/g;

/**
 * A name to download the file under: the last part of what was sent (no folders), without
 * control characters, direction overrides or characters that file systems refuse, at most 120
 * characters, and ending in the extension of what the file really is.
 */
export function cleanFileName(sent: string, type: AttachmentType): string {
	const lastPart = sent.split(/[/\\]/).pop() ?? '';
	let base = lastPart
		.normalize('NFC')
		.replace(UNSAFE_CHARACTERS, '')
		.replace(RESERVED, '_')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/^\.+/, '');
	const dot = base.lastIndexOf('.');
	const extension = dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
	if (EXTENSIONS[type].includes(extension)) base = base.slice(0, dot);
	base = base.replace(/[. ]+$/, '').slice(0, 100) || 'bijlage';
	return `${base}.${EXTENSIONS[type][0]}`;
}

/** The extension a sent name claims, when it is one of the accepted types'. */
function claimedType(sent: string): AttachmentType | null {
	const match = /\.([a-z0-9]{1,5})\s*$/i.exec(sent);
	if (!match) return null;
	const extension = (match[1] ?? '').toLowerCase();
	for (const [type, extensions] of Object.entries(EXTENSIONS)) {
		if (extensions.includes(extension)) return type as AttachmentType;
	}
	return null;
}

/** Decides what an upload is, and whether it is accepted. */
export async function checkAttachment(
	bytes: Uint8Array,
	sentName: string,
	limits: AttachmentLimits = DEFAULT_ATTACHMENT_LIMITS
): Promise<CheckedAttachment> {
	if (bytes.length === 0) return { ok: false, reason: 'attachment_empty' };
	if (bytes.length > limits.maxBytes) return { ok: false, reason: 'attachment_too_large' };
	const sniffed = sniff(bytes);
	if (!sniffed) return { ok: false, reason: 'attachment_type' };
	let type: AttachmentType;
	if (sniffed === 'zip') {
		const listing = await listZip(bytes, limits);
		if (!listing.ok) return listing;
		const names = new Set(listing.entries.map((e) => e.name));
		const document = zipDocumentType(names, listing.mimetype);
		if (document === 'macros') return { ok: false, reason: 'attachment_macros' };
		if (!document) return { ok: false, reason: 'attachment_type' };
		type = document;
	} else {
		type = sniffed;
	}
	const claimed = claimedType(sentName);
	if (claimed && claimed !== type) return { ok: false, reason: 'attachment_mismatch' };
	return {
		ok: true,
		type,
		mime: ATTACHMENT_MIME[type],
		fileName: cleanFileName(sentName, type),
		size: bytes.length
	};
}

/**
 * `Content-Disposition` for a download: always an attachment, with a plain ASCII name for old
 * clients and the real name encoded (RFC 6266 / RFC 5987) for the rest.
 */
export function attachmentDisposition(fileName: string): string {
	const fallback =
		fileName
			.normalize('NFD')
			.replace(/[\u0300-\u036f]/g, '')
			.replace(/[^\x20-\x7e]/g, '_')
			.replace(/["\\]/g, '_') || 'bijlage';
	const encoded = encodeURIComponent(fileName).replace(
		/['()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
	);
	return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** The headers every stored file is served with: a download that is never run or sniffed. */
export function downloadHeaders(
	fileName: string,
	mime: string,
	size: number
): Record<string, string> {
	return {
		'content-type': mime,
		'content-length': String(size),
		'content-disposition': attachmentDisposition(fileName),
		'x-content-type-options': 'nosniff',
		'content-security-policy': "default-src 'none'; sandbox",
		'cache-control': 'private, max-age=0, must-revalidate'
	};
}

export type Accepted = Extract<CheckedAttachment, { ok: true }> & { storedName: string };

/**
 * An upload from check to row: checks it, writes the file under a new name in `dir`, then lets
 * `record` write what refers to it (in its own transaction). When `record` refuses or throws,
 * the file goes again, so nothing half-stored remains.
 */
export async function storeUpload<R extends { ok: boolean }>(
	input: { bytes: Uint8Array; sentName: string; dir: string; limits: AttachmentLimits },
	record: (file: Accepted) => Promise<R>
): Promise<R | { ok: false; reason: AttachmentProblem }> {
	const checked = await checkAttachment(input.bytes, input.sentName, input.limits);
	if (!checked.ok) return checked;
	const storedName = await storeFile(input.dir, input.bytes, checked.fileName.split('.').pop()!);
	try {
		const result = await record({ ...checked, storedName });
		if (!result.ok) await deleteStoredFile(input.dir, storedName);
		return result;
	} catch (error) {
		await deleteStoredFile(input.dir, storedName);
		throw error;
	}
}
