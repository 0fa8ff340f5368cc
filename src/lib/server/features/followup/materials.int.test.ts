import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../db';
import { seedReference } from '../../db/seed/reference';
import { DEFAULT_ATTACHMENT_LIMITS } from '../../platform/attachments';
import { readStoredFile } from '../../platform/files';
import { DIALECTS, migratedDatabase, type TestDatabase } from '../../testing/db';
import { buildMember } from '../../testing/factories';
import { VISITOR, type Viewer } from '../viewer';
import { addMaterial, removeMaterial, saveEvaluation, setMaterialsSettings } from './mutations';
import {
	evaluationSummary,
	followupForList,
	followupOf,
	isParticipant,
	materialForViewer,
	materialsFor,
	myEvaluation
} from './queries';

const ORIGIN = 'https://kennisnetwerk.example';
const pdf = Buffer.from('%PDF-1.7\n%%EOF\n');
const viewerOf = (id: string): Viewer => ({ kind: 'member', userId: id, role: 'member' });

/** A past members' event, with registrations in the given states. */
async function buildEvent(db: DB, createdBy: string) {
	const format = await db.selectFrom('event_formats').select('id').executeTakeFirstOrThrow();
	const id = randomUUID();
	await db
		.insertInto('events')
		.values({
			id,
			slug: `bijeenkomst-${id.slice(0, 8)}`,
			format_id: format.id,
			title: 'Leerbijeenkomst na afloop',
			summary: 'Een bijeenkomst die voorbij is.',
			organiser_kind: 'platform',
			network_id: null,
			visibility: 'members',
			starts_at: '2026-01-10T09:00:00.000Z',
			ends_at: '2026-01-10T11:00:00.000Z',
			location_kind: 'online',
			capacity: 10,
			registration_opens_at: null,
			registration_closes_at: null,
			created_by: createdBy
		})
		.execute();
	return id;
}

async function register(
	db: DB,
	eventId: string,
	userId: string,
	status: 'registered' | 'waitlisted',
	attended = false
) {
	await db
		.insertInto('event_registrations')
		.values({
			id: randomUUID(),
			event_id: eventId,
			user_id: userId,
			guest_name: null,
			guest_email: null,
			guest_organisation: null,
			status,
			queue_number: status === 'waitlisted' ? 1 : null,
			token: randomUUID(),
			attended,
			promoted_at: null
		})
		.execute();
}

