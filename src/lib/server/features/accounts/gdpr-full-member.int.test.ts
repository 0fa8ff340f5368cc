import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import type { DB } from '../../db';
import { seedReference } from '../../db/seed/reference';
import { DEFAULT_ATTACHMENT_LIMITS } from '../../platform/attachments';
import { writeAudit } from '../../platform/audit';
import { createAuth } from '../../platform/auth';
import { ensureAuthSecret } from '../../platform/secrets';
import { DIALECTS, migratedDatabase, type TestDatabase } from '../../testing/db';
import { buildMember, buildNetwork } from '../../testing/factories';
import { createToken } from '../api-tokens/mutations';
import { addAttachment } from '../attachments/mutations';
import {
	acceptContactRequest,
	blockMember,
	markConversationRead,
	sendContactRequest,
	sendMessage,
	setFollow
} from '../contact/mutations';
import { createReply, createThread, editReply } from '../discussions/mutations';
import { threadForViewer, threadReplies } from '../discussions/queries';
import {
	confirmGuest,
	createEvent,
	ensureFeedToken,
	registerGuest,
	registerMember,
	setAttendance
} from '../events/mutations';
import type { EventInput } from '../events/schema';
import { addMaterial, saveEvaluation } from '../followup/mutations';
import { addComment, adoptItem, createItem, toggleUseful } from '../knowledge/mutations';
import { knowledgeInputSchema } from '../knowledge/schema';
import {
	acceptInvitation,
	inviteToNetwork,
	joinNetwork,
	setMemberRole
} from '../networks/mutations';
import { updateProfile } from '../people/mutations';
import { profileSchema } from '../people/schema';
import { createProgramme, enrol } from '../programmes/mutations';
import { fileReport } from '../reports/mutations';
import { addSynonymSet } from '../search/mutations';
import type { Viewer } from '../viewer';
import { deleteOwnAccount } from './delete-account';
import { approveApplication, recordApplication } from './mutations';
import { HIDDEN } from './personal-data';
import { exportAccountData, textColumns, userReferences } from './queries';

/**
 * The GDPR export and erasure of a member who took part in everything (issue 3): made with the
 * features' own mutations, so every table holds what the app itself writes there.
 */

const origin = 'http://localhost:3000';
const day = 86_400_000;
const headers = () => new Headers({ origin, 'user-agent': 'vitest' });

const anna = {
	name: 'Annegien Wiersma-Hoekstra',
	email: 'annegien.wiersma-hoekstra@leeuwarden.example',
	localPart: 'annegien.wiersma-hoekstra',
	password: 'terp-Friesland-klokstoel-62'
};
const bram = {
	name: 'Bram Oosterhout',
	email: 'bram.oosterhout@vlissingen.example',
	password: 'boulevard-Schelde-loodsboot-17'
};
/** Bram's words that are his alone: they must not end up in Anna's export. */
const bramPrivate = {
	answer: 'Bram-antwoord-zeeuwse-havens',
	evaluation: 'Bram-evaluatie-veerboot',
	motivation: 'Bram-motivatie-deltawerken',
	joinMessage: 'Bram-verzoek-kustnetwerk',
	bio: 'Bram-bio-schorren-en-slikken'
};

/** Every `table.column` (any text column of any table, from the schema) that holds the text. */
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

function eventInput(overrides: Partial<EventInput> = {}): EventInput {
	const start = new Date(Date.now() + 10 * day);
	return {
		title: 'Leerwerkbijeenkomst havens en mkb',
		summary: 'Met gastexperts over havens en het mkb in de regio.',
		formatId: 'leerwerkbijeenkomst',
		programme: '',
		organiserKind: 'platform',
		networkId: null,
		visibility: 'members',
		startsAt: start.toISOString(),
		endsAt: new Date(start.getTime() + 3 * 3_600_000).toISOString(),
		locationKind: 'on_site',
		venue: 'Stadhuis',
		address: 'Oldehoofsterkerkhof 2, Leeuwarden',
		onlineUrl: '',
		capacity: 1,
		registrationOpensAt: null,
		registrationClosesAt: null,
		questions: [{ id: 'wat-wil-je-leren', label: 'Wat wil je leren?', required: true }],
		themeIds: [],
		provinceCodes: [],
		speakers: [],
		...overrides
	};
}

