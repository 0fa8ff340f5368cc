import { crc32 } from 'node:zlib';
import sharp from 'sharp';

/**
 * A real PNG whose header claims another size, with a correct checksum as a crafted file would
 * have: a decompression bomb's calling card (50,000 × 50,000 pixels is 10 GB to decode).
 */
export async function pngClaiming(width: number, height: number): Promise<Buffer> {
	const png = Buffer.from(
		await sharp({ create: { width: 2, height: 2, channels: 3, background: '#17555e' } })
			.png()
			.toBuffer()
	);
	png.writeUInt32BE(width, 16);
	png.writeUInt32BE(height, 20);
	png.writeUInt32BE(crc32(png.subarray(12, 29)) >>> 0, 29);
	return png;
}
