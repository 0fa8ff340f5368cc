import { addAttachment } from '../../features/attachments/mutations';
import { DEFAULT_ATTACHMENT_LIMITS } from '../../platform/attachments';
import type { DB } from '../index';

/**
 * The demo's publications come with a file, as publications usually do: a short PDF made here
 * (title and a few lines), attached through the attachments feature so it is checked and stored
 * as any upload. Only publications without attachments get one, so it runs once.
 */

const FILES: { title: string; name: string; lines: string[] }[] = [
	{
		title: 'Handreiking regionaal accountmanagement',
		name: 'Handreiking regionaal accountmanagement.pdf',
		lines: [
			'Handreiking regionaal accountmanagement',
			'1. Spreek per bedrijf een vast aanspreekpunt af.',
			'2. Deel bezoekverslagen met de partners in de regio.',
			'3. Meet wat ondernemers met de hulp deden.'
		]
	},
	{
		title: 'Monitor brede mkb 2024',
		name: 'Monitor brede mkb 2024.pdf',
		lines: [
			'Monitor brede mkb 2024',
			'Samenvatting van de cijfers per provincie.',
			'Bron: gegevens van de deelnemende regio s.'
		]
	},
	{
		title: 'Factsheet: ondersteuning bij internationaal ondernemen',
		name: 'Factsheet internationaal ondernemen.pdf',
		lines: [
			'Factsheet internationaal ondernemen',
			'Waar kan een ondernemer terecht met vragen over export?',
			'Regionale loketten, de KVK en RVO werken samen.'
		]
	}
];

/** A small, valid PDF with one page of text (Helvetica, plain ASCII). */
export function makePdf(lines: string[]): Buffer {
	const escape = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`);
	const text = lines
		.map(
			(line, i) => `BT /F1 ${i === 0 ? 16 : 11} Tf 56 ${780 - i * 24} Td (${escape(line)}) Tj ET`
		)
		.join('\n');
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		`<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'
	];
	let body = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((object, i) => {
		offsets.push(Buffer.byteLength(body, 'latin1'));
		body += `${i + 1} 0 obj\n${object}\nendobj\n`;
	});
	const xref = Buffer.byteLength(body, 'latin1');
	body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
	body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(body, 'latin1');
}

/** Attaches the demo files to their publications; the number attached. */
export async function seedDemoAttachments(db: DB, dir: string): Promise<number> {
	let attached = 0;
	for (const file of FILES) {
		const item = await db
			.selectFrom('knowledge_items')
			.select('id')
			.where('title', '=', file.title)
			.where('kind', '=', 'publication')
			.executeTakeFirst();
		if (!item) continue;
		const existing = await db
			.selectFrom('knowledge_attachments')
			.select('id')
			.where('item_id', '=', item.id)
			.executeTakeFirst();
		if (existing) continue;
		const author = await db
			.selectFrom('knowledge_item_authors')
			.select('user_id')
			.where('item_id', '=', item.id)
			.orderBy('position')
			.executeTakeFirst();
		const result = await addAttachment(db, {
			itemId: item.id,
			uploaderId: author?.user_id ?? null,
			bytes: makePdf(file.lines),
			sentName: file.name,
			dir,
			limits: DEFAULT_ATTACHMENT_LIMITS
		});
		if (!result.ok) throw new Error(`Demo attachment refused: ${file.name} (${result.reason})`);
		attached++;
	}
	return attached;
}
