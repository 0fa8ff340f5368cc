import { randomUUID } from 'node:crypto';
import type { DB } from '../index';
import { DEMO_COORDINATOR_EMAIL, demoMemberEmail } from './demo';

/**
 * The demo's contacts: a few members who found each other, with short conversations, and one
 * request that waits for an answer. Only these accounts take part (the end-to-end tests use
 * others): Anke Veldman (member 1), Tjitske de Vries (3), Sjoerd Hoekstra (4), Vera Lemmens (30)
 * and the coordinator, Ruud Kok. Runs once: nothing happens when one of them already has a
 * contact request.
 */

type Who = 'anke' | 'tjitske' | 'sjoerd' | 'vera' | 'ruud';

const EMAILS: Record<Who, string> = {
	anke: demoMemberEmail(1),
	tjitske: demoMemberEmail(3),
	sjoerd: demoMemberEmail(4),
	vera: demoMemberEmail(30),
	ruud: DEMO_COORDINATOR_EMAIL
};

interface DemoConversation {
	from: Who;
	to: Who;
	/** Days ago the request was sent; each message follows two hours later. */
	daysAgo: number;
	/** The request's message, then the replies, alternating from the recipient on. */
	messages: string[];
	/** Whether the recipient of the last message has read it (the demo keeps one unread). */
	read: boolean;
}

const CONVERSATIONS: DemoConversation[] = [
	{
		from: 'ruud',
		to: 'anke',
		daysAgo: 9,
		messages: [
			'Hoi Anke,\n\nIn Zwolle zijn we bezig met een vaste contactpersoon voor bedrijven op de ' +
				'bedrijventerreinen. Jullie doen dat in Groningen al een paar jaar. Mag ik je eens bellen ' +
				'over hoe jullie de accountmanagers hebben verdeeld?',
			'Hoi Ruud, leuk dat je het vraagt. We verdelen per terrein, niet per sector: ondernemers ' +
				'willen één gezicht voor alles wat met hun plek te maken heeft. Donderdagochtend kan ik.',
			'Donderdag om tien uur past mij goed. Ik stuur je een uitnodiging.',
			'Top. Ik neem ons overzicht van de bedrijfsbezoeken van vorig jaar mee, daar zie je goed ' +
				'hoeveel tijd het kost.'
		],
		read: false
	},
	{
		from: 'tjitske',
		to: 'sjoerd',
		daysAgo: 6,
		messages: [
			'Dag Sjoerd,\n\nWe krijgen in Leeuwarden steeds meer vragen van mkb’ers die hun restafval ' +
				'willen verminderen. Weet jij of de provincie daar dit jaar nog iets voor openstelt?',
			'Hoi Tjitske, in het voorjaar gaat er een regeling open voor circulaire ketenprojecten. ' +
				'Ondernemers moeten wel met minstens twee bedrijven samen aanvragen.',
			'Dat is handig om te weten. Mag ik je gegevens doorgeven aan twee bedrijven die al samen ' +
				'optrekken?',
			'Zeker, doe maar. Laat ze wel eerst de voorwaarden lezen die we in maart publiceren.'
		],
		read: true
	},
	{
		from: 'vera',
		to: 'anke',
		daysAgo: 3,
		messages: [
			'Hallo Anke,\n\nIk zag je vraag over digitale vaardigheden van kleine ondernemers. In ' +
				'Limburg hebben we goede ervaringen met spreekuren in de bibliotheek. Zal ik je ons verslag sturen?',
			'Graag, Vera! Vooral hoe jullie de ondernemers bereikten ben ik benieuwd naar.'
		],
		read: true
	}
];

