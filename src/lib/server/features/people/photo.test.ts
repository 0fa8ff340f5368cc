import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { pngClaiming } from '../../testing/images';
import { PHOTO_MAX_BYTES, preparePhoto, sniffImageType } from './photo';

describe('profile photos', () => {
	it('decides the type by the bytes, not the name', async () => {
		const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } })
			.png()
			.toBuffer();
		const jpeg = await sharp(png).jpeg().toBuffer();
		const webp = await sharp(png).webp().toBuffer();
		expect(sniffImageType(png)).toBe('png');
		expect(sniffImageType(jpeg)).toBe('jpeg');
		expect(sniffImageType(webp)).toBe('webp');
		expect(sniffImageType(Buffer.from('#!/bin/sh\nrm -rf /\n'))).toBeNull();
		expect(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
		expect(sniffImageType(Buffer.from('GIF89a'))).toBeNull();
	});

	it('refuses scripts, SVG, decompression bombs, oversized and damaged files', async () => {
		const script = Buffer.from('<?php system($_GET["c"]); ?>');
		const svg = Buffer.from(
			'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect width="9" height="9"/></svg>'
		);
		expect(await preparePhoto(script)).toEqual({ ok: false, reason: 'photo_type' });
		expect(await preparePhoto(svg)).toEqual({ ok: false, reason: 'photo_type' });
		expect(await preparePhoto(await pngClaiming(50_000, 50_000))).toEqual({
			ok: false,
			reason: 'photo_too_many_pixels'
		});
		const big = Buffer.alloc(PHOTO_MAX_BYTES + 1);
		big.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
		expect(await preparePhoto(big)).toEqual({ ok: false, reason: 'photo_too_large' });
		const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#000' } })
			.png()
			.toBuffer();
		expect(await preparePhoto(png.subarray(0, 40))).toEqual({
			ok: false,
			reason: 'photo_unreadable'
		});
	});

	it('makes a square WebP of 400 pixels without the camera data', async () => {
		const jpeg = await sharp({
			create: { width: 1200, height: 800, channels: 3, background: '#b44b12' }
		})
			.jpeg()
			.withMetadata({ exif: { IFD0: { Copyright: 'Geheim', ImageDescription: 'Thuisadres' } } })
			.toBuffer();
		expect((await sharp(jpeg).metadata()).exif).toBeDefined();
		const prepared = await preparePhoto(jpeg);
		expect(prepared.ok).toBe(true);
		if (!prepared.ok) return;
		const meta = await sharp(prepared.data).metadata();
		expect(meta).toMatchObject({ format: 'webp', width: 400, height: 400 });
		expect(meta.exif).toBeUndefined();
		expect(meta.xmp).toBeUndefined();
		expect(prepared.data.includes(Buffer.from('Geheim'))).toBe(false);
	});
});
