import type { Generated } from 'kysely';

/**
 * queued: waiting for the worker (or retrying); sent: handed to the SMTP server;
 * stored: no SMTP configured, kept here for admins to read; failed: gave up after the last attempt.
 */
export type MailStatus = 'queued' | 'sent' | 'stored' | 'failed';

/** Every message lands here before it is sent, so a crash never loses one. */
export interface MailOutboxTable {
	id: string;
	to_address: string;
	subject: string;
	text_body: string;
	html_body: string | null;
	/** What the message is for, e.g. 'verification' or 'approval'. */
	kind: string;
	status: Generated<MailStatus>;
	attempts: Generated<number>;
	last_error: string | null;
	created_at: Generated<string>;
	sent_at: string | null;
}