/** Waits for an answer from Ruud. */
const PENDING = {
	from: 'sjoerd' as Who,
	to: 'ruud' as Who,
	daysAgo: 1,
	message:
		'Beste Ruud,\n\nIk werk bij de provincie aan de regionale samenwerking rond het mkb en hoorde ' +
		'dat Regio Zwolle een gezamenlijk ondernemersloket heeft opgezet. Ik zou graag horen hoe de ' +
		'gemeenten de kosten verdelen. Heb je binnenkort een half uur?'
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export async function seedDemoContact(db: DB, now = new Date()): Promise<boolean> {
	const users = await db
		.selectFrom('users')
		.select(['id', 'email'])
		.where('email', 'in', Object.values(EMAILS))
		.where('is_demo', '=', true)
		.execute();
	const ids = new Map(users.map((u) => [u.email, u.id]));
	const id = (who: Who) => ids.get(EMAILS[who]);
	if ((Object.keys(EMAILS) as Who[]).some((who) => !id(who))) return false;
	const existing = await db
		.selectFrom('contact_requests')
		.select('id')
		.where('from_id', 'in', [...ids.values()])
		.limit(1)
		.execute();
	if (existing.length > 0) return false;

	// Office hours: each day's first message at 08:30 UTC (09:30 or 10:30 in the Netherlands).
	const at = (daysAgo: number, hours = 0) => {
		const day = new Date(now.getTime() - daysAgo * DAY);
		day.setUTCHours(8, 30, 0, 0);
		return new Date(day.getTime() + hours * HOUR).toISOString();
	};

	await db.transaction().execute(async (trx) => {
		for (const c of CONVERSATIONS) {
			const from = id(c.from)!;
			const to = id(c.to)!;
			const sentAt = at(c.daysAgo);
			const decidedAt = at(c.daysAgo, 1);
			await trx
				.insertInto('contact_requests')
				.values({
					id: randomUUID(),
					from_id: from,
					to_id: to,
					message: c.messages[0]!,
					status: 'accepted',
					created_at: sentAt,
					decided_at: decidedAt
				})
				.execute();
			const [a, b] = from < to ? [from, to] : [to, from];
			const conversationId = randomUUID();
			const times = c.messages.map((_, i) => at(c.daysAgo, i * 2));
			const last = times.at(-1)!;
			await trx
				.insertInto('conversations')
				.values({
					id: conversationId,
					member_a_id: a,
					member_b_id: b,
					created_at: decidedAt,
					last_message_at: last
				})
				.execute();
			await trx
				.insertInto('messages')
				.values(
					c.messages.map((body, i) => ({
						id: randomUUID(),
						conversation_id: conversationId,
						sender_id: i % 2 === 0 ? from : to,
						body,
						created_at: times[i]!
					}))
				)
				.execute();
			const lastSender = (c.messages.length - 1) % 2 === 0 ? from : to;
			const lastRecipient = lastSender === from ? to : from;
			await trx
				.insertInto('conversation_reads')
				.values([
					{ conversation_id: conversationId, user_id: lastSender, last_read_at: last },
					{
						conversation_id: conversationId,
						user_id: lastRecipient,
						last_read_at: c.read ? last : (times.at(-2) ?? null)
					}
				])
				.execute();
		}
		await trx
			.insertInto('contact_requests')
			.values({
				id: randomUUID(),
				from_id: id(PENDING.from)!,
				to_id: id(PENDING.to)!,
				message: PENDING.message,
				status: 'pending',
				created_at: at(PENDING.daysAgo),
				decided_at: null
			})
			.execute();
		// A few follows, so "Wat ik volg" is not empty for them.
		const follows: [Who, 'member_id' | 'theme_id', string][] = [
			['anke', 'member_id', id('ruud')!],
			['tjitske', 'theme_id', 'circulaire-economie'],
			['vera', 'theme_id', 'digitalisering']
		];
		for (const [who, column, target] of follows) {
			await trx
				.insertInto('follows')
				.values({
					id: randomUUID(),
					follower_id: id(who)!,
					target_type: column === 'member_id' ? 'member' : 'theme',
					member_id: null,
					organisation_id: null,
					theme_id: null,
					network_id: null,
					[column]: target,
					created_at: at(2)
				})
				.onConflict((oc) => oc.doNothing())
				.execute();
		}
	});
	return true;
}
