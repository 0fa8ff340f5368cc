import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { seedReference } from '../../db/seed/reference';
import { prepareDatabase } from '../../db/setup';
import { checkAttachment, DEFAULT_ATTACHMENT_LIMITS } from '../../platform/attachments';
import { readStoredFile, uploadsDir } from '../../platform/files';
import { DIALECTS, migratedDatabase, type TestDatabase } from '../../testing/db';
import { addNetworkMember, buildMember, buildNetwork } from '../../testing/factories';
import { makeDocx, makeDocxBomb } from '../../testing/zip';
import { createItem } from '../knowledge/mutations';
import { knowledgeInputSchema } from '../knowledge/schema';
import type { Viewer } from '../viewer';
import sharp from 'sharp';
import {
	addAttachment,
	MAX_ATTACHMENTS_PER_ITEM,
	removeAttachment,
	removeCover,
	setCoverFromAttachment
} from './mutations';
import { attachmentForViewer, attachmentsOf, coverForViewer } from './queries';

type Member = Awaited<ReturnType<typeof buildMember>>;
const viewerOf = (m: Member): Viewer => ({ kind: 'member', userId: m.id, role: m.role });
const pdf = Buffer.from('%PDF-1.7\n%%EOF\n');

describe.each(DIALECTS)('attachments on %s', (dialect) => {
	let handle: TestDatabase;
	let dir: string;

	afterEach(async () => {
		await handle?.destroy();
		if (dir) fs.rmSync(dir, { recursive: true, force: true });
	});

	async function setup() {
		handle = await migratedDatabase(dialect);
		await seedReference(handle.db);
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kn-attachments-'));
		const db = handle.db;
		const author = await buildMember(db, { name: 'Anke Auteur' });
		const reader = await buildMember(db, { name: 'Lezer Elders' });
		const insider = await buildMember(db, { name: 'Netwerk Lid' });
		const network = await buildNetwork(db, { name: 'Binnenkring', visibility: 'members' });
		await addNetworkMember(db, network.id, insider.id);
		const make = async (overrides: Record<string, unknown>, publish = true) => {
			const created = await createItem(db, {
				writerId: author.id,
				publish,
				input: knowledgeInputSchema.parse({
					kind: 'publication',
					title: `Publicatie ${Math.random()}`,
					summary: 'Een publicatie met een bestand.',
					body: 'Zie de bijlage.',
					themes: ['financiering'],
					provinces: ['NL-UT'],
					visibility: 'public',
					...overrides
				})
			});
			if (!created.ok) throw new Error(created.reason);
			return created;
		};
		const add = (itemId: string, bytes: Uint8Array, sentName: string) =>
			addAttachment(db, {
				itemId,
				uploaderId: author.id,
				bytes,
				sentName,
				dir,
				limits: DEFAULT_ATTACHMENT_LIMITS
			});
		return { db, author, reader, insider, network, make, add };
	}

	const storedFiles = () => (fs.existsSync(dir) ? fs.readdirSync(dir) : []);

	it('stores a checked file under a new name and lists it by its clean name', async () => {
		const { db, make, add } = await setup();
		const item = await make({});
		const added = await add(item.id, pdf, '../../Rapport juni\u202E.pdf');
		expect(added).toMatchObject({ ok: true, name: 'Rapport juni.pdf' });
		expect(await add(item.id, makeDocx(), 'verslag.docx')).toMatchObject({ ok: true });
		const list = await attachmentsOf(db, item.id);
		// Two uploads within one millisecond may list in either order.
		expect(list.map((a) => [a.name, a.mediaType, a.size]).sort()).toEqual([
			['Rapport juni.pdf', 'application/pdf', pdf.length],
			[
				'verslag.docx',
				'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
				makeDocx().length
			]
		]);
		const files = storedFiles();
		expect(files).toHaveLength(2);
		for (const name of files) expect(name).toMatch(/^[0-9a-f-]{36}\.(pdf|docx)$/);
	});

	it('refuses fakes and bombs and stores nothing', async () => {
		const { db, make, add } = await setup();
		const item = await make({});
		expect(await add(item.id, Buffer.from('<script>alert(1)</script>'), 'x.pdf')).toEqual({
			ok: false,
			reason: 'attachment_type'
		});
		expect(await add(item.id, makeDocxBomb(25), 'bom.docx')).toEqual({
			ok: false,
			reason: 'attachment_unpacks_too_large'
		});
		expect(await add('bestaat-niet', pdf, 'a.pdf')).toEqual({ ok: false, reason: 'not_found' });
		expect(await attachmentsOf(db, item.id)).toEqual([]);
		expect(storedFiles()).toEqual([]);
	});

	it('stops at the most attachments an item may carry, keeping no extra file', async () => {
		const { make, add } = await setup();
		const item = await make({});
		for (let i = 0; i < MAX_ATTACHMENTS_PER_ITEM; i++) {
			expect((await add(item.id, pdf, `deel ${i}.pdf`)).ok).toBe(true);
		}
		expect(await add(item.id, pdf, 'een te veel.pdf')).toEqual({
			ok: false,
			reason: 'attachment_too_many'
		});
		expect(storedFiles()).toHaveLength(MAX_ATTACHMENTS_PER_ITEM);
	});

	it('serves a file only to those who may see its item', async () => {
		const { db, author, reader, insider, network, make, add } = await setup();
		const cases = [
			{ item: await make({ visibility: 'public' }), visitor: true, reader: true, insider: true },
			{ item: await make({ visibility: 'members' }), visitor: false, reader: true, insider: true },
			{
				item: await make({ visibility: 'network', network: network.slug }),
				visitor: false,
				reader: false,
				insider: true
			},
			{ item: await make({}, false), visitor: false, reader: false, insider: false }
		];
		for (const c of cases) {
			const added = await add(c.item.id, pdf, 'bestand.pdf');
			if (!added.ok) throw new Error(added.reason);
			const sees = async (viewer: Viewer) =>
				Boolean(
					await attachmentForViewer(db, { viewer, slug: c.item.slug, attachmentId: added.id })
				);
			expect(await sees({ kind: 'visitor' })).toBe(c.visitor);
			expect(await sees(viewerOf(reader))).toBe(c.reader);
			expect(await sees(viewerOf(insider))).toBe(c.insider);
			expect(await sees(viewerOf(author))).toBe(true);
			// The id alone is not enough: it must belong to the item in the address.
			const other = cases.find((o) => o !== c)!.item;
			expect(
				await attachmentForViewer(db, {
					viewer: viewerOf(author),
					slug: other.slug,
					attachmentId: added.id
				})
			).toBeUndefined();
		}
	});

	it('removes an attachment with its file', async () => {
		const { db, make, add } = await setup();
		const item = await make({});
		const added = await add(item.id, pdf, 'weg.pdf');
		if (!added.ok) throw new Error(added.reason);
		expect(await removeAttachment(db, { itemId: item.id, attachmentId: added.id, dir })).toBe(true);
		expect(await removeAttachment(db, { itemId: item.id, attachmentId: added.id, dir })).toBe(
			false
		);
		expect(await attachmentsOf(db, item.id)).toEqual([]);
		expect(storedFiles()).toEqual([]);
	});

	it('gives the demo publications a real PDF each, once', async () => {
		handle = await migratedDatabase(dialect);
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kn-attachments-demo-'));
		const config = {
			seedDemo: true,
			adminEmail: undefined,
			adminPassword: undefined,
			demoPassword: 'demo-wachtwoord-voor-de-test',
			dataDir: dir
		};
		expect((await prepareDatabase(handle.db, config)).ok).toBe(true);
		expect((await prepareDatabase(handle.db, config)).ok).toBe(true);
		const rows = await handle.db
			.selectFrom('knowledge_attachments as a')
			.innerJoin('knowledge_items as k', 'k.id', 'a.item_id')
			.select(['a.file_name', 'a.original_name', 'k.kind'])
			.execute();
		expect(rows).toHaveLength(3);
		for (const row of rows) {
			expect(row.kind).toBe('publication');
			const bytes = await readStoredFile(uploadsDir(dir, 'attachments'), row.file_name);
			expect(await checkAttachment(bytes!, row.original_name)).toMatchObject({
				ok: true,
				type: 'pdf'
			});
		}
	});

	it('makes a picture attachment the cover: 1200 × 630 WebP without metadata, as visible as the item', async () => {
		const { db, reader, make, add } = await setup();
		const covers = path.join(dir, 'covers');
		const item = await make({ visibility: 'members' });
		const photo = await sharp({
			create: { width: 2400, height: 1600, channels: 3, background: '#17555e' }
		})
			.jpeg()
			.withExif({ IFD0: { Copyright: 'Geheim', Artist: 'Anke Auteur' } })
			.toBuffer();
		const picture = await add(item.id, photo, 'bouwplaats.jpg');
		const document = await add(item.id, pdf, 'verslag.pdf');
		if (!picture.ok || !document.ok) throw new Error('upload refused');
		const cover = (attachmentId: string) =>
			setCoverFromAttachment(db, {
				itemId: item.id,
				attachmentId,
				attachmentsDir: dir,
				coversDir: covers
			});
		expect(await cover(document.id)).toEqual({ ok: false, reason: 'cover_not_image' });
		const first = await cover(picture.id);
		if (!first.ok) throw new Error(first.reason);
		const stored = fs.readFileSync(path.join(covers, first.name));
		const meta = await sharp(stored).metadata();
		expect([meta.format, meta.width, meta.height, meta.exif]).toEqual([
			'webp',
			1200,
			630,
			undefined
		]);
		expect(stored.includes(Buffer.from('Geheim'))).toBe(false);

		expect(await coverForViewer(db, { viewer: { kind: 'visitor' }, slug: item.slug })).toBeNull();
		expect(await coverForViewer(db, { viewer: viewerOf(reader), slug: item.slug })).toBe(
			first.name
		);
		// A new cover replaces the old file; taking it away leaves the attachment.
		const second = await cover(picture.id);
		if (!second.ok) throw new Error(second.reason);
		expect(fs.readdirSync(covers)).toEqual([second.name]);
		await removeCover(db, { itemId: item.id, coversDir: covers });
		expect(fs.readdirSync(covers)).toEqual([]);
		expect(await coverForViewer(db, { viewer: viewerOf(reader), slug: item.slug })).toBeNull();
		expect(await attachmentsOf(db, item.id)).toHaveLength(2);
	});
});
