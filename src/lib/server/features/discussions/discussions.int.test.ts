import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../../db/seed/demo';
import { seedDemoDiscussions } from '../../db/seed/demo-discussions';
import { seedDemoNetworks } from '../../db/seed/demo-networks';
import { seedReference } from '../../db/seed/reference';
import type { SessionUser } from '../../platform/session';
import { DIALECTS, migratedDatabase, type TestDatabase } from '../../testing/db';
import { addNetworkMember, buildMember, buildNetwork } from '../../testing/factories';
import { eraseAccount } from '../accounts/mutations';
import { listAuditLog } from '../accounts/queries';
import { fileReport, resolveReport } from '../reports/mutations';
import { openReports } from '../reports/queries';
import type { Viewer } from '../viewer';
import {
	acceptAnswer,
	createReply,
	createThread,
	deleteReply,
	deleteThread,
	editReply,
	editThread,
	moveThread,
	setLocked,
	setPinned
} from './mutations';
import {
	latestThreads,
	networkThreads,
	replyPage,
	revisionsOf,
	threadForViewer,
	threadReplies,
	threadsByMember
} from './queries';
import { load as threadListLoad } from '../../../../routes/netwerken/[slug]/discussies/+page.server';
import { load as threadLoad } from '../../../../routes/netwerken/[slug]/discussies/[id]/+page.server';
import {
	GET as apiThreads,
	POST as apiStartThread
} from '../../../../routes/api/v1/networks/[slug]/threads/+server';
import {
	GET as apiReplies,
	POST as apiReply
} from '../../../../routes/api/v1/threads/[id]/replies/+server';

const origin = 'https://kennisnetwerk.example';

type Member = Awaited<ReturnType<typeof buildMember>>;

const viewerOf = (m: Member): Viewer => ({ kind: 'member', userId: m.id, role: m.role });

function sessionUser(m: Member): SessionUser {
	return {
		id: m.id,
		name: m.name,
		email: m.email,
		role: m.role,
		status: m.status,
		twoFactorEnabled: true
	};
}

