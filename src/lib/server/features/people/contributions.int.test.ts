import { afterEach, describe, expect, it } from 'vitest';
import { seedReference } from '../../db/seed/reference';
import type { SessionUser } from '../../platform/session';
import { DIALECTS, migratedDatabase, type TestDatabase } from '../../testing/db';
import { addNetworkMember, buildMember, buildNetwork } from '../../testing/factories';
import { createThread } from '../discussions/mutations';
import { createEvent } from '../events/mutations';
import type { EventInput } from '../events/schema';
import { createItem } from '../knowledge/mutations';
import { knowledgeInputSchema } from '../knowledge/schema';
import { VISITOR, type Viewer } from '../viewer';
import { contributionsOf } from './queries';
import { load as profileLoad } from '../../../../routes/leden/[id]/+page.server';

type Member = Awaited<ReturnType<typeof buildMember>>;

const origin = 'https://kennisnetwerk.example';
const DAY = 24 * 60 * 60 * 1000;
const viewerOf = (m: Member): Viewer => ({ kind: 'member', userId: m.id, role: m.role });

/**
 * A member's contributions on their profile: the knowledge they (co-)wrote, the threads they
 * started and the events they speak at, each as far as the one who looks may see it.
 */
describe.each(DIALECTS)('profile contributions on %s', (dialect) => {
	let handle: TestDatabase;

	afterEach(async () => {
		await handle?.destroy();
	});

	async function setup() {
		handle = await migratedDatabase(dialect);
		await seedReference(handle.db);
		const db = handle.db;
		const author = await buildMember(db, { name: 'Bram Bijdrager' });
		const coAuthor = await buildMember(db, { name: 'Cor Schrijver' });
		const fellow = await buildMember(db, { name: 'Fenna Kringlid' });
		const outsider = await buildMember(db, { name: 'Olaf Buiten' });
		const open = await buildNetwork(db, { name: 'Open werkplaats' });
		const closed = await buildNetwork(db, {
			name: 'Besloten kring',
			visibility: 'private',
			joinPolicy: 'invitation'
		});
		for (const [network, member] of [
			[open, author],
			[closed, author],
			[closed, fellow],
			[closed, coAuthor]
		] as const) {
			await addNetworkMember(db, network.id, member.id);
		}

		const item = async (
			title: string,
			visibility: 'public' | 'members' | 'network',
			options: { publish?: boolean; writer?: Member; coAuthors?: string[] } = {}
		) => {
			const result = await createItem(db, {
				writerId: (options.writer ?? author).id,
				input: knowledgeInputSchema.parse({
					kind: 'insight',
					title,
					summary: 'Wat we leerden over ondernemers in de regio.',
					body: 'Ondernemers in de regio en hun ondersteuning.',
					themes: ['digitalisering'],
					provinces: ['NL-UT'],
					visibility,
					network: visibility === 'network' ? closed.slug : '',
					coAuthors: options.coAuthors ?? []
				}),
				publish: options.publish ?? true
			});
			if (!result.ok) throw new Error(result.reason);
			return result;
		};
		await item('Openbaar inzicht over vouchers', 'public');
		await item('Inzicht voor leden over accountteams', 'members');
		await item('Inzicht van de besloten kring', 'network', {
			writer: coAuthor,
			coAuthors: [author.email]
		});
		await item('Concept over regiodeals', 'public', { publish: false });
		// Someone else's item: never on this member's profile.
		await item('Inzicht van een ander', 'public', { writer: fellow });

		for (const [network, title] of [
			[open, 'Wie heeft ervaring met mkb-loketten?'],
			[closed, 'Geheime planning van de kring']
		] as const) {
			const result = await createThread(db, {
				networkId: network.id,
				authorId: author.id,
				kind: 'discussion',
				title,
				body: 'Wat vinden jullie?',
				origin
			});
			if (!result.ok) throw new Error(result.reason);
		}

		const event = async (
			title: string,
			visibility: 'public' | 'members',
			startsIn: number,
			role: 'speaker' | 'guest_expert'
		) => {
			const start = new Date(Date.now() + startsIn * DAY);
			const input: EventInput = {
				title,
				summary: 'Een bijeenkomst over het mkb in de regio.',
				formatId: 'webinar',
				programme: '',
				organiserKind: 'platform',
				networkId: null,
				visibility,
				startsAt: start.toISOString(),
				endsAt: new Date(start.getTime() + 2 * 60 * 60 * 1000).toISOString(),
				locationKind: 'online',
				venue: '',
				address: '',
				onlineUrl: 'https://meet.example/sessie',
				capacity: null,
				registrationOpensAt: null,
				registrationClosesAt: null,
				questions: [],
				themeIds: [],
				provinceCodes: [],
				speakers: [{ name: author.name, email: author.email, role }]
			};
			await createEvent(db, { ...input, createdBy: null });
		};
		await event('Openbaar webinar over vouchers', 'public', -20, 'speaker');
		await event('Ledenbijeenkomst over accountteams', 'members', 10, 'guest_expert');

		return { db, author, fellow, outsider };
	}

	const titles = async (db: TestDatabase['db'], memberId: string, viewer: Viewer) => {
		const c = await contributionsOf(db, memberId, viewer);
		return {
			knowledge: c.knowledge.map((i) => i.title).sort(),
			threads: c.threads.map((t) => t.title).sort(),
			events: c.events.map((e) => e.title)
		};
	};

	it('shows each viewer exactly what they may see, and visitors not the profile at all', async () => {
		const { db, author, fellow, outsider } = await setup();

		// Someone outside the closed circle: public and members' work, nothing of the circle.
		expect(await titles(db, author.id, viewerOf(outsider))).toEqual({
			knowledge: ['Inzicht voor leden over accountteams', 'Openbaar inzicht over vouchers'],
			threads: ['Wie heeft ervaring met mkb-loketten?'],
			events: ['Ledenbijeenkomst over accountteams', 'Openbaar webinar over vouchers']
		});
		// A fellow member of the closed circle also sees the circle's item and thread.
		const inCircle = {
			knowledge: [
				'Inzicht van de besloten kring',
				'Inzicht voor leden over accountteams',
				'Openbaar inzicht over vouchers'
			],
			threads: ['Geheime planning van de kring', 'Wie heeft ervaring met mkb-loketten?'],
			events: ['Ledenbijeenkomst over accountteams', 'Openbaar webinar over vouchers']
		};
		expect(await titles(db, author.id, viewerOf(fellow))).toEqual(inCircle);
		// The author sees the same: what is published (their draft is in "my drafts", not here).
		expect(await titles(db, author.id, viewerOf(author))).toEqual(inCircle);
		// The feature gives a visitor only what is public (no discussions are open to them)...
		expect(await titles(db, author.id, VISITOR)).toEqual({
			knowledge: ['Openbaar inzicht over vouchers'],
			threads: [],
			events: ['Openbaar webinar over vouchers']
		});
		// ...and the profile page itself sends visitors to sign in.
		await expect(callProfile(db, author.id, null)).resolves.toMatchObject({
			status: 303,
			location: `/inloggen?terug=${encodeURIComponent(`/leden/${author.id}`)}`
		});
	});

	it('lists links, kinds, networks and roles, the upcoming event first', async () => {
		const { db, author, outsider } = await setup();
		const page = await callProfile(db, author.id, outsider);
		const c = page.data!.contributions as Awaited<ReturnType<typeof contributionsOf>>;
		expect(c.knowledge[0]).toMatchObject({
			kind: 'insight',
			url: expect.stringMatching(/^\/kennis\//)
		});
		expect(c.knowledge.every((i) => i.publishedAt !== null)).toBe(true);
		expect(c.threads).toEqual([
			expect.objectContaining({
				networkName: 'Open werkplaats',
				url: expect.stringMatching(/^\/netwerken\/open-werkplaats-\d+\/discussies\/[\w-]+$/)
			})
		]);
		expect(c.events.map((e) => [e.title, e.role, e.upcoming])).toEqual([
			['Ledenbijeenkomst over accountteams', 'guest_expert', true],
			['Openbaar webinar over vouchers', 'speaker', false]
		]);
		expect(c.events[0]!.url).toMatch(/^\/evenementen\/ledenbijeenkomst-over-accountteams-/);
	});

	it('shows at most five of each, newest first, and nothing for a member without any', async () => {
		const { db, author, fellow, outsider } = await setup();
		for (let i = 1; i <= 6; i++) {
			const result = await createItem(db, {
				writerId: author.id,
				input: knowledgeInputSchema.parse({
					kind: 'publication',
					title: `Publicatie nummer ${i}`,
					summary: 'Een publicatie over ondernemers.',
					body: 'Ondernemers in de regio.',
					themes: ['digitalisering'],
					provinces: ['NL-UT'],
					visibility: 'public'
				}),
				publish: true
			});
			if (!result.ok) throw new Error(result.reason);
			// A distinct moment for each, in the order written.
			await db
				.updateTable('knowledge_items')
				.set({ published_at: new Date(Date.now() + i * 1000).toISOString() })
				.where('id', '=', result.id)
				.execute();
		}
		const c = await contributionsOf(db, author.id, viewerOf(outsider));
		expect(c.knowledge.map((i) => i.title)).toEqual([
			'Publicatie nummer 6',
			'Publicatie nummer 5',
			'Publicatie nummer 4',
			'Publicatie nummer 3',
			'Publicatie nummer 2'
		]);
		expect(await contributionsOf(db, outsider.id, viewerOf(fellow))).toEqual({
			knowledge: [],
			threads: [],
			events: []
		});
	});

	async function callProfile(db: TestDatabase['db'], memberId: string, user: Member | null) {
		const path = `/leden/${memberId}`;
		const session: SessionUser | null = user && {
			id: user.id,
			name: user.name,
			email: user.email,
			role: user.role,
			status: user.status,
			twoFactorEnabled: true
		};
		try {
			const data = (await profileLoad({
				locals: { db, user: session },
				url: new URL(path, origin),
				params: { id: memberId }
			} as never)) as Record<string, unknown>;
			return { data };
		} catch (thrown) {
			const t = thrown as { status?: number; location?: string };
			return { status: t.status, location: t.location };
		}
	}
});
