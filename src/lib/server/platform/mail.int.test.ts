import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '../db';
import { DIALECTS, migratedDatabase, type TestDatabase } from '../testing/db';
import { startSmtpServer, type TestSmtpServer } from '../testing/smtp-server';
import { runJobsOnce } from './jobs';
import { logger } from './logger';
import {
	createMailTransport,
	MAIL_MAX_ATTEMPTS,
	mailFrom,
	mailHandlers,
	type MailTransport,
	queueMail
} from './mail';

const quiet = logger.child({}, { level: 'silent' });
const from = mailFrom('https://kennisnetwerk.example');
const link = 'https://kennisnetwerk.example/account/bevestigen?token=abc123XYZ';

/** An SMTP URL where nothing listens: the port was free a moment ago. */
async function deadSmtpUrl(): Promise<string> {
	const probe = net.createServer();
	await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
	const { port } = probe.address() as AddressInfo;
	await new Promise<void>((resolve) => probe.close(() => resolve()));
	return `smtp://127.0.0.1:${port}`;
}

async function outboxRow(db: DB, id: string) {
	return db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function mailJob(db: DB, outboxId: string) {
	const jobs = await db.selectFrom('jobs').selectAll().where('kind', '=', 'mail.send').execute();
	return jobs.find((j) => JSON.parse(j.payload).outboxId === outboxId);
}

const verification = {
	to: 'nieuw.lid@gemeente.example',
	subject: 'Bevestig je e-mailadres',
	text: `Welkom bij het kennisnetwerk.\n\nBevestig je e-mailadres via deze link:\n${link}\n`,
	html: `<p>Welkom bij het kennisnetwerk.</p><p><a href="${link}">Bevestig je e-mailadres</a></p>`,
	kind: 'verification'
};

describe.each(DIALECTS)('mail on %s', (dialect) => {
	let handle: TestDatabase;
	let db: DB;
	let smtp: TestSmtpServer;
	let transport: MailTransport;

	beforeAll(async () => {
		handle = await migratedDatabase(dialect);
		db = handle.db;
		smtp = await startSmtpServer();
		transport = createMailTransport(smtp.url) as MailTransport;
	});
	afterAll(async () => {
		transport?.close();
		await smtp?.close();
		await handle?.destroy();
	});
	beforeEach(async () => {
		smtp.received.length = 0;
		await db.deleteFrom('jobs').execute();
		await db.deleteFrom('mail_outbox').execute();
	});

	it('delivers a queued message over SMTP with its link, and marks it sent', async () => {
		const id = await queueMail(db, verification);
		expect(await outboxRow(db, id)).toMatchObject({ status: 'queued', attempts: 0 });

		const result = await runJobsOnce(db, mailHandlers(db, transport, { from }), {
			workerId: 'mail-test',
			log: quiet
		});
		expect(result).toMatchObject({ claimed: 1, done: 1 });

		expect(smtp.received).toHaveLength(1);
		const mail = smtp.received[0]!.mail;
		expect(mail.subject).toBe('Bevestig je e-mailadres');
		expect(mail.from?.value[0]).toMatchObject({
			name: 'Kennisnetwerk',
			address: 'noreply@kennisnetwerk.example'
		});
		expect(mail.messageId).toBe(`<${id}@kennisnetwerk.example>`);
		expect(mail.text?.match(/https:\/\/\S+/)?.[0]).toBe(link);
		expect(mail.html).toContain(`href="${link.replace(/&/g, '&amp;')}"`);

		const row = await outboxRow(db, id);
		expect(row).toMatchObject({ status: 'sent', attempts: 1 });
		expect(row.sent_at).not.toBeNull();
		expect((await mailJob(db, id))?.done_at).not.toBeNull();
	});

	it('keeps the message in the outbox as stored when no SMTP is configured', async () => {
		expect(createMailTransport(undefined)).toBeNull();
		const id = await queueMail(db, verification);
		const result = await runJobsOnce(db, mailHandlers(db, null, { from }), {
			workerId: 'mail-test',
			log: quiet
		});
		expect(result).toMatchObject({ claimed: 1, done: 1 });
		const row = await outboxRow(db, id);
		expect(row).toMatchObject({ status: 'stored', text_body: verification.text, sent_at: null });
		expect(smtp.received).toHaveLength(0);
	});

	it('retries while the SMTP server is down, keeping the message, and delivers it later', async () => {
		const down = createMailTransport(await deadSmtpUrl()) as MailTransport;
		const id = await queueMail(db, verification);
		const first = await runJobsOnce(db, mailHandlers(db, down, { from }), {
			workerId: 'mail-test',
			log: quiet
		});
		down.close();
		expect(first).toMatchObject({ claimed: 1, retried: 1 });

		const row = await outboxRow(db, id);
		expect(row).toMatchObject({ status: 'queued', attempts: 1, text_body: verification.text });
		expect(row.last_error).toMatch(/ECONNREFUSED|connect/i);
		const job = await mailJob(db, id);
		expect(job).toMatchObject({ attempts: 1, done_at: null, failed_at: null, locked_by: null });
		expect(Date.parse(job?.run_at ?? '')).toBeGreaterThan(Date.now());

		// Not due yet: a worker running now leaves it alone.
		expect(
			await runJobsOnce(db, mailHandlers(db, transport, { from }), {
				workerId: 'mail-test',
				log: quiet
			})
		).toMatchObject({ claimed: 0 });

		const later = new Date(Date.parse(job?.run_at ?? '') + 1000);
		const second = await runJobsOnce(db, mailHandlers(db, transport, { from }), {
			workerId: 'mail-test',
			now: later,
			log: quiet
		});
		expect(second).toMatchObject({ claimed: 1, done: 1 });
		expect(smtp.received.map((r) => r.mail.subject)).toEqual(['Bevestig je e-mailadres']);
		expect(await outboxRow(db, id)).toMatchObject({ status: 'sent', attempts: 2 });
	});

	it('marks the message failed after the last attempt, and still keeps it', async () => {
		const down = createMailTransport(await deadSmtpUrl()) as MailTransport;
		const id = await queueMail(db, verification);
		let now = new Date();
		let failed = 0;
		for (let i = 0; i < MAIL_MAX_ATTEMPTS + 2; i++) {
			const result = await runJobsOnce(db, mailHandlers(db, down, { from }), {
				workerId: 'mail-test',
				now,
				log: quiet
			});
			failed += result.failed;
			now = new Date(now.getTime() + 2 * 3600 * 1000);
		}
		down.close();
		expect(failed).toBe(1);
		expect(await outboxRow(db, id)).toMatchObject({
			status: 'failed',
			attempts: MAIL_MAX_ATTEMPTS,
			text_body: verification.text
		});
		expect((await mailJob(db, id))?.failed_at).not.toBeNull();
	});

	it('sends nothing for a message queued in a transaction that rolls back', async () => {
		await expect(
			db.transaction().execute(async (trx) => {
				await queueMail(trx, verification);
				throw new Error('roll back');
			})
		).rejects.toThrow('roll back');
		expect(await db.selectFrom('mail_outbox').select('id').execute()).toEqual([]);
		expect(await db.selectFrom('jobs').select('id').execute()).toEqual([]);
		const result = await runJobsOnce(db, mailHandlers(db, transport, { from }), {
			workerId: 'mail-test',
			log: quiet
		});
		expect(result.claimed).toBe(0);
		expect(smtp.received).toHaveLength(0);
	});

	it('does not send again when a repeated job finds the message already sent', async () => {
		const id = await queueMail(db, verification);
		const handlers = mailHandlers(db, transport, { from });
		await runJobsOnce(db, handlers, { workerId: 'mail-test', log: quiet });
		await handlers['mail.send']?.(
			{ outboxId: id },
			{
				jobId: 'repeat',
				attempt: 2,
				maxAttempts: MAIL_MAX_ATTEMPTS,
				isLastAttempt: false,
				workerId: 'mail-test',
				log: quiet
			}
		);
		expect(smtp.received).toHaveLength(1);
	});
});