describe.each(DIALECTS)('discussions on %s', (dialect) => {
	let handle: TestDatabase;

	afterEach(async () => {
		await handle?.destroy();
	});

	async function setup() {
		handle = await migratedDatabase(dialect);
		await seedReference(handle.db);
		const db = handle.db;
		const network = await buildNetwork(db, { name: 'Circulair ondernemen' });
		const asker = await buildMember(db, { name: 'Anke Veldman' });
		const helper = await buildMember(db, { name: 'Jelle Bakker' });
		const coordinator = await buildMember(db, { name: 'Ruud Kok' });
		const outsider = await buildMember(db, { name: 'Otto Buiten' });
		await addNetworkMember(db, network.id, asker.id);
		await addNetworkMember(db, network.id, helper.id);
		await addNetworkMember(db, network.id, coordinator.id, { role: 'coordinator' });
		return { db, network, asker, helper, coordinator, outsider };
	}

	async function mailsTo(address: string) {
		return handle.db
			.selectFrom('mail_outbox')
			.select(['kind', 'subject', 'text_body'])
			.where('to_address', '=', address)
			.execute();
	}

	async function thread(
		input: { networkId: string; authorId: string } & Partial<{
			kind: 'discussion' | 'question';
			title: string;
			body: string;
		}>
	) {
		const result = await createThread(handle.db, {
			kind: 'discussion',
			title: 'Een onderwerp',
			body: 'Wat vinden jullie?',
			origin,
			...input
		});
		if (!result.ok) throw new Error(result.reason);
		return result.id;
	}

	async function reply(threadId: string, authorId: string, body = 'Een reactie.') {
		const result = await createReply(handle.db, {
			threadId,
			authorId,
			body,
			origin,
			evenIfLocked: false
		});
		if (!result.ok) throw new Error(result.reason);
		return result.id;
	}

	/** Calls a page's load like SvelteKit would; returns the data, or what it threw. */
	async function callLoad(
		load: (event: never) => unknown,
		input: { user: Member | null; path: string; params: Record<string, string> }
	): Promise<{ data?: Record<string, unknown>; status?: number; location?: string }> {
		const url = new URL(input.path, origin);
		try {
			const data = (await load({
				locals: { db: handle.db, user: input.user ? sessionUser(input.user) : null },
				url,
				params: input.params
			} as never)) as Record<string, unknown>;
			return { data };
		} catch (thrown) {
			const t = thrown as { status?: number; location?: string };
			return { status: t.status, location: t.location };
		}
	}

	/** Calls an API handler like SvelteKit would. */
	async function callApi(
		handler: (event: never) => unknown,
		input: { user: Member | null; path: string; params: Record<string, string>; body?: unknown }
	) {
		const url = new URL(input.path, origin);
		const request = new Request(url, {
			method: input.body === undefined ? 'GET' : 'POST',
			headers: { 'content-type': 'application/json' },
			body: input.body === undefined ? undefined : JSON.stringify(input.body)
		});
		const response = (await handler({
			locals: { db: handle.db, user: input.user ? sessionUser(input.user) : null },
			url,
			params: input.params,
			request
		} as never)) as Response;
		return { status: response.status, body: (await response.json()) as Record<string, unknown> };
	}

	it("never shows a private network's threads to a non-member: page, API or profile", async () => {
		const { db, asker, helper, outsider } = await setup();
		const room = await buildNetwork(db, { name: 'Besloten overleg', visibility: 'private' });
		const insider = await buildMember(db, { name: 'Ina Binnen' });
		const requested = await buildMember(db, { name: 'Vera Verzoek' });
		const admin = await buildMember(db, { name: 'Alie Admin', role: 'admin' });
		await addNetworkMember(db, room.id, insider.id);
		await addNetworkMember(db, room.id, requested.id, { status: 'requested' });
		const secret = await thread({
			networkId: room.id,
			authorId: insider.id,
			title: 'Geheime planning',
			body: 'Alleen voor ons.'
		});
		await reply(secret, insider.id, 'Mee eens.');

		for (const viewer of [outsider, requested, asker]) {
			expect(await threadForViewer(db, secret, viewerOf(viewer))).toBeUndefined();
			expect(await threadsByMember(db, insider.id, viewerOf(viewer))).toEqual([]);
			// Pages: the network and the thread are a 404, as if they did not exist.
			expect(
				await callLoad(threadListLoad, {
					user: viewer,
					path: `/netwerken/${room.slug}/discussies`,
					params: { slug: room.slug }
				})
			).toEqual({ status: 404, location: undefined });
			expect(
				await callLoad(threadLoad, {
					user: viewer,
					path: `/netwerken/${room.slug}/discussies/${secret}`,
					params: { slug: room.slug, id: secret }
				})
			).toMatchObject({ status: 404 });
			// The API: 404 with a stable code, for reading and for writing.
			for (const call of [
				callApi(apiThreads, {
					user: viewer,
					path: `/api/v1/networks/${room.slug}/threads`,
					params: { slug: room.slug }
				}),
				callApi(apiStartThread, {
					user: viewer,
					path: `/api/v1/networks/${room.slug}/threads`,
					params: { slug: room.slug },
					body: { title: 'Binnendringen', body: 'Hallo' }
				}),
				callApi(apiReplies, {
					user: viewer,
					path: `/api/v1/threads/${secret}/replies`,
					params: { id: secret }
				}),
				callApi(apiReply, {
					user: viewer,
					path: `/api/v1/threads/${secret}/replies`,
					params: { id: secret },
					body: { body: 'Hallo' }
				})
			]) {
				const answer = await call;
				expect(answer.status).toBe(404);
				expect(answer.body).toMatchObject({ error: { code: 'not_found' } });
			}
		}
		// Visitors sign in first, whatever the network.
		expect(
			await callLoad(threadLoad, {
				user: null,
				path: `/netwerken/${room.slug}/discussies/${secret}`,
				params: { slug: room.slug, id: secret }
			})
		).toMatchObject({ status: 303, location: expect.stringMatching(/^\/inloggen\?terug=/) });
		expect(
			(
				await callApi(apiReplies, {
					user: null,
					path: `/api/v1/threads/${secret}/replies`,
					params: { id: secret }
				})
			).status
		).toBe(401);

		// The room's own members and admins do see it, everywhere.
		for (const viewer of [insider, admin]) {
			expect((await threadForViewer(db, secret, viewerOf(viewer)))?.thread.title).toBe(
				'Geheime planning'
			);
			const activity = await threadsByMember(db, insider.id, viewerOf(viewer));
			expect(activity.map((a) => [a.type, a.title])).toEqual([
				['reply', 'Geheime planning'],
				['thread', 'Geheime planning']
			]);
			const page = await callLoad(threadLoad, {
				user: viewer,
				path: `/netwerken/${room.slug}/discussies/${secret}`,
				params: { slug: room.slug, id: secret }
			});
			expect((page.data?.thread as { title: string }).title).toBe('Geheime planning');
			const api = await callApi(apiThreads, {
				user: viewer,
				path: `/api/v1/networks/${room.slug}/threads`,
				params: { slug: room.slug }
			});
			expect(api.status).toBe(200);
			expect(api.body).toMatchObject({
				total: 1,
				items: [{ id: secret, title: 'Geheime planning', replyCount: 1 }]
			});
		}

		// A member's profile shows their public posts but never the private ones to outsiders.
		const open = await buildNetwork(db, { name: 'Open netwerk' });
		await addNetworkMember(db, open.id, insider.id);
		await thread({ networkId: open.id, authorId: insider.id, title: 'Openbare vraag' });
		expect((await threadsByMember(db, insider.id, viewerOf(helper))).map((a) => a.title)).toEqual([
			'Openbare vraag'
		]);
		expect(await threadsByMember(db, insider.id, { kind: 'visitor' })).toEqual([]);
	});

	it('lets members of a public network read, only its members post, and applicants nothing', async () => {
		const { db, network, asker, outsider } = await setup();
		const applicant = await buildMember(db, { status: 'applicant' });
		const id = await thread({ networkId: network.id, authorId: asker.id });
		const read = await callApi(apiReplies, {
			user: outsider,
			path: `/api/v1/threads/${id}/replies`,
			params: { id }
		});
		expect(read.status).toBe(200);
		const write = await callApi(apiReply, {
			user: outsider,
			path: `/api/v1/threads/${id}/replies`,
			params: { id },
			body: { body: 'Mag ik ook?' }
		});
		expect(write).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
		const start = await callApi(apiStartThread, {
			user: outsider,
			path: `/api/v1/networks/${network.slug}/threads`,
			params: { slug: network.slug },
			body: { title: 'Van buiten', body: 'Hallo' }
		});
		expect(start).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
		const byApplicant = await callApi(apiThreads, {
			user: applicant,
			path: `/api/v1/networks/${network.slug}/threads`,
			params: { slug: network.slug }
		});
		expect(byApplicant).toMatchObject({ status: 403, body: { error: { code: 'not_a_member' } } });
		expect(
			await callLoad(threadListLoad, {
				user: applicant,
				path: `/netwerken/${network.slug}/discussies`,
				params: { slug: network.slug }
			})
		).toMatchObject({ status: 403 });

		const invalid = await callApi(apiStartThread, {
			user: asker,
			path: `/api/v1/networks/${network.slug}/threads`,
			params: { slug: network.slug },
			body: { title: 'x', body: '' }
		});
		expect(invalid).toMatchObject({ status: 400, body: { error: { code: 'invalid_input' } } });
		const created = await callApi(apiStartThread, {
			user: asker,
			path: `/api/v1/networks/${network.slug}/threads`,
			params: { slug: network.slug },
			body: { kind: 'question', title: 'Via de API', body: '<script>alert(1)</script>\n\n**vet**' }
		});
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({
			kind: 'question',
			title: 'Via de API',
			author: { id: asker.id, name: 'Anke Veldman' },
			answered: false
		});
		expect(created.body.bodyHtml).toBe(
			'<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n<p><strong>vet</strong></p>\n'
		);
	});

	it('mails a mentioned member of the network once, with a link, and nobody else', async () => {
		const { db, network, asker, helper, coordinator, outsider } = await setup();
		const id = await thread({
			networkId: network.id,
			authorId: asker.id,
			title: 'Subsidie voor circulaire maakbedrijven',
			body: 'Weet @jelle bakker hoe dit zit? En @Otto Buiten? Ik noem mezelf: @Anke Veldman.'
		});
		const helperMails = await mailsTo(helper.email);
		expect(helperMails).toHaveLength(1);
		expect(helperMails[0]).toMatchObject({
			kind: 'mention',
			subject: 'Anke Veldman noemde je in Circulair ondernemen'
		});
		expect(helperMails[0]!.text_body).toContain('“Subsidie voor circulaire maakbedrijven”');
		expect(helperMails[0]!.text_body).toContain(
			`${origin}/netwerken/${network.slug}/discussies/${id}`
		);
		// Not a member of the network: not mentioned, no mail; the author is never mailed.
		expect(await mailsTo(outsider.email)).toEqual([]);
		expect(await mailsTo(asker.email)).toEqual([]);
		const found = await threadForViewer(db, id, viewerOf(helper));
		expect(found?.thread.body_html).toContain(`<a href="/leden/${helper.id}" class="kn-mention"`);
		expect(found?.thread.body_html).toContain('@Otto Buiten');
		expect(found?.thread.body_html).not.toContain(`/leden/${outsider.id}`);

		// A reply mentions the coordinator: one mail, with a link to that reply.
		const replyId = await reply(id, helper.id, '@Ruud Kok, weet jij dit?');
		const coordinatorMails = await mailsTo(coordinator.email);
		expect(coordinatorMails).toHaveLength(1);
		expect(coordinatorMails[0]!.text_body).toContain('in een reactie op');
		expect(coordinatorMails[0]!.text_body).toContain(`?reactie=${replyId}`);

		// Editing mails only those newly mentioned.
		const edited = await editReply(db, {
			replyId,
			editorId: helper.id,
			body: '@Ruud Kok en @Anke Veldman, weten jullie dit?',
			origin,
			evenIfLocked: false
		});
		expect(edited).toEqual({ ok: true });
		expect(await mailsTo(coordinator.email)).toHaveLength(1);
		expect(await mailsTo(asker.email)).toHaveLength(1);
	});

	it('lets the asker mark one reply as the answer, replace it and take it away', async () => {
		const { db, network, asker, helper, coordinator } = await setup();
		const question = await thread({
			networkId: network.id,
			authorId: asker.id,
			kind: 'question',
			title: 'Welke regeling past?'
		});
		const first = await reply(question, helper.id, 'Kijk eens naar de MIT-regeling.');
		const second = await reply(question, coordinator.id, 'Of de regionale voucher.');

		expect(await acceptAnswer(db, { threadId: question, replyId: first })).toEqual({ ok: true });
		let found = await threadForViewer(db, question, viewerOf(asker));
		expect(found?.thread).toMatchObject({ accepted_reply_id: first, answered: true });
		expect((await networkThreads(db, network.id)).rows[0]).toMatchObject({ answered: true });

		expect(await acceptAnswer(db, { threadId: question, replyId: second })).toEqual({ ok: true });
		found = await threadForViewer(db, question, viewerOf(asker));
		expect(found?.thread.accepted_reply_id).toBe(second);

		// A reply of another thread, or a discussion instead of a question, is refused.
		const discussion = await thread({ networkId: network.id, authorId: asker.id });
		const elsewhere = await reply(discussion, helper.id);
		expect(await acceptAnswer(db, { threadId: question, replyId: elsewhere })).toEqual({
			ok: false,
			reason: 'reply_not_found'
		});
		expect(await acceptAnswer(db, { threadId: discussion, replyId: elsewhere })).toEqual({
			ok: false,
			reason: 'not_question'
		});

		// Deleting the accepted answer leaves the question open again.
		expect(
			await deleteReply(db, { replyId: second, actorId: coordinator.id, moderated: false })
		).toMatchObject({ ok: true });
		found = await threadForViewer(db, question, viewerOf(asker));
		expect(found?.thread).toMatchObject({ accepted_reply_id: null, answered: false });

		expect(await acceptAnswer(db, { threadId: question, replyId: first })).toEqual({ ok: true });
		expect(await acceptAnswer(db, { threadId: question, replyId: null })).toEqual({ ok: true });
		found = await threadForViewer(db, question, viewerOf(asker));
		expect(found?.thread.accepted_reply_id).toBeNull();

		// The page offers marking to the asker and the coordinator, not to another member.
		const may = async (user: Member) =>
			(
				(
					await callLoad(threadLoad, {
						user,
						path: `/netwerken/${network.slug}/discussies/${question}`,
						params: { slug: network.slug, id: question }
					})
				).data?.may as { accept: boolean }
			).accept;
		expect(await may(asker)).toBe(true);
		expect(await may(coordinator)).toBe(true);
		expect(await may(helper)).toBe(false);
	});

	it('refuses replies and edits in a locked thread, except from coordinators', async () => {
		const { db, network, asker, helper, coordinator } = await setup();
		const id = await thread({ networkId: network.id, authorId: asker.id });
		const own = await reply(id, helper.id, 'Eerste reactie');
		expect(await setLocked(db, { threadId: id, locked: true, actorId: coordinator.id })).toEqual({
			ok: true
		});
		expect(
			await createReply(db, {
				threadId: id,
				authorId: helper.id,
				body: 'Nog één',
				origin,
				evenIfLocked: false
			})
		).toEqual({ ok: false, reason: 'thread_locked' });
		expect(
			await editReply(db, {
				replyId: own,
				editorId: helper.id,
				body: 'Anders',
				origin,
				evenIfLocked: false
			})
		).toEqual({ ok: false, reason: 'thread_locked' });
		expect(
			await createReply(db, {
				threadId: id,
				authorId: coordinator.id,
				body: 'Gesloten omdat de vraag beantwoord is.',
				origin,
				evenIfLocked: true
			})
		).toMatchObject({ ok: true });

		const api = await callApi(apiReply, {
			user: helper,
			path: `/api/v1/threads/${id}/replies`,
			params: { id },
			body: { body: 'Toch nog iets' }
		});
		expect(api).toMatchObject({ status: 403, body: { error: { code: 'thread_locked' } } });
		expect((await threadReplies(db, id)).total).toBe(2);

		expect(await setLocked(db, { threadId: id, locked: false, actorId: coordinator.id })).toEqual({
			ok: true
		});
		const reopened = await callApi(apiReply, {
			user: helper,
			path: `/api/v1/threads/${id}/replies`,
			params: { id },
			body: { body: 'Weer open' }
		});
		expect(reopened.status).toBe(201);
		expect(reopened.body).toMatchObject({ threadId: id, body: 'Weer open', accepted: false });
	});

	it('keeps the earlier version of an edited post, and says nothing changed when so', async () => {
		const { db, network, asker, helper } = await setup();
		const id = await thread({
			networkId: network.id,
			authorId: asker.id,
			title: 'Eerste titel',
			body: 'Eerste tekst'
		});
		expect(
			await editThread(db, {
				threadId: id,
				editorId: asker.id,
				title: 'Eerste titel',
				body: 'Eerste tekst',
				origin,
				evenIfLocked: false
			})
		).toEqual({ ok: false, reason: 'unchanged' });
		expect(
			await editThread(db, {
				threadId: id,
				editorId: asker.id,
				title: 'Betere titel',
				body: 'Betere *tekst*',
				origin,
				evenIfLocked: false
			})
		).toEqual({ ok: true });
		const replyId = await reply(id, helper.id, 'Versie 1');
		await editReply(db, {
			replyId,
			editorId: helper.id,
			body: 'Versie 2',
			origin,
			evenIfLocked: false
		});
		await editReply(db, {
			replyId,
			editorId: helper.id,
			body: 'Versie 3',
			origin,
			evenIfLocked: false
		});

		const found = await threadForViewer(db, id, viewerOf(helper));
		expect(found?.thread).toMatchObject({
			title: 'Betere titel',
			body_html: '<p>Betere <em>tekst</em></p>\n'
		});
		expect(found?.thread.edited_at).toBeTruthy();
		const history = await revisionsOf(db, { threadId: id, replyIds: [replyId] });
		expect(history.filter((r) => r.thread_id === id).map((r) => r.title)).toEqual(['Eerste titel']);
		expect(history.filter((r) => r.reply_id === replyId).map((r) => r.body_html)).toEqual([
			'<p>Versie 2</p>\n',
			'<p>Versie 1</p>\n'
		]);
		const page = await callLoad(threadLoad, {
			user: asker,
			path: `/netwerken/${network.slug}/discussies/${id}`,
			params: { slug: network.slug, id }
		});
		const replies = page.data?.replies as { history: unknown[]; editedAt: string | null }[];
		expect(replies[0]!.history).toHaveLength(2);
		expect(replies[0]!.editedAt).toBeTruthy();
	});

	it('lists pinned threads first, then by last activity, and pages through 200 replies', async () => {
		const { db, network, asker, helper, coordinator } = await setup();
		const old = await thread({ networkId: network.id, authorId: asker.id, title: 'Oud' });
		const middle = await thread({ networkId: network.id, authorId: asker.id, title: 'Midden' });
		const recent = await thread({ networkId: network.id, authorId: asker.id, title: 'Nieuw' });
		// Started a day apart, so the order does not hang on the clock's resolution.
		for (const [threadId, day] of [
			[old, 1],
			[middle, 2],
			[recent, 3]
		] as const) {
			const at = `2026-11-0${day}T10:00:00.000Z`;
			await db
				.updateTable('threads')
				.set({ created_at: at, last_activity_at: at })
				.where('id', '=', threadId)
				.execute();
		}
		await reply(old, helper.id);
		expect((await latestThreads(db, network.id, 3)).map((t) => t.title)).toEqual([
			'Oud',
			'Nieuw',
			'Midden'
		]);
		await setPinned(db, { threadId: middle, pinned: true, actorId: coordinator.id });
		const list = await networkThreads(db, network.id, 1, 2);
		expect(list).toMatchObject({ total: 3, page: 1, pageCount: 2 });
		expect(list.rows.map((t) => [t.title, t.pinned, t.reply_count])).toEqual([
			['Midden', true, 0],
			['Oud', false, 1]
		]);
		expect((await networkThreads(db, network.id, 9, 2)).rows.map((t) => t.title)).toEqual([
			'Nieuw'
		]);

		const ids: string[] = [];
		for (let i = 0; i < 200; i++)
			ids.push(await reply(recent, i % 2 ? helper.id : coordinator.id, `Reactie ${i + 1}`));
		const first = await threadReplies(db, recent, 1);
		expect(first).toMatchObject({ total: 200, page: 1, pageCount: 8 });
		expect(first.rows).toHaveLength(25);
		expect(first.rows[0]!.body).toBe('Reactie 1');
		const last = await threadReplies(db, recent, 8);
		expect(last.rows.at(-1)!.body).toBe('Reactie 200');
		expect(await replyPage(db, recent, ids[120]!)).toBe(5);
		expect(await replyPage(db, recent, randomUUID())).toBeUndefined();
		// ?reactie= on the page goes to that reply's page.
		expect(
			await callLoad(threadLoad, {
				user: asker,
				path: `/netwerken/${network.slug}/discussies/${recent}?reactie=${ids[120]}`,
				params: { slug: network.slug, id: recent }
			})
		).toEqual({
			status: 303,
			location: `/netwerken/${network.slug}/discussies/${recent}?pagina=5#reactie-${ids[120]}`
		});
	});

	it('moves a thread to another network, and its old address leads there', async () => {
		const { db, network, asker, coordinator } = await setup();
		const other = await buildNetwork(db, { name: 'Digitalisering mkb' });
		await addNetworkMember(db, other.id, coordinator.id, { role: 'coordinator' });
		const id = await thread({ networkId: network.id, authorId: asker.id });
		expect(
			await moveThread(db, { threadId: id, networkId: network.id, actorId: coordinator.id })
		).toEqual({
			ok: false,
			reason: 'same_network'
		});
		expect(
			await moveThread(db, { threadId: id, networkId: other.id, actorId: coordinator.id })
		).toEqual({
			ok: true,
			networkSlug: other.slug
		});
		expect((await networkThreads(db, network.id)).total).toBe(0);
		expect((await networkThreads(db, other.id)).rows.map((t) => t.id)).toEqual([id]);
		expect(
			await callLoad(threadLoad, {
				user: asker,
				path: `/netwerken/${network.slug}/discussies/${id}`,
				params: { slug: network.slug, id }
			})
		).toEqual({ status: 302, location: `/netwerken/${other.slug}/discussies/${id}` });
		const log = await listAuditLog(db, { page: 1 });
		expect(log.rows.map((r) => [r.action, r.actor_name, JSON.parse(r.details)])).toEqual([
			[
				'thread.moved',
				'Ruud Kok',
				{ from: 'Circulair ondernemen', to: 'Digitalisering mkb', network: 'Digitalisering mkb' }
			]
		]);
	});

	it('resolves reports with a note, optionally deleting the post, in the audit log', async () => {
		const { db, network, asker, helper, coordinator } = await setup();
		const admin = await buildMember(db, { name: 'Alie Admin', role: 'admin' });
		const id = await thread({ networkId: network.id, authorId: asker.id, title: 'Gemelde draad' });
		const replyId = await reply(id, helper.id, 'Koop nu mijn cursus!');
		expect(
			await fileReport(db, {
				reporterId: asker.id,
				subjectType: 'reply',
				subjectId: replyId,
				reason: 'Reclame.'
			})
		).toMatchObject({ ok: true });
		expect(
			await fileReport(db, {
				reporterId: asker.id,
				subjectType: 'reply',
				subjectId: replyId,
				reason: 'Nog eens.'
			})
		).toEqual({ ok: false, reason: 'already_reported' });
		await fileReport(db, {
			reporterId: coordinator.id,
			subjectType: 'reply',
			subjectId: replyId,
			reason: 'Spam.'
		});
		await fileReport(db, {
			reporterId: helper.id,
			subjectType: 'thread',
			subjectId: id,
			reason: 'Dubbel.'
		});
		await fileReport(db, {
			reporterId: helper.id,
			subjectType: 'message',
			subjectId: randomUUID(),
			reason: 'Vervelend bericht.'
		});

		const open = await openReports(db);
		expect(open.total).toBe(4);
		const byReason = (reason: string) => open.rows.find((r) => r.reason === reason)!;
		expect(open.rows.map((r) => r.content.kind).sort()).toEqual([
			'gone',
			'reply',
			'reply',
			'thread'
		]);
		expect(byReason('Reclame.')).toMatchObject({
			reporter_name: 'Anke Veldman',
			content: {
				kind: 'reply',
				threadTitle: 'Gemelde draad',
				authorName: 'Jelle Bakker',
				networkName: 'Circulair ondernemen'
			}
		});
		expect(byReason('Vervelend bericht.').content).toEqual({ kind: 'gone' });

		const resolved = await resolveReport(db, {
			reportId: byReason('Reclame.').id,
			actorId: admin.id,
			note: 'Reclame verwijderd.',
			removePost: true
		});
		expect(resolved).toEqual({ ok: true, removed: true });
		// The reply keeps its place as "verwijderd", without its text, on the page and in the API.
		expect((await threadReplies(db, id)).rows.map((r) => r.deleted_at !== null)).toEqual([true]);
		expect((await threadForViewer(db, id, viewerOf(asker)))?.thread.reply_count).toBe(0);
		const shown = await callApi(apiReplies, {
			user: asker,
			path: `/api/v1/threads/${id}/replies`,
			params: { id }
		});
		expect(shown.body).toMatchObject({
			total: 1,
			items: [{ id: replyId, deleted: true, body: '', bodyHtml: '', author: null }]
		});
		expect(JSON.stringify(shown.body)).not.toContain('cursus');
		const placeholder = await callLoad(threadLoad, {
			user: asker,
			path: `/netwerken/${network.slug}/discussies/${id}`,
			params: { slug: network.slug, id }
		});
		expect(placeholder.data?.replies).toEqual([
			expect.objectContaining({ id: replyId, deleted: true, bodyHtml: '', author: null })
		]);
		// Both reports of that reply are settled at once.
		expect((await openReports(db)).rows.map((r) => r.content.kind).sort()).toEqual([
			'gone',
			'thread'
		]);
		expect(
			await resolveReport(db, {
				reportId: byReason('Spam.').id,
				actorId: admin.id,
				note: 'x',
				removePost: false
			})
		).toEqual({ ok: false, reason: 'already_resolved' });
		expect(
			await resolveReport(db, {
				reportId: byReason('Dubbel.').id,
				actorId: admin.id,
				note: 'Geen probleem.',
				removePost: false
			})
		).toEqual({ ok: true, removed: false });
		expect(await threadForViewer(db, id, viewerOf(asker))).toBeDefined();

		const log = await listAuditLog(db, { page: 1 });
		expect(log.rows.map((r) => [r.action, r.actor_name, JSON.parse(r.details)])).toEqual(
			expect.arrayContaining([
				['report.resolved', 'Alie Admin', { subject: 'thread', removed: false, reports: 1 }],
				['report.resolved', 'Alie Admin', { subject: 'reply', removed: true, reports: 2 }]
			])
		);

		// A coordinator deleting someone else's thread is in the log too; an author's own is not.
		const mine = await thread({ networkId: network.id, authorId: asker.id });
		await deleteThread(db, { threadId: mine, actorId: asker.id, moderated: false });
		await deleteThread(db, { threadId: id, actorId: coordinator.id, moderated: true });
		const after = await listAuditLog(db, { page: 1 });
		const deletion = after.rows.find((r) => r.action === 'thread.deleted');
		expect(deletion).toMatchObject({ actor_name: 'Ruud Kok', subject_id: id });
		expect(JSON.parse(deletion!.details)).toEqual({ network: 'Circulair ondernemen' });
		expect(after.total).toBe(3);
		// Deleted threads leave the list and their page.
		expect((await networkThreads(db, network.id)).total).toBe(0);
		expect(await threadForViewer(db, id, viewerOf(coordinator))).toBeUndefined();
	});

	it('logs moderation; a deleted reply keeps its place and stops being the answer', async () => {
		const { db, network, asker, helper, coordinator } = await setup();
		const id = await thread({ networkId: network.id, authorId: asker.id, kind: 'question' });
		const answer = await reply(id, helper.id, 'Het antwoord.');
		const other = await reply(id, asker.id, 'Dank!');
		expect(await acceptAnswer(db, { threadId: id, replyId: answer })).toEqual({ ok: true });

		// Pinning twice logs once; locking and opening are both logged.
		for (const pinned of [true, true]) {
			expect(await setPinned(db, { threadId: id, pinned, actorId: coordinator.id })).toEqual({
				ok: true
			});
		}
		await setLocked(db, { threadId: id, locked: true, actorId: coordinator.id });
		await setLocked(db, { threadId: id, locked: false, actorId: coordinator.id });
		// The coordinator deletes the accepted answer; the author deletes their own reply.
		expect(
			await deleteReply(db, { replyId: answer, actorId: coordinator.id, moderated: true })
		).toEqual({ ok: true, threadId: id });
		expect(await deleteReply(db, { replyId: other, actorId: asker.id, moderated: false })).toEqual({
			ok: true,
			threadId: id
		});
		expect(await deleteReply(db, { replyId: other, actorId: asker.id, moderated: false })).toEqual({
			ok: false,
			reason: 'not_found'
		});

		// (Entries of one millisecond have no order: compare them sorted.)
		const log = await listAuditLog(db, { page: 1 });
		expect(log.rows.map((r) => [r.action, r.actor_name, r.subject_type]).sort()).toEqual([
			['reply.deleted', 'Ruud Kok', 'reply'],
			['thread.locked', 'Ruud Kok', 'thread'],
			['thread.pinned', 'Ruud Kok', 'thread'],
			['thread.unlocked', 'Ruud Kok', 'thread']
		]);

		const found = await threadForViewer(db, id, viewerOf(asker));
		expect(found?.thread).toMatchObject({
			accepted_reply_id: null,
			answered: false,
			reply_count: 0
		});
		// Both replies keep their place, without text; a deleted reply cannot become the answer,
		// nor be edited or reported.
		expect((await threadReplies(db, id)).rows.map((r) => r.deleted_at !== null)).toEqual([
			true,
			true
		]);
		expect(await acceptAnswer(db, { threadId: id, replyId: answer })).toEqual({
			ok: false,
			reason: 'reply_not_found'
		});
		expect(
			await editReply(db, {
				replyId: other,
				editorId: asker.id,
				body: 'Toch terug',
				origin,
				evenIfLocked: false
			})
		).toEqual({ ok: false, reason: 'not_found' });
		const page = await callLoad(threadLoad, {
			user: helper,
			path: `/netwerken/${network.slug}/discussies/${id}`,
			params: { slug: network.slug, id }
		});
		expect(page.data?.answer).toBeNull();
		expect(JSON.stringify(page.data?.replies)).not.toContain('Het antwoord.');
	});

	it('keeps posts as "voormalig lid" when an account goes, or removes them when asked', async () => {
		const { db, network, asker, helper } = await setup();
		const kept = await thread({ networkId: network.id, authorId: asker.id, title: 'Blijft staan' });
		await reply(kept, helper.id, 'Van Jelle');
		await editReply(db, {
			replyId: (await threadReplies(db, kept)).rows[0]!.id,
			editorId: helper.id,
			body: 'Van Jelle, bewerkt',
			origin,
			evenIfLocked: false
		});
		await eraseAccount(db, { userId: asker.id, removeContributions: false });
		const found = await threadForViewer(db, kept, viewerOf(helper));
		expect(found?.thread).toMatchObject({
			title: 'Blijft staan',
			author_id: null,
			author_name: null
		});

		await eraseAccount(db, { userId: helper.id, removeContributions: true });
		expect((await threadReplies(db, kept)).total).toBe(0);
		expect(await db.selectFrom('post_revisions').select('id').execute()).toEqual([]);
	});

	it('keeps the replies of others when the starter of a thread removes their contributions', async () => {
		const { db, network, asker, helper } = await setup();
		const started = await thread({
			networkId: network.id,
			authorId: asker.id,
			title: 'Met antwoord'
		});
		await reply(started, helper.id, 'Mijn ervaring met de regiodeal');
		const alone = await thread({
			networkId: network.id,
			authorId: asker.id,
			title: 'Zonder reactie'
		});
		await reply(alone, asker.id, 'Nog een aanvulling van mijzelf');

		await eraseAccount(db, { userId: asker.id, removeContributions: true });
		const found = await threadForViewer(db, started, viewerOf(helper));
		expect(found?.thread).toMatchObject({
			title: 'Met antwoord',
			author_id: null,
			body: 'De schrijver heeft deze openingspost verwijderd.'
		});
		const replies = await threadReplies(db, started);
		expect(replies.rows.map((r) => r.body)).toEqual(['Mijn ervaring met de regiodeal']);
		// A thread only the member wrote in goes entirely.
		expect(await threadForViewer(db, alone, viewerOf(helper))).toBeUndefined();
	});

	it('gives every demo network threads with replies and an answered question, once', async () => {
		handle = await migratedDatabase(dialect);
		const db = handle.db;
		await seedReference(db);
		await seedDemo(db, { password: 'demo-wachtwoord-2026' });
		await seedDemoNetworks(db);
		expect(await seedDemoDiscussions(db)).toBe(true);
		expect(await seedDemoDiscussions(db)).toBe(false);
		const networks = await db.selectFrom('networks').select(['id', 'name']).execute();
		for (const network of networks) {
			const list = await networkThreads(db, network.id);
			expect(list.total, network.name).toBeGreaterThanOrEqual(2);
			expect(
				list.rows.some((t) => t.kind === 'question' && t.answered),
				network.name
			).toBe(true);
			expect(
				list.rows.every((t) => t.reply_count > 0),
				network.name
			).toBe(true);
			// Written by the network's own members.
			const authors = await db
				.selectFrom('threads')
				.leftJoin('network_members as m', (join) =>
					join
						.onRef('m.user_id', '=', 'threads.author_id')
						.onRef('m.network_id', '=', 'threads.network_id')
				)
				.select(['threads.id', 'm.status'])
				.where('threads.network_id', '=', network.id)
				.execute();
			expect(
				authors.every((a) => a.status === 'active'),
				network.name
			).toBe(true);
		}
		// Nothing mailed: the demo mentions nobody by mail.
		expect(
			await db.selectFrom('mail_outbox').select('id').where('kind', '=', 'mention').execute()
		).toEqual([]);
	});
});
