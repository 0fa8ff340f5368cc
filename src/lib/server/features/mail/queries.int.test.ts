import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, migratedDatabase, type TestDatabase } from '../../testing/db';
import { getOutboxMessage, listOutbox, type MailStatus } from './queries';

describe.each(DIALECTS)('mail outbox queries on %s', (dialect) => {
	let handle: TestDatabase;
	// Statuses of bericht-1 … bericht-7.
	const statuses: MailStatus[] = [
		'stored',
		'queued',
		'failed',
		'stored',
		'sent',
		'stored',
		'queued'
	];

	beforeAll(async () => {
		handle = await migratedDatabase(dialect);
		// Seven messages a minute apart: bericht-1 is the oldest, bericht-7 the newest.
		for (let i = 1; i <= 7; i++) {
			await handle.db
				.insertInto('mail_outbox')
				.values({
					id: `bericht-${i}`,
					to_address: `lid${i}@gemeente.example`,
					subject: `Onderwerp ${i}`,
					text_body: `Tekst ${i}`,
					html_body: i === 1 ? '<p>Tekst 1</p>' : null,
					kind: 'verification',
					status: statuses[i - 1],
					last_error: null,
					created_at: new Date(Date.UTC(2026, 10, 29, 12, i)).toISOString(),
					sent_at: null
				})
				.execute();
		}
	});
	afterAll(async () => {
		await handle?.destroy();
	});

	it('lists newest first, a page at a time, and clamps pages past the end', async () => {
		const first = await listOutbox(handle.db, { page: 1, pageSize: 3 });
		expect(first).toMatchObject({ total: 7, page: 1, pageCount: 3 });
		expect(first.rows.map((r) => r.id)).toEqual(['bericht-7', 'bericht-6', 'bericht-5']);
		const last = await listOutbox(handle.db, { page: 99, pageSize: 3 });
		expect(last.page).toBe(3);
		expect(last.rows.map((r) => r.id)).toEqual(['bericht-1']);
		expect((await listOutbox(handle.db, { page: 0, pageSize: 3 })).page).toBe(1);
		expect(first.rows[0]?.created_at).toBe('2026-11-29T12:07:00.000Z');
	});

	it('filters by status', async () => {
		const stored = await listOutbox(handle.db, { page: 1, status: 'stored' });
		expect(stored.total).toBe(3);
		expect(stored.rows.every((r) => r.status === 'stored')).toBe(true);
		const sent = await listOutbox(handle.db, { page: 1, status: 'sent' });
		expect(sent).toMatchObject({ total: 1, pageCount: 1 });
		expect(sent.rows.map((r) => r.id)).toEqual(['bericht-5']);
	});

	it('reads one message with its bodies, or nothing for an unknown id', async () => {
		expect(await getOutboxMessage(handle.db, 'bericht-1')).toMatchObject({
			text_body: 'Tekst 1',
			html_body: '<p>Tekst 1</p>',
			attempts: 0
		});
		expect(await getOutboxMessage(handle.db, 'bestaat-niet')).toBeUndefined();
	});
});
