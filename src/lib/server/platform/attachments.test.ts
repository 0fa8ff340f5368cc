import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { makeDocx, makeDocxBomb, makeOdt, makeZip } from '../testing/zip';
import {
	attachmentDisposition,
	checkAttachment,
	cleanFileName,
	DEFAULT_ATTACHMENT_LIMITS,
	downloadHeaders
} from './attachments';

const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n');

describe('attachments', () => {
	it('recognises documents and pictures by their bytes, whatever they are called', async () => {
		const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } })
			.png()
			.toBuffer();
		const cases: [Buffer, string, string][] = [
			[pdf, 'rapport.pdf', 'pdf'],
			[pdf, 'rapport', 'pdf'],
			[makeDocx(), 'verslag.docx', 'docx'],
			[makeOdt(), 'notitie.odt', 'odt'],
			[
				makeZip([
					{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
					{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }
				]),
				'cijfers.xlsx',
				'xlsx'
			],
			[png, 'foto.PNG', 'png']
		];
		for (const [bytes, name, type] of cases) {
			const result = await checkAttachment(bytes, name);
			expect(result, name).toMatchObject({ ok: true, type });
		}
		expect(await checkAttachment(pdf, 'rapport')).toMatchObject({ fileName: 'rapport.pdf' });
	});

	it('refuses scripts, SVG, plain zips and files whose bytes do not match their name', async () => {
		const refused: [Buffer, string, string][] = [
			[Buffer.from('#!/bin/sh\nrm -rf /\n'), 'foto.png', 'attachment_type'],
			[Buffer.from('<script>alert(1)</script>'), 'rapport.pdf', 'attachment_type'],
			[
				Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
				'logo.svg',
				'attachment_type'
			],
			[Buffer.from('MZ\x90\x00'), 'setup.exe', 'attachment_type'],
			[makeZip([{ name: 'a.txt', data: Buffer.from('a') }]), 'archief.zip', 'attachment_type'],
			[pdf, 'verslag.docx', 'attachment_mismatch'],
			[makeDocx(), 'rapport.pdf', 'attachment_mismatch'],
			[Buffer.alloc(0), 'leeg.pdf', 'attachment_empty'],
			[Buffer.from('PK\x03\x04 this is not really a zip'), 'kapot.docx', 'attachment_unreadable']
		];
		for (const [bytes, name, reason] of refused) {
			expect(await checkAttachment(bytes, name), name).toEqual({ ok: false, reason });
		}
	});

	it('refuses a document that would unpack past the limit, or with macros', async () => {
		const bomb = makeDocxBomb(25);
		expect(bomb.length).toBeLessThan(1024 * 1024);
		expect(await checkAttachment(bomb, 'verslag.docx')).toEqual({
			ok: false,
			reason: 'attachment_unpacks_too_large'
		});
		expect(await checkAttachment(makeDocxBomb(2), 'verslag.docx')).toMatchObject({ ok: true });
		const macros = makeDocx([{ name: 'word/vbaProject.bin', data: Buffer.from('macro') }]);
		expect(await checkAttachment(macros, 'verslag.docx')).toEqual({
			ok: false,
			reason: 'attachment_macros'
		});
	});

	it('refuses a file over the size limit', async () => {
		const limits = { ...DEFAULT_ATTACHMENT_LIMITS, maxBytes: 1000 };
		const big = Buffer.concat([pdf, Buffer.alloc(1000)]);
		expect(await checkAttachment(big, 'groot.pdf', limits)).toEqual({
			ok: false,
			reason: 'attachment_too_large'
		});
	});

	it('cleans names of folders, control characters and direction overrides', () => {
		expect(cleanFileName('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
		expect(cleanFileName('C:\\Users\\anna\\Verslag juni.pdf', 'pdf')).toBe('Verslag juni.pdf');
		expect(cleanFileName('rapport\u0000.pdf', 'pdf')).toBe('rapport.pdf');
		expect(cleanFileName('foto\u202Egnp.exe', 'png')).toBe('fotognp.exe.png');
		expect(cleanFileName('...', 'docx')).toBe('bijlage.docx');
		expect(cleanFileName('a"b<c>.docx', 'docx')).toBe('a_b_c_.docx');
		expect(cleanFileName('x'.repeat(500) + '.pdf', 'pdf')).toHaveLength(104);
		expect(cleanFileName('Coöperatie in één regio.pdf', 'pdf')).toBe('Coöperatie in één regio.pdf');
	});

	it('serves a download that is never run: attachment, nosniff, sandbox', () => {
		expect(attachmentDisposition('Coöperatie "x".pdf')).toBe(
			`attachment; filename="Cooperatie _x_.pdf"; filename*=UTF-8''Co%C3%B6peratie%20%22x%22.pdf`
		);
		const headers = downloadHeaders('a.pdf', 'application/pdf', 12);
		expect(headers['x-content-type-options']).toBe('nosniff');
		expect(headers['content-security-policy']).toContain('sandbox');
		expect(headers['content-disposition']).toMatch(/^attachment;/);
	});
});