describe.each(DIALECTS)('GDPR for a member who took part in everything, on %s', (dialect) => {
	let handle: TestDatabase;
	let dataDir: string;
	afterEach(async () => {
		await handle?.destroy();
		if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
	});

	async function signUp(auth: ReturnType<typeof createAuth>, person: typeof bram) {
		await auth.api.signUpEmail({ body: person, headers: headers() });
		await handle.db
			.updateTable('users')
			.set({ email_verified: true })
			.where('email', '=', person.email)
			.execute();
		const { id } = await handle.db
			.selectFrom('users')
			.select('id')
			.where('email', '=', person.email)
			.executeTakeFirstOrThrow();
		return id;
	}

	async function setup() {
		handle = await migratedDatabase(dialect);
		const db = handle.db;
		await seedReference(db);
		dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kn-gdpr-'));
		const photosDir = path.join(dataDir, 'photos');
		const filesDir = path.join(dataDir, 'files');
		fs.mkdirSync(photosDir);
		fs.mkdirSync(filesDir);
		const auth = createAuth({
			db,
			dialect,
			config: { origin, https: false },
			secret: await ensureAuthSecret(db, undefined),
			limits: { idleSeconds: 7 * 86400, absoluteSeconds: 30 * 86400 }
		});
		const admin = await buildMember(db, { role: 'admin', name: 'Beheerder Een' });
		const carla = await buildMember(db, { name: 'Carla Dijkstra' });
		const dirk = await buildMember(db, { name: 'Dirk Vermeulen' });
		const organisation = await db
			.selectFrom('organisations')
			.select(['id', 'slug'])
			.orderBy('slug')
			.executeTakeFirstOrThrow();
		const themes = await db.selectFrom('themes').select('id').orderBy('id').limit(2).execute();
		const fieldRole = await db.selectFrom('field_roles').select('id').executeTakeFirstOrThrow();

		// Anna and Bram apply, verify their address and are approved by the admin.
		const ids = { anna: '', bram: '' };
		for (const [key, person, motivation] of [
			['anna', anna, `Motivatie van ${anna.name}`],
			['bram', bram, bramPrivate.motivation]
		] as const) {
			const userId = await signUp(auth, person);
			ids[key] = userId;
			await recordApplication(db, {
				applicationId: randomUUID(),
				userId,
				organisationId: organisation.id,
				newOrganisation: null,
				fieldRoleId: fieldRole.id,
				provinceCode: 'NL-FR',
				themeIds: [themes[0]!.id],
				motivation
			});
			expect(await approveApplication(db, { actorId: admin.id, userId, origin })).toMatchObject({
				ok: true
			});
		}
		const annaViewer: Viewer = { kind: 'member', userId: ids.anna, role: 'member' };
		const bramViewer: Viewer = { kind: 'member', userId: ids.bram, role: 'member' };

		// Signed in (a session), with two-factor set up and an API token.
		await auth.api.signInEmail({
			body: { email: anna.email, password: anna.password },
			headers: headers()
		});
		await db
			.insertInto('two_factors')
			.values({
				id: randomUUID(),
				user_id: ids.anna,
				secret: 'totp-secret-of-anna',
				backup_codes: 'backup-codes-of-anna'
			})
			.execute();
		const token = await createToken(db, ids.anna, { name: 'Mijn script' });

		// A profile with a photo, organisation and themes; Bram's profile keeps his address private.
		const photo = await sharp({
			create: { width: 64, height: 64, channels: 3, background: '#17555e' }
		})
			.png()
			.toBuffer();
		const profile = (name: string, bio: string) =>
			profileSchema.parse({
				name,
				jobTitle: 'Accountmanager bedrijven',
				organisation: organisation.id,
				fieldRole: fieldRole.id,
				province: 'NL-FR',
				themes: themes.map((t) => t.id),
				askMeAbout: 'Havens',
				lookingFor: 'Collega-gemeenten',
				bio,
				showEmail: false
			});
		expect(
			await updateProfile(db, {
				userId: ids.anna,
				profile: profile(anna.name, `Ik ben ${anna.name}, bereikbaar op ${anna.email}.`),
				photo,
				photosDir
			})
		).toEqual({ ok: true });
		expect(
			await updateProfile(db, {
				userId: ids.bram,
				profile: profile(bram.name, bramPrivate.bio),
				photo: null,
				photosDir
			})
		).toEqual({ ok: true });

		// Networks: Anna coordinates one; an invitation to her address brings her into another.
		const network = await buildNetwork(db, { name: 'Havennetwerk' });
		const closed = await buildNetwork(db, { name: 'Kustnetwerk', joinPolicy: 'invitation' });
		const requestOnly = await buildNetwork(db, { name: 'Deltanetwerk', joinPolicy: 'request' });
		for (const userId of [ids.anna, ids.bram, carla.id]) {
			await joinNetwork(db, { networkId: network.id, userId, origin });
		}
		await joinNetwork(db, {
			networkId: requestOnly.id,
			userId: ids.bram,
			message: bramPrivate.joinMessage,
			origin
		});
		expect(
			await setMemberRole(db, { networkId: network.id, userId: ids.anna, role: 'coordinator' })
		).toMatchObject({ ok: true });
		await db
			.insertInto('network_members')
			.values({ network_id: closed.id, user_id: dirk.id, role: 'coordinator', status: 'active' })
			.execute();
		await inviteToNetwork(db, {
			networkId: closed.id,
			emails: [anna.email],
			message: 'Welkom!',
			actorId: dirk.id,
			origin
		});
		const invitationMail = await db
			.selectFrom('mail_outbox')
			.select('text_body')
			.where('to_address', '=', anna.email)
			.where('kind', 'like', '%invit%')
			.executeTakeFirstOrThrow();
		const invitationToken = /\/uitnodiging\/([A-Za-z0-9_-]+)|token=([A-Za-z0-9_-]+)/.exec(
			invitationMail.text_body
		);
		const inviteToken = invitationToken?.[1] ?? invitationToken?.[2];
		expect(inviteToken).toBeTruthy();
		expect(await acceptInvitation(db, { token: inviteToken!, userId: ids.anna })).toMatchObject({
			ok: true
		});

		// Discussions: threads and replies both ways, each mentioning the other.
		const annaThread = await createThread(db, {
			networkId: network.id,
			authorId: ids.anna,
			kind: 'question',
			title: 'Wie kent de havenondernemers?',
			body: `Vraag van ${anna.name} aan @${bram.name}.`,
			origin
		});
		const bramThread = await createThread(db, {
			networkId: network.id,
			authorId: ids.bram,
			kind: 'discussion',
			title: 'Ervaringen met ondernemersloketten',
			body: 'Wat werkt bij jullie?',
			origin
		});
		if (!annaThread.ok || !bramThread.ok) throw new Error('threads not created');
		const bramReply = await createReply(db, {
			threadId: annaThread.id,
			authorId: ids.bram,
			body: `Goede vraag, @${anna.name}! Mail ${anna.email} maar.`,
			origin,
			evenIfLocked: false
		});
		const annaReply = await createReply(db, {
			threadId: bramThread.id,
			authorId: ids.anna,
			body: 'Bij ons werkt een spreekuur.',
			origin,
			evenIfLocked: false
		});
		if (!bramReply.ok || !annaReply.ok) throw new Error('replies not created');
		expect(
			await editReply(db, {
				replyId: annaReply.id,
				editorId: ids.anna,
				body: `Bij ons werkt een spreekuur, groet ${anna.name}.`,
				origin,
				evenIfLocked: false
			})
		).toMatchObject({ ok: true });
		expect(
			await fileReport(db, {
				reporterId: ids.anna,
				subjectType: 'reply',
				subjectId: bramReply.id,
				reason: 'Mijn adres hoort hier niet.'
			})
		).toMatchObject({ ok: true });

		// Contact both ways: a conversation with messages each way, follows, a block.
		const request = await sendContactRequest(db, {
			fromId: ids.anna,
			toId: ids.bram,
			message: `Hoi Bram, ${anna.name} hier.`,
			origin
		});
		if (!request.ok) throw new Error('no contact request');
		const accepted = await acceptContactRequest(db, {
			requestId: request.id,
			userId: ids.bram,
			origin
		});
		if (!accepted.ok || !accepted.conversationId) throw new Error('not accepted');
		const conversationId = accepted.conversationId;
		expect(
			await sendMessage(db, {
				conversationId,
				senderId: ids.bram,
				body: `Dag ${anna.name}, mijn mobiel is 06-12345678.`,
				origin
			})
		).toMatchObject({ ok: true });
		expect(
			await sendMessage(db, {
				conversationId,
				senderId: ids.anna,
				body: 'Dank je, ik bel je.',
				origin
			})
		).toMatchObject({ ok: true });
		await markConversationRead(db, { conversationId, userId: ids.anna, upTo: null });
		expect(
			await sendContactRequest(db, {
				fromId: carla.id,
				toId: ids.anna,
				message: 'Zullen we eens bellen?',
				origin
			})
		).toMatchObject({ ok: true });
		for (const [viewer, id] of [
			[annaViewer, ids.bram],
			[bramViewer, ids.anna]
		] as const) {
			expect(
				await setFollow(db, {
					viewer: viewer as Viewer & { kind: 'member' },
					type: 'member',
					id,
					want: true
				})
			).toMatchObject({ ok: true });
		}
		await setFollow(db, {
			viewer: annaViewer as Viewer & { kind: 'member' },
			type: 'network',
			id: network.id,
			want: true
		});
		expect(await blockMember(db, { blockerId: ids.anna, blockedId: dirk.id })).toMatchObject({
			ok: true
		});

		// Knowledge: an item she wrote (with an attachment and her as contact), a comment, a
		// "useful" vote and an adoption on Bram's item; Bram comments on hers.
		const annaItem = await createItem(db, {
			writerId: ids.anna,
			input: knowledgeInputSchema.parse({
				kind: 'insight',
				title: 'Spreekuur voor havenondernemers',
				summary: `Wat ${anna.name} leerde van een spreekuur in de haven.`,
				body: `Vragen? Mail ${anna.email}.`,
				contact: anna.email,
				coAuthors: [bram.email],
				visibility: 'members'
			}),
			publish: true
		});
		const bramItem = await createItem(db, {
			writerId: ids.bram,
			input: knowledgeInputSchema.parse({
				kind: 'insight',
				title: 'Loket in de wijk',
				summary: 'Een loket dichtbij verlaagt de drempel.',
				body: 'Een loket dichtbij verlaagt de drempel voor ondernemers.',
				visibility: 'members'
			}),
			publish: true
		});
		if (!annaItem.ok || !bramItem.ok) throw new Error('items not created');
		expect(
			await addAttachment(db, {
				itemId: annaItem.id,
				uploaderId: ids.anna,
				bytes: Buffer.from('%PDF-1.7\n%%EOF\n'),
				sentName: 'spreekuur.pdf',
				dir: filesDir,
				limits: DEFAULT_ATTACHMENT_LIMITS
			})
		).toMatchObject({ ok: true });
		for (const [itemId, authorId, body] of [
			[bramItem.id, ids.anna, `Herkenbaar! ${anna.name}`],
			[annaItem.id, ids.bram, `Mooi werk, ${anna.name}.`]
		] as const) {
			expect(await addComment(db, { itemId, authorId, body })).toMatchObject({ ok: true });
		}
		expect(await toggleUseful(db, { itemId: bramItem.id, userId: ids.anna })).toMatchObject({
			ok: true
		});
		expect(
			await adoptItem(db, { itemId: bramItem.id, userId: ids.anna, note: 'Wij doen dit ook.' })
		).toMatchObject({ ok: true });
		await addSynonymSet(db, { actorId: ids.anna, terms: ['haven', 'zeehaven'] });

		// Events: she created one and shared a file; she has its only place, Carla waits; she
		// answered the question, was there and evaluated; Bram did so on another event; she
		// also registered as a guest with her address.
		const full = await createEvent(db, { ...eventInput(), createdBy: ids.anna });
		const other = await createEvent(db, {
			...eventInput({ title: 'Webinar ondernemersloketten', capacity: null }),
			createdBy: null
		});
		const open = await createEvent(db, {
			...eventInput({
				title: 'Excursie haven Harlingen',
				capacity: 1,
				visibility: 'public',
				questions: []
			}),
			createdBy: null
		});
		expect(
			await registerMember(db, {
				eventId: full.id,
				userId: ids.anna,
				answers: { 'wat-wil-je-leren': `Antwoord van ${anna.name}` },
				origin
			})
		).toMatchObject({ ok: true, status: 'registered' });
		expect(
			await registerMember(db, {
				eventId: full.id,
				userId: carla.id,
				answers: { 'wat-wil-je-leren': 'Carla wil leren' },
				origin
			})
		).toMatchObject({ ok: true, status: 'waitlisted' });
		expect(
			await registerMember(db, {
				eventId: other.id,
				userId: ids.bram,
				answers: { 'wat-wil-je-leren': bramPrivate.answer },
				origin
			})
		).toMatchObject({ ok: true, status: 'registered' });
		const annaRegistration = await db
			.selectFrom('event_registrations')
			.select('id')
			.where('event_id', '=', full.id)
			.where('user_id', '=', ids.anna)
			.executeTakeFirstOrThrow();
		expect(
			await setAttendance(db, {
				eventId: full.id,
				registrationId: annaRegistration.id,
				attended: true
			})
		).toEqual({ ok: true });
		await saveEvaluation(db, {
			eventId: full.id,
			userId: ids.anna,
			evaluation: { score: 5, valuable: `Waardevol, ${anna.name}`, better: 'Meer koffie' }
		});
		await saveEvaluation(db, {
			eventId: other.id,
			userId: ids.bram,
			evaluation: { score: 3, valuable: bramPrivate.evaluation, better: '' }
		});
		expect(
			await addMaterial(db, {
				eventId: full.id,
				uploaderId: ids.anna,
				bytes: Buffer.from('%PDF-1.7\n%%EOF\n'),
				sentName: 'dia-s.pdf',
				dir: filesDir,
				limits: DEFAULT_ATTACHMENT_LIMITS,
				origin
			})
		).toMatchObject({ ok: true });
		await ensureFeedToken(db, ids.anna);
		expect(
			await registerGuest(db, {
				eventId: open.id,
				name: anna.name,
				email: anna.email,
				organisation: 'Gemeente Leeuwarden',
				origin
			})
		).toMatchObject({ ok: true });
		const confirmAsGuest = async (email: string) => {
			const mail = await db
				.selectFrom('mail_outbox')
				.select('text_body')
				.where('to_address', '=', email)
				.where('kind', '=', 'event-guest-confirm')
				.executeTakeFirstOrThrow();
			const guestToken = /\/evenementen\/bevestigen\/([A-Za-z0-9_-]+)/.exec(mail.text_body)?.[1];
			return confirmGuest(db, { token: guestToken!, origin });
		};
		expect(await confirmAsGuest(anna.email)).toMatchObject({ ok: true, status: 'registered' });
		// Gijs, a guest, waits for the excursion's one place.
		expect(
			await registerGuest(db, {
				eventId: open.id,
				name: 'Gijs Gast',
				email: 'gijs@bedrijf.example',
				organisation: 'Bedrijf',
				origin
			})
		).toMatchObject({ ok: true });
		expect(await confirmAsGuest('gijs@bedrijf.example')).toMatchObject({
			ok: true,
			status: 'waitlisted'
		});

		// A programme she started, with the cohort's one place hers and Carla waiting.
		const programme = await createProgramme(db, {
			title: 'Regionaal accountmanagement Fryslân',
			region: 'Fryslân',
			summary: 'Vier leerwerkbijeenkomsten over samen optrekken richting ondernemers.',
			challenge: 'Samen optrekken.',
			networkId: null,
			visibility: 'members',
			cohortSize: 1,
			enrolmentOpen: true,
			provinceCodes: ['NL-FR'],
			themeIds: [],
			createdBy: ids.anna
		});
		if (!programme.ok) throw new Error('programme not created');
		expect(await enrol(db, { programmeId: programme.id, userId: ids.anna, origin })).toMatchObject({
			ok: true,
			status: 'enrolled'
		});
		expect(await enrol(db, { programmeId: programme.id, userId: carla.id, origin })).toMatchObject({
			ok: true,
			status: 'waitlisted'
		});

		// An admin act on her account, as the app records it.
		await writeAudit(db, {
			actorId: admin.id,
			action: 'member.role_changed',
			subjectType: 'user',
			subjectId: ids.anna,
			details: { role: 'member' }
		});

		return {
			auth,
			db,
			ids,
			photosDir,
			carla,
			token,
			network,
			conversationId,
			threads: { anna: annaThread.id, bram: bramThread.id },
			replies: { anna: annaReply.id, bram: bramReply.id },
			events: { full: full.id, open: open.id },
			programmeId: programme.id
		};
	}

	it('exports every table that refers to her, all her rows, and nobody else’s private data', async () => {
		const { db, ids, token } = await setup();
		const data = await exportAccountData(db, ids.anna);
		expect(data).toBeDefined();
		expect(data!.user).toMatchObject({ id: ids.anna, email: anna.email, name: anna.name });
		expect(data!.user.photo).toEqual(expect.any(String));

		// Every reference to users, found from the schema, has its section with all her rows.
		const refs = (await userReferences(db)).filter((r) => r.table !== 'users');
		const filled: string[] = [];
		for (const ref of refs) {
			const key = `${ref.table}.${ref.column}`;
			const { rows } = await sql<{ n: number }>`
				select count(*) as n from ${sql.table(ref.table)}
				where ${sql.ref(ref.column)} = ${ids.anna}`.execute(db);
			const count = Number(rows[0]!.n);
			expect(data!.tables[ref.table]?.[ref.column], key).toHaveLength(count);
			if (count > 0) filled.push(key);
		}
		// She took part in everything: these hold her rows (a new feature's table is checked above).
		expect(filled).toEqual(
			expect.arrayContaining([
				'accounts.user_id',
				'sessions.user_id',
				'two_factors.user_id',
				'api_tokens.user_id',
				'applications.user_id',
				'user_themes.user_id',
				'network_members.user_id',
				'network_invitations.accepted_by',
				'threads.author_id',
				'replies.author_id',
				'post_revisions.editor_id',
				'reports.reporter_id',
				'contact_requests.from_id',
				'contact_requests.to_id',
				'messages.sender_id',
				'conversation_reads.user_id',
				'follows.follower_id',
				'follows.member_id',
				'blocks.blocker_id',
				'knowledge_items.created_by',
				'knowledge_items.contact_id',
				'knowledge_item_authors.user_id',
				'knowledge_revisions.editor_id',
				'knowledge_attachments.uploaded_by',
				'knowledge_comments.author_id',
				'knowledge_votes.user_id',
				'knowledge_adoptions.user_id',
				'search_synonyms.created_by',
				'events.created_by',
				'event_registrations.user_id',
				'event_evaluations.user_id',
				'event_materials.uploaded_by',
				'event_feed_tokens.user_id',
				'programmes.created_by',
				'programme_coordinators.user_id',
				'programme_participants.user_id'
			])
		);
		// One conversation, on her side of it (a or b, whichever the pair's order made her).
		expect(filled.filter((key) => key.startsWith('conversations.'))).toHaveLength(1);
		const t = data!.tables;
		expect(t.network_members!.user_id).toEqual(
			expect.arrayContaining([expect.objectContaining({ role: 'coordinator' })])
		);
		expect(t.event_registrations!.user_id).toEqual([
			expect.objectContaining({
				attended: expect.anything(),
				answers: expect.stringContaining(`Antwoord van ${anna.name}`)
			})
		]);
		expect(t.event_evaluations!.user_id).toEqual([
			expect.objectContaining({ answer_valuable: `Waardevol, ${anna.name}` })
		]);
		expect(t.programme_participants!.user_id).toEqual([
			expect.objectContaining({ status: 'enrolled' })
		]);
		// Her own messages (the accepted request opened the conversation); not Bram's.
		expect(t.messages!.sender_id!.map((m) => m.body)).toEqual([
			`Hoi Bram, ${anna.name} hier.`,
			'Dank je, ik bel je.'
		]);
		expect(t.api_tokens!.user_id).toEqual([
			expect.objectContaining({ name: 'Mijn script', token_hash: HIDDEN })
		]);
		// Not linked by a foreign key, but hers by her address: the guest registration and the
		// e-mails to her (mentions, contact, events, the invitation), without their links.
		expect(t.event_registrations!.guest_email).toEqual([
			expect.objectContaining({ guest_name: anna.name, token: HIDDEN })
		]);
		const kinds = t.mail_outbox!.to_address!.map((m) => m.kind);
		expect(kinds).toEqual(expect.arrayContaining(['verification', 'mention']));
		for (const mail of t.mail_outbox!.to_address!) {
			expect(String(mail.text_body)).not.toMatch(/https?:\/\//);
		}

		const json = JSON.stringify(data);
		for (const secret of [token.token, 'totp-secret-of-anna', 'backup-codes-of-anna']) {
			expect(json).not.toContain(secret);
		}
		// Nothing private of anyone else: not Bram's address, his private words elsewhere, nor
		// the guest next to her, nor the secrets of any row.
		for (const text of [bram.email, ...Object.values(bramPrivate), 'gijs@bedrijf.example']) {
			expect(json, text).not.toContain(text);
		}
		const secrets = [
			...(await db.selectFrom('accounts').select('password as v').execute()),
			...(await db.selectFrom('sessions').select('token as v').execute()),
			...(await db.selectFrom('api_tokens').select('token_hash as v').execute()),
			...(await db.selectFrom('event_registrations').select('token as v').execute()),
			...(await db.selectFrom('event_feed_tokens').select('token as v').execute())
		];
		for (const { v } of secrets) if (v) expect(json).not.toContain(v);
	});

	it.each([false, true])(
		'erases her name and address from every column of every table (removeContributions %s)',
		async (removeContributions) => {
			const s = await setup();
			const { db, ids } = s;
			const before = {
				name: await occurrences(db, anna.name),
				email: await occurrences(db, anna.email),
				local: await occurrences(db, anna.localPart)
			};
			// The fixture spreads her over many places, not only the account tables.
			expect(before.name).toEqual(
				expect.arrayContaining([
					'users.name',
					'replies.body',
					'threads.body',
					'messages.body',
					'event_registrations.guest_name'
				])
			);
			expect(before.email).toEqual(
				expect.arrayContaining([
					'users.email',
					'mail_outbox.to_address',
					'event_registrations.guest_email',
					'network_invitations.email'
				])
			);

			const result = await deleteOwnAccount(
				{ db, auth: s.auth, client: '192.0.2.1', photosDir: s.photosDir },
				{ userId: ids.anna, password: anna.password, removeContributions }
			);
			expect(result).toEqual({ ok: true });

			expect({
				email: await occurrences(db, anna.email),
				local: await occurrences(db, anna.localPart),
				name: await occurrences(db, anna.name),
				id: await occurrences(db, ids.anna)
			}).toEqual({ email: [], local: [], name: [], id: [] });
			expect(fs.readdirSync(s.photosDir)).toEqual([]);

			// Bram's thread is still readable, her reply in it as "voormalig lid" or gone.
			const bramView = { kind: 'member', userId: ids.bram, role: 'member' } as const;
			expect((await threadForViewer(db, s.threads.bram, bramView))?.thread).toMatchObject({
				title: 'Ervaringen met ondernemersloketten',
				body: 'Wat werkt bij jullie?'
			});
			const repliesInBrams = await threadReplies(db, s.threads.bram);
			expect(repliesInBrams.rows.length).toBe(removeContributions ? 0 : 1);
			// Her question stays for Bram's reply (emptied when her contributions go).
			const hers = await threadForViewer(db, s.threads.anna, bramView);
			expect(hers?.thread).toMatchObject({
				title: 'Wie kent de havenondernemers?',
				author_id: null
			});
			// Bram's reply that mentioned her and her address stays his, naming "voormalig lid".
			const bramsReply = await db
				.selectFrom('replies')
				.select(['body', 'body_html'])
				.where('id', '=', s.replies.bram)
				.executeTakeFirstOrThrow();
			expect(bramsReply.body).toBe('Goede vraag, @voormalig lid! Mail voormalig lid maar.');
			expect(bramsReply.body_html).not.toContain('/leden/');
			expect((await threadReplies(db, s.threads.anna)).rows).toEqual([
				expect.objectContaining({ id: s.replies.bram })
			]);
			// The conversation stays Bram's, with his own messages.
			const messages = await db
				.selectFrom('messages')
				.select(['sender_id'])
				.where('conversation_id', '=', s.conversationId)
				.execute();
			expect(messages.filter((m) => m.sender_id === ids.bram)).toHaveLength(1);
			expect(messages).toHaveLength(removeContributions ? 1 : 3);

			// Her place at the full event and in the programme's cohort went to Carla, who waited;
			// no place is left empty while someone waits.
			const registrations = await db
				.selectFrom('event_registrations')
				.select(['event_id', 'user_id', 'guest_email', 'status'])
				.execute();
			expect(registrations.filter((r) => r.event_id === s.events.full)).toEqual([
				expect.objectContaining({ user_id: s.carla.id, status: 'registered' })
			]);
			expect(registrations.filter((r) => r.event_id === s.events.open)).toEqual([
				expect.objectContaining({ guest_email: 'gijs@bedrijf.example', status: 'registered' })
			]);
			const cohort = await db
				.selectFrom('programme_participants')
				.select(['user_id', 'status'])
				.where('programme_id', '=', s.programmeId)
				.execute();
			expect(cohort).toEqual([{ user_id: s.carla.id, status: 'enrolled' }]);
			const promoted = await db
				.selectFrom('mail_outbox')
				.select('kind')
				.where('to_address', '=', s.carla.email)
				.execute();
			expect(promoted.map((m) => m.kind)).toEqual(
				expect.arrayContaining(['event-promoted', 'programme-promoted'])
			);
			const gijs = await db
				.selectFrom('mail_outbox')
				.select('kind')
				.where('to_address', '=', 'gijs@bedrijf.example')
				.execute();
			expect(gijs.map((m) => m.kind)).toContain('event-promoted');

			// Her account is gone for good.
			expect(await exportAccountData(db, ids.anna)).toBeUndefined();
			await expect(
				s.auth.api.signInEmail({
					body: { email: anna.email, password: anna.password },
					headers: headers()
				})
			).rejects.toMatchObject({ status: 'UNAUTHORIZED' });
		}
	);
});
