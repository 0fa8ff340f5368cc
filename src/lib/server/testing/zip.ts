import { crc32, deflateRawSync } from 'node:zlib';

/**
 * Zip archives made in tests: Office and OpenDocument files, and the malicious ones (a bomb that
 * unpacks to hundreds of megabytes). Each part is deflated unless `store` is set; `compressed`
 * reuses bytes deflated once, so a bomb of many identical parts costs nothing to make.
 */
export interface ZipPart {
	name: string;
	data?: Buffer;
	store?: boolean;
	/** Already deflated bytes with the size and checksum of what they unpack to. */
	compressed?: { bytes: Buffer; size: number; crc: number };
}

export function makeZip(parts: ZipPart[]): Buffer {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const part of parts) {
		const name = Buffer.from(part.name, 'utf8');
		const data = part.data ?? Buffer.alloc(0);
		const method = part.compressed ? 8 : part.store ? 0 : 8;
		const body = part.compressed?.bytes ?? (method === 8 ? deflateRawSync(data) : data);
		const size = part.compressed?.size ?? data.length;
		const crc = part.compressed?.crc ?? crc32(data) >>> 0;

		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(0x0800, 6); // names in UTF-8
		local.writeUInt16LE(method, 8);
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(body.length, 18);
		local.writeUInt32LE(size, 22);
		local.writeUInt16LE(name.length, 26);
		locals.push(local, name, body);

		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(0x0800, 8);
		central.writeUInt16LE(method, 10);
		central.writeUInt32LE(crc, 16);
		central.writeUInt32LE(body.length, 20);
		central.writeUInt32LE(size, 24);
		central.writeUInt16LE(name.length, 28);
		central.writeUInt32LE(offset, 42);
		centrals.push(central, name);
		offset += local.length + name.length + body.length;
	}
	const directory = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(parts.length, 8);
	end.writeUInt16LE(parts.length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES = Buffer.from(
	'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
);

/** A minimal Word document (enough to be recognised by its parts). */
export function makeDocx(extra: ZipPart[] = []): Buffer {
	return makeZip([
		{ name: '[Content_Types].xml', data: CONTENT_TYPES },
		{ name: 'word/document.xml', data: Buffer.from('<w:document/>') },
		...extra
	]);
}

/** A minimal OpenDocument text, with its `mimetype` first and stored, as the standard asks. */
export function makeOdt(): Buffer {
	return makeZip([
		{ name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.text'), store: true },
		{ name: 'content.xml', data: Buffer.from('<office:document-content/>') }
	]);
}

/** A Word document whose parts unpack to `parts` × 10 MB of zeros (a zip bomb). */
export function makeDocxBomb(parts: number): Buffer {
	const zeros = Buffer.alloc(10 * 1024 * 1024);
	const compressed = { bytes: deflateRawSync(zeros), size: zeros.length, crc: crc32(zeros) >>> 0 };
	return makeDocx(
		Array.from({ length: parts }, (_, i) => ({ name: `word/media/part${i}.bin`, compressed }))
	);
}
