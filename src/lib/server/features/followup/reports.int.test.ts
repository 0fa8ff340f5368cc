import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../db';
import { seedDemo } from '../../db/seed/demo';
import { seedDemoEvents } from '../../db/seed/demo-events';
import { seedDemoNetworks } from '../../db/seed/demo-networks';
import { seedReference } from '../../db/seed/reference';
import { DIALECTS, migratedDatabase, type TestDatabase } from '../../testing/db';
import { buildMember } from '../../testing/factories';
import { createItem, publishItem } from '../knowledge/mutations';
import { itemForViewer } from '../knowledge/queries';
import { knowledgeInputSchema } from '../knowledge/schema';
import { VISITOR, type Viewer } from '../viewer';
import { linkReport, reportPublished, unlinkReport } from './mutations';
import { eventOfReport, linkableReports, reportsForEvent, followupForList } from './queries';

const ORIGIN = 'https://kennisnetwerk.example';

describe.each(DIALECTS)('session reports linked both ways on %s', (dialect) => {
	let handle: TestDatabase;
	let db: DB;
	let writer: Viewer;
	let other: Viewer;
	let publicEvent: { id: string; slug: string };
	let membersEvent: { id: string; slug: string };

	const write = async (
		by: Viewer,
		fields: { kind?: string; title: string; visibility?: string },
		eventId?: string
	) => {
		if (by.kind !== 'member') throw new Error('members write');
		const result = await createItem(db, {
			writerId: by.userId,
			publish: true,
			eventId,
			input: knowledgeInputSchema.parse({
				kind: fields.kind ?? 'report',
				title: fields.title,
				summary: `Samenvatting: ${fields.title}`,
				body: 'Wat er besproken is.',
				visibility: fields.visibility ?? 'public'
			})
		});
		if (!result.ok) throw new Error(result.reason);
		return result;
	};

	beforeAll(async () => {
		handle = await migratedDatabase(dialect);
		db = handle.db;
		await seedReference(db);
		await seedDemo(db, { password: 'demo-wachtwoord-2026' });
		await seedDemoNetworks(db);
		await seedDemoEvents(db);
		const a = await buildMember(db);
		const b = await buildMember(db);
		writer = { kind: 'member', userId: a.id, role: 'member' };
		other = { kind: 'member', userId: b.id, role: 'member' };
		const past = await db
			.selectFrom('events')
			.select(['id', 'slug', 'visibility'])
			.where('ends_at', '<=', new Date().toISOString())
			.orderBy('starts_at')
			.execute();
		publicEvent = past.find((e) => e.visibility === 'public')!;
		membersEvent = past.find((e) => e.visibility === 'members')!;
		expect(publicEvent).toBeDefined();
		expect(membersEvent).toBeDefined();
	});
	afterAll(async () => {
		await handle?.destroy();
	});

	it('a report written for an event is linked at once; the report names its event', async () => {
		const report = await write(writer, { title: 'Verslag van de webinar' }, publicEvent.id);
		const reports = await reportsForEvent(db, publicEvent.id, VISITOR);
		expect(reports.map((r) => r.slug)).toContain(report.slug);
		const event = await eventOfReport(db, report.id, VISITOR);
		expect(event?.slug).toBe(publicEvent.slug);
	});

	it('shows a past event’s reports on the calendar to those who may read them', async () => {
		const open = await write(writer, { title: 'Verslag voor iedereen' }, membersEvent.id);
		const closed = await write(
			writer,
			{ title: 'Verslag voor leden', visibility: 'members' },
			membersEvent.id
		);
		const titles = async (viewer: Viewer) =>
			(await followupForList(db, [membersEvent.id, publicEvent.id], viewer))
				.get(membersEvent.id)!
				.reports.map((r) => r.slug);
		expect(await titles(other)).toEqual(expect.arrayContaining([open.slug, closed.slug]));
		expect(await titles(VISITOR)).toContain(open.slug);
		expect(await titles(VISITOR)).not.toContain(closed.slug);
		expect((await followupForList(db, [], VISITOR)).size).toBe(0);
	});

	it('only reports carry an event: another kind written with an event stays unlinked', async () => {
		const insight = await write(writer, { kind: 'insight', title: 'Een inzicht' }, publicEvent.id);
		const item = await itemForViewer(db, insight.slug, writer);
		expect(item?.item.event_id).toBeNull();
		expect(
			await linkReport(db, { eventId: publicEvent.id, itemId: insight.id, origin: ORIGIN })
		).toEqual({
			ok: false,
			reason: 'not_a_report'
		});
		expect(
			await linkReport(db, { eventId: publicEvent.id, itemId: 'bestaat-niet', origin: ORIGIN })
		).toEqual({
			ok: false,
			reason: 'report_not_found'
		});
	});

	it('an existing report can be picked, belongs to one event, and can be unlinked', async () => {
		const report = await write(writer, { title: 'Los verslag' });
		const free = await linkableReports(db, membersEvent.id, other);
		expect(free.find((r) => r.id === report.id)?.event_id).toBeNull();
		expect(
			await linkReport(db, { eventId: membersEvent.id, itemId: report.id, origin: ORIGIN })
		).toEqual({
			ok: true
		});
		expect((await reportsForEvent(db, membersEvent.id, other)).map((r) => r.id)).toContain(
			report.id
		);
		// Linked to this event: no longer free for another one.
		expect(
			await linkReport(db, { eventId: publicEvent.id, itemId: report.id, origin: ORIGIN })
		).toEqual({
			ok: false,
			reason: 'linked_elsewhere'
		});
		expect((await linkableReports(db, publicEvent.id, other)).map((r) => r.id)).not.toContain(
			report.id
		);
		// Unlinking from the wrong event changes nothing; from its own event it frees the report.
		await unlinkReport(db, { eventId: publicEvent.id, itemId: report.id });
		expect((await eventOfReport(db, report.id, other))?.slug).toBe(membersEvent.slug);
		await unlinkReport(db, { eventId: membersEvent.id, itemId: report.id });
		expect(await eventOfReport(db, report.id, other)).toBeUndefined();
		expect((await reportsForEvent(db, membersEvent.id, other)).map((r) => r.id)).not.toContain(
			report.id
		);
	});

	it('a members-only report is not shown to visitors on a public event page', async () => {
		const hidden = await write(
			writer,
			{ title: 'Verslag alleen voor leden', visibility: 'members' },
			publicEvent.id
		);
		expect((await reportsForEvent(db, publicEvent.id, VISITOR)).map((r) => r.id)).not.toContain(
			hidden.id
		);
		expect((await reportsForEvent(db, publicEvent.id, other)).map((r) => r.id)).toContain(
			hidden.id
		);
	});

	it("a public report does not reveal a members' event to visitors", async () => {
		const report = await write(writer, { title: 'Openbaar verslag' }, membersEvent.id);
		expect(await eventOfReport(db, report.id, VISITOR)).toBeUndefined();
		expect((await eventOfReport(db, report.id, other))?.slug).toBe(membersEvent.slug);
	});

	it('participants are told once when a published report is linked; drafts tell no one', async () => {
		const reportMails = () =>
			db
				.selectFrom('mail_outbox')
				.select(['to_address', 'subject'])
				.where('kind', '=', 'event-report')
				.execute();
		// The events seen so far had no participants to tell; pick one that has.
		const target = await db
			.selectFrom('events as e')
			.innerJoin('event_registrations as r', 'r.event_id', 'e.id')
			.select(['e.id', 'e.title'])
			.where('r.status', '=', 'registered')
			.where('r.user_id', 'is not', null)
			.where('e.id', 'not in', [publicEvent.id, membersEvent.id])
			.executeTakeFirstOrThrow();
		const participants = await db
			.selectFrom('event_registrations')
			.innerJoin('users', 'users.id', 'event_registrations.user_id')
			.select('users.email')
			.where('event_id', '=', target.id)
			.where((eb) =>
				eb.or([eb('event_registrations.status', '=', 'registered'), eb('attended', '=', true)])
			)
			.execute();
		const before = (await reportMails()).length;
		const first = await write(writer, { title: 'Verslag met bericht' });
		expect(await linkReport(db, { eventId: target.id, itemId: first.id, origin: ORIGIN })).toEqual({
			ok: true
		});
		const sent = (await reportMails()).slice(before);
		expect(sent.map((m) => m.to_address).sort()).toEqual(participants.map((p) => p.email).sort());
		expect(sent[0]!.subject).toBe(`Verslag verschenen: ${target.title}`);
		const second = await write(writer, { title: 'Tweede verslag' });
		await linkReport(db, { eventId: target.id, itemId: second.id, origin: ORIGIN });
		expect(await reportMails()).toHaveLength(before + participants.length);
	});

	it('participants are told when a report written as a draft for their event is published later', async () => {
		const target = await db
			.selectFrom('events as e')
			.innerJoin('event_registrations as r', 'r.event_id', 'e.id')
			.leftJoin('event_followup as f', 'f.event_id', 'e.id')
			.select(['e.id', 'e.title'])
			.where('r.status', '=', 'registered')
			.where('r.user_id', 'is not', null)
			.where('f.report_notified_at', 'is', null)
			.where('e.ends_at', '<=', new Date().toISOString())
			.where('e.id', 'not in', [publicEvent.id, membersEvent.id])
			.executeTakeFirstOrThrow();
		const told = () =>
			db
				.selectFrom('mail_outbox')
				.select('to_address')
				.where('kind', '=', 'event-report')
				.where('subject', '=', `Verslag verschenen: ${target.title}`)
				.execute();
		if (writer.kind !== 'member') throw new Error('members write');
		const draft = await createItem(db, {
			writerId: writer.userId,
			publish: false,
			eventId: target.id,
			input: knowledgeInputSchema.parse({
				kind: 'report',
				title: 'Verslag dat later verschijnt',
				summary: 'Eerst een concept, daarna gepubliceerd.',
				body: 'Wat er besproken is.',
				visibility: 'members'
			})
		});
		if (!draft.ok) throw new Error(draft.reason);
		// A draft tells no one.
		expect(await reportPublished(db, { itemId: draft.id, origin: ORIGIN })).toEqual({ sent: 0 });
		expect(await told()).toEqual([]);
		const published = await publishItem(db, {
			itemId: draft.id,
			editorId: writer.userId,
			expectedVersion: draft.version
		});
		expect(published.ok).toBe(true);
		const { sent } = await reportPublished(db, { itemId: draft.id, origin: ORIGIN });
		expect(sent).toBeGreaterThan(0);
		expect(await told()).toHaveLength(sent);
		// Once per event.
		expect(await reportPublished(db, { itemId: draft.id, origin: ORIGIN })).toEqual({ sent: 0 });
	});
});
