import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { DB } from '../../db';
import { DEMO_COORDINATOR_EMAIL, demoMemberEmail, seedDemo } from '../../db/seed/demo';
import { seedDemoContact } from '../../db/seed/demo-contact';
import { seedReference } from '../../db/seed/reference';
import { DIALECTS, migratedDatabase, type TestDatabase } from '../../testing/db';
import { addNetworkMember, buildMember, buildNetwork } from '../../testing/factories';
import { eraseAccount } from '../accounts/mutations';
import { exportAccountData, textColumns } from '../accounts/queries';
import { viewerFrom } from '../viewer';
import {
	acceptContactRequest,
	blockMember,
	declineContactRequest,
	markConversationRead,
	reportMessage,
	sendContactRequest,
	sendMessage,
	setFollow,
	unblockMember
} from './mutations';
import {
	conversationForMember,
	isFollowing,
	listConversations,
	listFollows,
	pendingRequests,
	relationBetween,
	unreadSummary
} from './queries';

const origin = 'https://kennisnetwerk.example';

describe.each(DIALECTS)('follow and contact on %s', (dialect) => {
	let handle: TestDatabase;
	afterEach(async () => {
		await handle?.destroy();
	});

	async function setup() {
		handle = await migratedDatabase(dialect);
		await seedReference(handle.db);
		const db = handle.db;
		const anna = await buildMember(db, {
			name: 'Anna Kuipers',
			organisationSlug: 'gemeente-zwolle'
		});
		const bram = await buildMember(db, { name: 'Bram Hoogland' });
		const cor = await buildMember(db, { name: 'Cor de Wit' });
		return { db, anna, bram, cor };
	}

	async function mailsTo(db: DB, address: string) {
		return db
			.selectFrom('mail_outbox')
			.select(['kind', 'subject', 'text_body'])
			.where('to_address', '=', address)
			.orderBy('created_at')
			.execute();
	}

	/** A accepts B's request with this message; returns the conversation id. */
	async function connect(db: DB, from: { id: string }, to: { id: string }, message = 'Hallo!') {
		const sent = await sendContactRequest(db, { fromId: from.id, toId: to.id, message, origin });
		if (!sent.ok) throw new Error(`request refused: ${sent.reason}`);
		const accepted = await acceptContactRequest(db, { requestId: sent.id, userId: to.id, origin });
		if (!accepted.ok || !accepted.conversationId) throw new Error('not accepted');
		return accepted.conversationId;
	}

	it('opens a conversation when a request is accepted, with the request as its first message', async () => {
		const { db, anna, bram } = await setup();
		const message =
			'Hoi Bram,\nik zag dat jullie een aanpak voor winkelstraten hebben. Kunnen we bellen?';
		const sent = await sendContactRequest(db, {
			fromId: anna.id,
			toId: bram.id,
			message,
			origin
		});
		expect(sent.ok).toBe(true);
		if (!sent.ok) return;

		const forBram = await pendingRequests(db, bram.id);
		expect(forBram.incoming).toEqual([
			expect.objectContaining({ id: sent.id, name: 'Anna Kuipers', message })
		]);
		expect(forBram.outgoing).toEqual([]);
		expect((await pendingRequests(db, anna.id)).outgoing).toHaveLength(1);
		expect(await unreadSummary(db, bram.id)).toEqual({ messages: 0, requests: 1 });

		// Bram is told by mail, without what Anna wrote (admins can read the outbox).
		const [requestMail] = await mailsTo(db, bram.email);
		expect(requestMail).toMatchObject({
			kind: 'contact-request',
			subject: 'Anna Kuipers wil contact met je'
		});
		expect(requestMail!.text_body).toContain(`${origin}/berichten`);
		expect(requestMail!.text_body).not.toContain('winkelstraten');

		// Only Bram answers Anna's request.
		expect(await acceptContactRequest(db, { requestId: sent.id, userId: anna.id, origin })).toEqual(
			{ ok: false, reason: 'not_found' }
		);
		const accepted = await acceptContactRequest(db, {
			requestId: sent.id,
			userId: bram.id,
			origin
		});
		expect(accepted).toEqual({ ok: true, conversationId: expect.any(String) });
		if (!accepted.ok) return;
		expect(await acceptContactRequest(db, { requestId: sent.id, userId: bram.id, origin })).toEqual(
			{ ok: false, reason: 'already_decided' }
		);

		const conversation = await conversationForMember(db, accepted.conversationId!, bram.id);
		expect(conversation?.other).toMatchObject({ id: anna.id, name: 'Anna Kuipers' });
		expect(conversation?.messages).toEqual([
			expect.objectContaining({ sender_id: anna.id, body: message })
		]);
		// Bram read the request; Anna wrote it: nothing unread for either.
		expect(await unreadSummary(db, bram.id)).toEqual({ messages: 0, requests: 0 });
		expect(await unreadSummary(db, anna.id)).toEqual({ messages: 0, requests: 0 });
		const [acceptedMail] = await mailsTo(db, anna.email);
		expect(acceptedMail).toMatchObject({
			kind: 'contact-accepted',
			subject: 'Bram Hoogland heeft je contactverzoek geaccepteerd'
		});
		expect(acceptedMail!.text_body).toContain(`${origin}/berichten/${accepted.conversationId}`);

		// A new request between the two now points at the conversation.
		expect(
			await sendContactRequest(db, { fromId: bram.id, toId: anna.id, message: 'x', origin })
		).toEqual({
			ok: false,
			reason: 'conversation_exists',
			conversationId: accepted.conversationId
		});
		// Nobody else sees it.
		const { cor } = { cor: await buildMember(db) };
		expect(await conversationForMember(db, accepted.conversationId!, cor.id)).toBeUndefined();
	});

	it('refuses requests to oneself, to non-members, twice, the other way round and after a decline', async () => {
		const { db, anna, bram, cor } = await setup();
		const applicant = await buildMember(db, { status: 'applicant' });
		const suspended = await buildMember(db, { status: 'suspended' });
		const ask = (fromId: string, toId: string) =>
			sendContactRequest(db, { fromId, toId, message: 'Zullen we kennismaken?', origin });

		expect(await ask(anna.id, anna.id)).toEqual({ ok: false, reason: 'self' });
		expect(await ask(anna.id, randomUUID())).toEqual({ ok: false, reason: 'not_found' });
		expect(await ask(anna.id, applicant.id)).toEqual({ ok: false, reason: 'not_found' });
		expect(await ask(anna.id, suspended.id)).toEqual({ ok: false, reason: 'unavailable' });

		const first = await ask(anna.id, bram.id);
		expect(first.ok).toBe(true);
		expect(await ask(anna.id, bram.id)).toEqual({ ok: false, reason: 'already_requested' });
		expect(await ask(bram.id, anna.id)).toEqual({
			ok: false,
			reason: 'they_asked',
			requestId: first.ok ? first.id : ''
		});

		// Declined: Anna may not ask Bram again for a while; Bram may ask Anna.
		expect(
			await declineContactRequest(db, { requestId: first.ok ? first.id : '', userId: bram.id })
		).toEqual({ ok: true, conversationId: null });
		expect(await pendingRequests(db, bram.id)).toEqual({ incoming: [], outgoing: [] });
		expect(await ask(anna.id, bram.id)).toEqual({ ok: false, reason: 'declined_recently' });
		expect((await ask(bram.id, anna.id)).ok).toBe(true);

		// Two members asking each other at the same moment leave one open request.
		const results = await Promise.all([ask(anna.id, cor.id), ask(cor.id, anna.id)]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		const open = await db
			.selectFrom('contact_requests')
			.select('id')
			.where('status', '=', 'pending')
			.where((eb) => eb.or([eb('from_id', '=', cor.id), eb('to_id', '=', cor.id)]))
			.execute();
		expect(open).toHaveLength(1);
	});

	it('counts unread messages per conversation and in total, and clears them when read', async () => {
		const { db, anna, bram, cor } = await setup();
		const withBram = await connect(db, anna, bram);
		const withCor = await connect(db, cor, anna, 'Goedemorgen Anna');
		// Anna accepted Cor's request, so she read it.
		expect(await unreadSummary(db, anna.id)).toEqual({ messages: 0, requests: 0 });

		const send = (conversationId: string, senderId: string, body: string) =>
			sendMessage(db, { conversationId, senderId, body, origin });
		expect((await send(withBram, bram.id, 'Ja hoor, bel maar.')).ok).toBe(true);
		expect((await send(withBram, bram.id, 'Morgen na tienen kan ik.')).ok).toBe(true);
		// Cor writes later than Bram's last message: messages within one millisecond are stamped
		// one after the other per conversation, so wait until the clock has passed Bram's stamp.
		const bramsLast = await db
			.selectFrom('conversations')
			.select('last_message_at')
			.where('id', '=', withBram)
			.executeTakeFirstOrThrow();
		while (Date.now() <= new Date(bramsLast.last_message_at).getTime()) {
			await new Promise((resolve) => setTimeout(resolve, 1));
		}
		expect((await send(withCor, cor.id, 'Heb je de notitie al gezien?')).ok).toBe(true);

		expect(await unreadSummary(db, anna.id)).toEqual({ messages: 3, requests: 0 });
		expect(await unreadSummary(db, anna.id, { except: withBram })).toEqual({
			messages: 1,
			requests: 0
		});
		expect(await unreadSummary(db, bram.id)).toEqual({ messages: 0, requests: 0 });
		const list = await listConversations(db, anna.id);
		expect(list.map((c) => [c.id, c.other?.name, c.unread, c.preview, c.lastFromMe])).toEqual([
			[withCor, 'Cor de Wit', 1, 'Heb je de notitie al gezien?', false],
			[withBram, 'Bram Hoogland', 2, 'Morgen na tienen kan ik.', false]
		]);

		const view = await conversationForMember(db, withBram, anna.id);
		expect(view?.messages.map((m) => m.body)).toEqual([
			'Hallo!',
			'Ja hoor, bel maar.',
			'Morgen na tienen kan ik.'
		]);
		await markConversationRead(db, {
			conversationId: withBram,
			userId: anna.id,
			upTo: view!.messages.at(-1)!.created_at
		});
		expect(await unreadSummary(db, anna.id)).toEqual({ messages: 1, requests: 0 });
		// Reading an older state never moves the mark back.
		await markConversationRead(db, {
			conversationId: withBram,
			userId: anna.id,
			upTo: view!.messages[0]!.created_at
		});
		expect(await unreadSummary(db, anna.id)).toEqual({ messages: 1, requests: 0 });
		// Her own reply is not unread for her, and is for Bram.
		expect((await send(withBram, anna.id, 'Prima, tot morgen!')).ok).toBe(true);
		expect(await unreadSummary(db, anna.id)).toEqual({ messages: 1, requests: 0 });
		expect(await unreadSummary(db, bram.id)).toEqual({ messages: 1, requests: 0 });
		expect((await listConversations(db, anna.id))[0]).toMatchObject({
			id: withBram,
			unread: 0,
			lastFromMe: true
		});
		// Only members of the conversation write in it.
		expect(await send(withBram, cor.id, 'Mag ik meedoen?')).toEqual({
			ok: false,
			reason: 'not_found'
		});
	});

	it('mails about new messages once per conversation until the recipient has read it', async () => {
		const { db, anna, bram } = await setup();
		const conversationId = await connect(db, anna, bram);
		const newMessageMails = async () =>
			(await mailsTo(db, bram.email)).filter((m) => m.kind === 'new-message');

		const results = await Promise.all(
			['Eén', 'Twee', 'Drie'].map((body) =>
				sendMessage(db, { conversationId, senderId: anna.id, body, origin })
			)
		);
		expect(results.map((r) => r.ok && r.mailed).filter(Boolean)).toHaveLength(1);
		const mails = await newMessageMails();
		expect(mails).toEqual([expect.objectContaining({ subject: 'Nieuw bericht van Anna Kuipers' })]);
		expect(mails[0]!.text_body).toContain(`${origin}/berichten/${conversationId}`);
		expect(mails[0]!.text_body).not.toMatch(/Eén|Twee|Drie/);

		const view = await conversationForMember(db, conversationId, bram.id);
		await markConversationRead(db, {
			conversationId,
			userId: bram.id,
			upTo: view!.messages.at(-1)!.created_at
		});
		const next = await sendMessage(db, { conversationId, senderId: anna.id, body: 'Vier', origin });
		expect(next).toMatchObject({ ok: true, mailed: true });
		expect(await newMessageMails()).toHaveLength(2);
		// Anna's own messages never mail Anna.
		expect((await mailsTo(db, anna.email)).map((m) => m.kind)).toEqual(['contact-accepted']);
	});

	it('lets a member block another: no requests or messages from them, open requests end', async () => {
		const { db, anna, bram, cor } = await setup();
		const conversationId = await connect(db, anna, bram);
		const pending = await sendContactRequest(db, {
			fromId: cor.id,
			toId: bram.id,
			message: 'Mag ik je iets vragen over subsidies?',
			origin
		});
		expect(pending.ok).toBe(true);

		expect(await blockMember(db, { blockerId: bram.id, blockedId: bram.id })).toEqual({
			ok: false,
			reason: 'self'
		});
		expect(await blockMember(db, { blockerId: bram.id, blockedId: randomUUID() })).toEqual({
			ok: false,
			reason: 'not_found'
		});
		expect(await blockMember(db, { blockerId: bram.id, blockedId: anna.id })).toEqual({
			ok: true,
			changed: true,
			name: 'Anna Kuipers'
		});
		expect(await blockMember(db, { blockerId: bram.id, blockedId: cor.id })).toMatchObject({
			ok: true,
			changed: true
		});
		expect(await blockMember(db, { blockerId: bram.id, blockedId: cor.id })).toMatchObject({
			ok: true,
			changed: false
		});

		// Cor's open request ended with the block.
		expect((await pendingRequests(db, bram.id)).incoming).toEqual([]);
		expect(
			await acceptContactRequest(db, {
				requestId: pending.ok ? pending.id : '',
				userId: bram.id,
				origin
			})
		).toEqual({ ok: false, reason: 'already_decided' });
		expect(
			await sendContactRequest(db, { fromId: cor.id, toId: bram.id, message: 'Nog eens?', origin })
		).toEqual({ ok: false, reason: 'blocked' });
		expect(
			await sendContactRequest(db, { fromId: bram.id, toId: cor.id, message: 'Toch?', origin })
		).toEqual({ ok: false, reason: 'you_blocked' });

		const write = (senderId: string) =>
			sendMessage(db, { conversationId, senderId, body: 'Hallo?', origin });
		expect(await write(anna.id)).toEqual({ ok: false, reason: 'blocked' });
		expect(await write(bram.id)).toEqual({ ok: false, reason: 'you_blocked' });
		const relation = await relationBetween(db, anna.id, bram.id);
		expect(relation).toMatchObject({ theyBlockedMe: true, iBlockedThem: false, conversationId });

		expect(await unblockMember(db, { blockerId: bram.id, blockedId: anna.id })).toEqual({
			ok: true,
			changed: true,
			name: 'Anna Kuipers'
		});
		expect((await write(anna.id)).ok).toBe(true);
		expect((await write(bram.id)).ok).toBe(true);
		expect(await unblockMember(db, { blockerId: bram.id, blockedId: anna.id })).toMatchObject({
			changed: false
		});
	});

	it('reports a message of the other member to the admins, once', async () => {
		const { db, anna, bram, cor } = await setup();
		const conversationId = await connect(db, anna, bram, 'Koop nu onze cursus!');
		const [message] = (await conversationForMember(db, conversationId, bram.id))!.messages;
		const report = (reporterId: string) =>
			reportMessage(db, {
				conversationId,
				messageId: message!.id,
				reporterId,
				reason: 'Dit is reclame.'
			});
		expect(await report(anna.id)).toEqual({ ok: false, reason: 'own_message' });
		expect(await report(cor.id)).toEqual({ ok: false, reason: 'not_found' });
		expect(await report(bram.id)).toEqual({ ok: true });
		expect(await report(bram.id)).toEqual({ ok: false, reason: 'already_reported' });
		const reports = await db.selectFrom('reports').selectAll().execute();
		expect(reports).toEqual([
			expect.objectContaining({
				subject_type: 'message',
				subject_id: message!.id,
				reporter_id: bram.id,
				reason: 'Dit is reclame.'
			})
		]);
	});

	it('follows and unfollows members, organisations, themes and networks', async () => {
		const { db, anna, bram } = await setup();
		const viewer = viewerFrom({ id: anna.id, role: 'member', status: 'active' }) as Extract<
			ReturnType<typeof viewerFrom>,
			{ kind: 'member' }
		>;
		const network = await buildNetwork(db, { name: 'Binnenstadsnetwerk' });
		const organisation = await db
			.selectFrom('organisations')
			.select(['id', 'name', 'slug'])
			.where('slug', '=', 'gemeente-zwolle')
			.executeTakeFirstOrThrow();
		const theme = await db
			.selectFrom('themes')
			.select(['id', 'name'])
			.where('id', '=', 'digitalisering')
			.executeTakeFirstOrThrow();

		const targets = [
			{ type: 'member' as const, id: bram.id, name: 'Bram Hoogland' },
			{ type: 'organisation' as const, id: organisation.id, name: organisation.name },
			{ type: 'theme' as const, id: theme.id, name: theme.name },
			{ type: 'network' as const, id: network.id, name: 'Binnenstadsnetwerk' }
		];
		for (const target of targets) {
			expect(await setFollow(db, { viewer, type: target.type, id: target.id })).toEqual({
				ok: true,
				following: true,
				changed: true,
				name: target.name
			});
			expect(await isFollowing(db, anna.id, target.type, target.id)).toBe(true);
			expect(await isFollowing(db, bram.id, target.type, target.id)).toBe(false);
			// Asking to follow again changes nothing.
			expect(
				await setFollow(db, { viewer, type: target.type, id: target.id, want: true })
			).toMatchObject({ ok: true, following: true, changed: false });
		}
		expect((await listFollows(db, viewer)).map((f) => [f.type, f.name])).toEqual([
			['member', 'Bram Hoogland'],
			['organisation', organisation.name],
			['network', 'Binnenstadsnetwerk'],
			['theme', theme.name]
		]);
		// Slugs name organisations and networks too.
		expect(
			await setFollow(db, { viewer, type: 'organisation', id: organisation.slug })
		).toMatchObject({ ok: true, following: false });
		expect(await isFollowing(db, anna.id, 'organisation', organisation.id)).toBe(false);
		await setFollow(db, { viewer, type: 'organisation', id: organisation.slug });
		expect(await isFollowing(db, anna.id, 'organisation', organisation.id)).toBe(true);

		for (const target of targets) {
			expect(await setFollow(db, { viewer, type: target.type, id: target.id })).toEqual({
				ok: true,
				following: false,
				changed: true,
				name: target.name
			});
		}
		expect(await listFollows(db, viewer)).toEqual([]);

		expect(await setFollow(db, { viewer, type: 'member', id: anna.id })).toEqual({
			ok: false,
			reason: 'self'
		});
		for (const type of ['member', 'organisation', 'theme', 'network'] as const) {
			expect(await setFollow(db, { viewer, type, id: 'bestaat-niet' })).toEqual({
				ok: false,
				reason: 'not_found'
			});
		}
		const applicant = await buildMember(db, { status: 'applicant' });
		expect(await setFollow(db, { viewer, type: 'member', id: applicant.id })).toEqual({
			ok: false,
			reason: 'not_found'
		});
	});

	it('keeps a private network unknown to outsiders, also to follow', async () => {
		const { db, anna, bram } = await setup();
		const asMember = (id: string) =>
			viewerFrom({ id, role: 'member', status: 'active' }) as Extract<
				ReturnType<typeof viewerFrom>,
				{ kind: 'member' }
			>;
		const room = await buildNetwork(db, {
			name: 'Besloten kamer',
			visibility: 'private',
			joinPolicy: 'invitation'
		});
		await addNetworkMember(db, room.id, anna.id);

		expect(
			await setFollow(db, { viewer: asMember(bram.id), type: 'network', id: room.id })
		).toEqual({
			ok: false,
			reason: 'not_found'
		});
		expect(
			await setFollow(db, { viewer: asMember(bram.id), type: 'network', id: room.slug })
		).toEqual({ ok: false, reason: 'not_found' });
		expect(await isFollowing(db, bram.id, 'network', room.id)).toBe(false);
		const admin = await buildMember(db, { role: 'admin' });
		expect(
			await setFollow(db, {
				viewer: viewerFrom({ id: admin.id, role: 'admin', status: 'active' }) as never,
				type: 'network',
				id: room.id
			})
		).toMatchObject({ ok: true, following: true });

		// A member follows it; once out of the network it drops from their list, and they can
		// still unfollow it.
		const anne = asMember(anna.id);
		expect(await setFollow(db, { viewer: anne, type: 'network', id: room.id })).toMatchObject({
			ok: true,
			following: true
		});
		await db.deleteFrom('network_members').where('user_id', '=', anna.id).execute();
		expect(await listFollows(db, anne)).toEqual([]);
		expect(await setFollow(db, { viewer: anne, type: 'network', id: room.id })).toEqual({
			ok: true,
			following: false,
			changed: true,
			name: 'Besloten kamer'
		});
	});

	it('seeds the demo contacts once, among the demo accounts set aside for them', async () => {
		handle = await migratedDatabase(dialect);
		await seedReference(handle.db);
		await seedDemo(handle.db);
		const db = handle.db;
		expect(await seedDemoContact(db)).toBe(true);
		expect(await seedDemoContact(db)).toBe(false);
		const idOf = async (email: string) =>
			(
				await db
					.selectFrom('users')
					.select('id')
					.where('email', '=', email)
					.executeTakeFirstOrThrow()
			).id;
		const coordinator = await idOf(DEMO_COORDINATOR_EMAIL);
		expect(await unreadSummary(db, coordinator)).toEqual({ messages: 1, requests: 1 });
		const anke = await idOf(demoMemberEmail(1));
		const conversations = await listConversations(db, anke);
		expect(conversations.map((c) => c.other?.name)).toEqual(['Vera Lemmens', 'Ruud Kok']);
		expect(await conversationForMember(db, conversations[1]!.id, anke)).toMatchObject({
			messages: expect.arrayContaining([
				expect.objectContaining({ sender_id: coordinator, body: expect.stringContaining('Zwolle') })
			])
		});
		// The accounts other tests use stay out of it.
		const others = [5, 6, 7, 8, 9, 10, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29];
		const otherIds = await Promise.all(others.map((n) => idOf(demoMemberEmail(n))));
		const involved = await db
			.selectFrom('contact_requests')
			.select('id')
			.where((eb) => eb.or([eb('from_id', 'in', otherIds), eb('to_id', 'in', otherIds)]))
			.execute();
		expect(involved).toEqual([]);
	});

	describe('erasing one member of a conversation (GDPR)', () => {
		/** Every text column where the text occurs. */
		async function occurrences(db: DB, text: string): Promise<string[]> {
			const found: string[] = [];
			for (const { table, column } of await textColumns(db)) {
				const { rows } = await sql<{ n: number }>`
					select count(*) as n from ${sql.table(table)}
					where lower(cast(${sql.ref(column)} as text)) like ${`%${text.toLowerCase()}%`}`.execute(db);
				if (Number(rows[0]?.n) > 0) found.push(`${table}.${column}`);
			}
			return found;
		}

		async function conversationOfThree() {
			const { db, anna, bram, cor } = await setup();
			const conversationId = await connect(db, anna, bram, 'Dag Bram, kunnen we sparren?');
			await sendMessage(db, { conversationId, senderId: bram.id, body: 'Zeker, Anna.', origin });
			await sendMessage(db, { conversationId, senderId: anna.id, body: 'Fijn, dank je.', origin });
			const viewer = viewerFrom({ id: bram.id, role: 'member', status: 'active' }) as never;
			await setFollow(db, { viewer, type: 'member', id: anna.id });
			await blockMember(db, { blockerId: cor.id, blockedId: anna.id });
			await setFollow(db, {
				viewer: viewerFrom({ id: anna.id, role: 'member', status: 'active' }) as never,
				type: 'theme',
				id: 'digitalisering'
			});
			return { db, anna, bram, cor, conversationId };
		}

		it('exports her messages and conversations, and not who follows or blocked her', async () => {
			const { db, anna, bram, cor, conversationId } = await conversationOfThree();
			const data = await exportAccountData(db, anna.id);
			const t = data!.tables;
			expect(t.messages!.sender_id!.map((m) => m.body)).toEqual([
				'Dag Bram, kunnen we sparren?',
				'Fijn, dank je.'
			]);
			expect(t.conversations!.member_a_id!.concat(t.conversations!.member_b_id!)).toEqual([
				{ id: conversationId, created_at: expect.any(String), last_message_at: expect.any(String) }
			]);
			expect(t.follows!.follower_id).toEqual([
				expect.objectContaining({ theme_id: 'digitalisering' })
			]);
			expect(t.follows!.member_id).toEqual([
				{ target_type: 'member', created_at: expect.any(String) }
			]);
			expect(t.blocks!.blocked_id).toEqual([{ created_at: expect.any(String) }]);
			const json = JSON.stringify(t.follows!.member_id) + JSON.stringify(t.blocks!.blocked_id);
			expect(json).not.toContain(bram.id);
			expect(json).not.toContain(cor.id);
		});

		it.each([false, true])(
			'leaves the other member the conversation with "voormalig lid" (removeContributions %s)',
			async (removeContributions) => {
				const { db, anna, bram, cor, conversationId } = await conversationOfThree();
				expect(await eraseAccount(db, { userId: anna.id, removeContributions })).toEqual({
					photo: null
				});

				expect(await occurrences(db, anna.id)).toEqual([]);
				expect(await occurrences(db, anna.email)).toEqual([]);
				expect(await occurrences(db, 'Anna Kuipers')).toEqual([]);

				const list = await listConversations(db, bram.id);
				expect(list).toEqual([expect.objectContaining({ id: conversationId, other: null })]);
				const view = await conversationForMember(db, conversationId, bram.id);
				expect(view?.other).toBeNull();
				expect(view?.messages.map((m) => [m.sender_id, m.body])).toEqual(
					removeContributions
						? [[bram.id, 'Zeker, Anna.']]
						: [
								[null, 'Dag Bram, kunnen we sparren?'],
								[bram.id, 'Zeker, Anna.'],
								[null, 'Fijn, dank je.']
							]
				);
				// Nobody to write to any more; the follow and the block went with her.
				expect(
					await sendMessage(db, { conversationId, senderId: bram.id, body: 'Hallo?', origin })
				).toEqual({ ok: false, reason: 'unavailable' });
				expect(
					await listFollows(
						db,
						viewerFrom({ id: bram.id, role: 'member', status: 'active' }) as never
					)
				).toEqual([]);
				expect(await db.selectFrom('blocks').selectAll().execute()).toEqual([]);
				expect(cor.id).toBeTruthy();

				// Once Bram leaves too, the conversation goes.
				await eraseAccount(db, { userId: bram.id, removeContributions: false });
				expect(
					await db
						.selectFrom('conversations')
						.select('id')
						.where('id', '=', conversationId)
						.execute()
				).toEqual([]);
				expect(
					await db
						.selectFrom('messages')
						.select('id')
						.where('conversation_id', '=', conversationId)
						.execute()
				).toEqual([]);
			}
		);
	});
});
