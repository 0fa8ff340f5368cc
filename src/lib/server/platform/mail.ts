import { randomUUID } from 'node:crypto';
import { createTransport } from 'nodemailer';
import type { DB } from '../db';
import { enqueueJob, errorText, type JobContext, type JobHandlers } from './jobs';

/**
 * Mail goes through the outbox: queueMail stores the message and enqueues its delivery in one
 * transaction, and the job worker sends it over SMTP (retrying with backoff) or, without SMTP,
 * keeps it in the outbox for admins to read at /beheer/mail.
 */

export const MAIL_SEND_JOB = 'mail.send';
/** With the jobs' backoff (10 s doubling, capped at an hour) this keeps trying for about 1.5 hours. */
export const MAIL_MAX_ATTEMPTS = 10;

export interface MailInput {
	to: string;
	subject: string;
	text: string;
	html?: string;
	/** What the message is for, e.g. 'verification' or 'approval'. */
	kind: string;
}

/** The part of a nodemailer transport we use, so tests and other transports can stand in. */
export interface MailTransport {
	sendMail(message: {
		from: string;
		to: string;
		subject: string;
		text: string;
		html?: string;
		messageId?: string;
	}): Promise<unknown>;
	close(): void;
}

/** A nodemailer SMTP transport for SMTP_URL, or null when mail should stay in the outbox. */
export function createMailTransport(smtpUrl: string | undefined): MailTransport | null {
	if (!smtpUrl) return null;
	// Nodemailer waits up to 2 minutes for a connection and 10 for a quiet socket; shorter limits
	// keep a hanging server well inside the job's lease, and the job simply retries.
	return createTransport({
		url: smtpUrl,
		connectionTimeout: 30_000,
		greetingTimeout: 30_000,
		socketTimeout: 60_000
	});
}

/** `Kennisnetwerk <noreply@host>` for the host the app is served from. */
export function mailFrom(origin: string): string {
	return `Kennisnetwerk <noreply@${new URL(origin).hostname}>`;
}

/**
 * Stores the message and enqueues its delivery atomically. Pass the caller's transaction so the
 * mail exists exactly when the change that caused it does; given the plain database handle, it
 * opens its own transaction.
 */
export async function queueMail(db: DB, input: MailInput): Promise<string> {
	if (!db.isTransaction) return db.transaction().execute((trx) => queueMail(trx, input));
	const id = randomUUID();
	await db
		.insertInto('mail_outbox')
		.values({
			id,
			to_address: input.to,
			subject: input.subject,
			text_body: input.text,
			html_body: input.html ?? null,
			kind: input.kind,
			last_error: null,
			sent_at: null
		})
		.execute();
	await enqueueJob(db, {
		kind: MAIL_SEND_JOB,
		payload: { outboxId: id },
		maxAttempts: MAIL_MAX_ATTEMPTS
	});
	return id;
}

/** The job handlers that deliver the outbox; `transport` null means no SMTP is configured. */
export function mailHandlers(
	db: DB,
	transport: MailTransport | null,
	options: { from?: string } = {}
): JobHandlers {
	const from = options.from ?? mailFrom('http://localhost');
	const domain = /@([^>\s]+)/.exec(from)?.[1] ?? 'localhost';
	return {
		[MAIL_SEND_JOB]: async (payload, ctx) => {
			const outboxId = (payload as { outboxId?: unknown } | null)?.outboxId;
			if (typeof outboxId !== 'string') throw new Error('mail.send job without an outboxId');
			await deliver(db, transport, { from, domain }, outboxId, ctx);
		}
	};
}

async function deliver(
	db: DB,
	transport: MailTransport | null,
	sender: { from: string; domain: string },
	outboxId: string,
	ctx: JobContext
): Promise<void> {
	const message = await db
		.selectFrom('mail_outbox')
		.selectAll()
		.where('id', '=', outboxId)
		.executeTakeFirst();
	if (!message) {
		ctx.log.warn({ outboxId }, 'mail no longer in the outbox; nothing to send');
		return;
	}
	// A repeated job (its first run finished after its lease expired) must not send twice.
	if (message.status === 'sent' || message.status === 'stored') return;

	if (!transport) {
		await db
			.updateTable('mail_outbox')
			.set({ status: 'stored' })
			.where('id', '=', outboxId)
			.execute();
		return;
	}

	try {
		await transport.sendMail({
			from: sender.from,
			to: message.to_address,
			subject: message.subject,
			text: message.text_body,
			...(message.html_body ? { html: message.html_body } : {}),
			// The same Message-ID on a repeat lets receiving servers and clients spot the duplicate.
			messageId: `<${message.id}@${sender.domain}>`
		});
	} catch (error) {
		await db
			.updateTable('mail_outbox')
			.set((eb) => ({
				attempts: eb('attempts', '+', 1),
				last_error: errorText(error).slice(0, 2000),
				status: ctx.isLastAttempt ? 'failed' : 'queued'
			}))
			.where('id', '=', outboxId)
			.execute();
		throw error;
	}
	await db
		.updateTable('mail_outbox')
		.set((eb) => ({
			status: 'sent',
			attempts: eb('attempts', '+', 1),
			sent_at: new Date().toISOString()
		}))
		.where('id', '=', outboxId)
		.execute();
}