describe.each(DIALECTS)('event materials on %s', (dialect) => {
	let handle: TestDatabase;
	let db: DB;
	let dir: string;
	let eventId: string;
	let participant: Viewer;
	let waiting: Viewer;
	let outsider: Viewer;
	let participantEmail: string;

	const upload = (bytes: Uint8Array, sentName: string) =>
		addMaterial(db, {
			eventId,
			uploaderId: null,
			bytes,
			sentName,
			dir,
			limits: DEFAULT_ATTACHMENT_LIMITS,
			origin: ORIGIN
		});
	const mails = () =>
		db
			.selectFrom('mail_outbox')
			.select(['to_address', 'subject', 'text_body'])
			.where('kind', '=', 'event-materials')
			.orderBy('to_address')
			.execute();

	beforeAll(async () => {
		handle = await migratedDatabase(dialect);
		db = handle.db;
		await seedReference(db);
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kn-materials-'));
		const organiser = await buildMember(db, { role: 'editor' });
		const a = await buildMember(db);
		const b = await buildMember(db);
		const c = await buildMember(db);
		participantEmail = a.email;
		eventId = await buildEvent(db, organiser.id);
		await register(db, eventId, a.id, 'registered', true);
		await register(db, eventId, b.id, 'waitlisted');
		participant = viewerOf(a.id);
		waiting = viewerOf(b.id);
		outsider = viewerOf(c.id);
	});
	afterAll(async () => {
		await handle?.destroy();
		if (dir) fs.rmSync(dir, { recursive: true, force: true });
	});

	it('refuses a script and keeps nothing of it; no one is told', async () => {
		const result = await upload(Buffer.from('#!/bin/sh\nrm -rf /\n'), 'slides.pdf');
		expect(result).toEqual({ ok: false, reason: 'attachment_type' });
		expect(fs.readdirSync(dir)).toEqual([]);
		expect(await materialsFor(db, { eventId, viewer: outsider, manage: true })).toEqual([]);
		expect(await mails()).toEqual([]);
	});

	it('stores a file, tells the participants once, and shows it only to participants', async () => {
		const first = await upload(pdf, '../../etc/presentatie.pdf');
		expect(first.ok).toBe(true);
		if (!first.ok) return;
		expect(first.name).toBe('presentatie.pdf');
		expect(first.notified).toBe(1);
		const sent = await mails();
		expect(sent.map((m) => m.to_address)).toEqual([participantEmail]);
		expect(sent[0]!.text_body).toContain(`${ORIGIN}/evenementen/bijeenkomst-`);

		// A second file tells no one again.
		const second = await upload(pdf, 'verslag.pdf');
		expect(second.ok && second.notified).toBe(0);
		expect(await mails()).toHaveLength(1);

		expect(await isParticipant(db, eventId, participant)).toBe(true);
		expect(await isParticipant(db, eventId, waiting)).toBe(false);
		const names = async (viewer: Viewer, manage = false) =>
			(await materialsFor(db, { eventId, viewer, manage })).map((m) => m.name);
		expect(await names(participant)).toEqual(['presentatie.pdf', 'verslag.pdf']);
		expect(await names(waiting)).toEqual([]);
		expect(await names(outsider)).toEqual([]);
		expect(await names(VISITOR)).toEqual([]);
		expect(await names(outsider, true)).toHaveLength(2);

		const found = await materialForViewer(db, {
			eventId,
			materialId: first.id,
			viewer: participant,
			manage: false
		});
		expect(found?.name).toBe('presentatie.pdf');
		expect(await readStoredFile(dir, found!.fileName)).toEqual(pdf);
		expect(
			await materialForViewer(db, {
				eventId,
				materialId: first.id,
				viewer: outsider,
				manage: false
			})
		).toBeUndefined();
		// The file is not reachable through another event.
		expect(
			await materialForViewer(db, {
				eventId: randomUUID(),
				materialId: first.id,
				viewer: participant,
				manage: true
			})
		).toBeUndefined();
	});

	it('counts on the calendar only the files a viewer may download', async () => {
		const count = async (viewer: Viewer) =>
			(await followupForList(db, [eventId], viewer)).get(eventId)!.materials;
		const editor: Viewer = { kind: 'member', userId: 'redactie', role: 'editor' };
		expect(await count(participant)).toBe(2);
		expect(await count(editor)).toBe(2);
		expect(await count(waiting)).toBe(0);
		expect(await count(outsider)).toBe(0);
		expect(await count(VISITOR)).toBe(0);
	});

	it('shared with all members: any member sees them, visitors still do not', async () => {
		const saved = await setMaterialsSettings(db, {
			eventId,
			visibility: 'members',
			recordingUrl: 'https://video.example.org/opname',
			origin: ORIGIN
		});
		// The participants were told already (by the first file): the link sends nothing more.
		expect(saved).toEqual({ ok: true, notified: 0 });
		expect(await followupOf(db, eventId)).toEqual({
			materialsVisibility: 'members',
			recordingUrl: 'https://video.example.org/opname'
		});
		expect(await materialsFor(db, { eventId, viewer: outsider, manage: false })).toHaveLength(2);
		expect(await materialsFor(db, { eventId, viewer: VISITOR, manage: false })).toEqual([]);
	});

	it('removes a file with its stored bytes', async () => {
		const [file] = await materialsFor(db, { eventId, viewer: outsider, manage: true });
		const stored = await materialForViewer(db, {
			eventId,
			materialId: file!.id,
			viewer: outsider,
			manage: true
		});
		expect(await removeMaterial(db, { eventId, materialId: file!.id, dir })).toBe(true);
		expect(await readStoredFile(dir, stored!.fileName)).toBeNull();
		expect(await removeMaterial(db, { eventId, materialId: file!.id, dir })).toBe(false);
		expect(await materialsFor(db, { eventId, viewer: outsider, manage: true })).toHaveLength(1);
	});

	it('evaluations: one per person, changed in place; the summary averages and keeps no names', async () => {
		if (participant.kind !== 'member' || outsider.kind !== 'member') throw new Error('members');
		expect(await evaluationSummary(db, eventId)).toMatchObject({ count: 0, average: null });
		expect(
			await saveEvaluation(db, {
				eventId,
				userId: participant.userId,
				evaluation: { score: 2, valuable: 'De casus', better: '' }
			})
		).toEqual({ ok: true, changed: false });
		expect(
			await saveEvaluation(db, {
				eventId,
				userId: participant.userId,
				evaluation: { score: 4, valuable: 'De casus uit Twente', better: 'Meer tijd' }
			})
		).toEqual({ ok: true, changed: true });
		await saveEvaluation(db, {
			eventId,
			userId: outsider.userId,
			evaluation: { score: 5, valuable: '', better: 'Een pauze' }
		});
		const mine = await myEvaluation(db, eventId, participant);
		expect(mine && Number(mine.score)).toBe(4);
		expect(mine?.answer_valuable).toBe('De casus uit Twente');
		expect(await myEvaluation(db, eventId, VISITOR)).toBeUndefined();
		const rows = await db
			.selectFrom('event_evaluations')
			.select('id')
			.where('event_id', '=', eventId)
			.execute();
		expect(rows).toHaveLength(2);
		const summary = await evaluationSummary(db, eventId);
		expect(summary.count).toBe(2);
		expect(summary.average).toBe(4.5);
		expect(summary.perScore.map((p) => p.count)).toEqual([0, 0, 0, 1, 1]);
		expect(summary.valuable).toEqual(['De casus uit Twente']);
		expect([...summary.better].sort()).toEqual(['Een pauze', 'Meer tijd']);
	});

	it('the database refuses a score outside 1 to 5 and a second row for the same person', async () => {
		if (waiting.kind !== 'member' || participant.kind !== 'member') throw new Error('members');
		await expect(
			db
				.insertInto('event_evaluations')
				.values({ id: randomUUID(), event_id: eventId, user_id: waiting.userId, score: 6 })
				.execute()
		).rejects.toThrow();
		await expect(
			db
				.insertInto('event_evaluations')
				.values({ id: randomUUID(), event_id: eventId, user_id: participant.userId, score: 3 })
				.execute()
		).rejects.toThrow();
	});
});
