import type { MailStatus, OutboxMessageRow, OutboxPage, OutboxRow } from './queries';

export const MAIL_STATUSES: readonly MailStatus[] = ['queued', 'sent', 'stored', 'failed'];

/** A status from a query string, or undefined for anything else (meaning: all statuses). */
export function parseMailStatus(value: string | null): MailStatus | undefined {
	return MAIL_STATUSES.find((s) => s === value);
}

export interface OutboxSummary {
	id: string;
	to: string;
	subject: string;
	kind: string;
	status: MailStatus;
	createdAt: string;
	sentAt: string | null;
}

export interface OutboxMessage extends OutboxSummary {
	text: string;
	/** The HTML version as source text: pages show it escaped, never rendered. */
	htmlSource: string | null;
	attempts: number;
	lastError: string | null;
}

export function presentOutboxSummary(row: OutboxRow): OutboxSummary {
	return {
		id: row.id,
		to: row.to_address,
		subject: row.subject,
		kind: row.kind,
		status: row.status,
		createdAt: row.created_at,
		sentAt: row.sent_at
	};
}

export function presentOutboxPage(page: OutboxPage) {
	return {
		messages: page.rows.map(presentOutboxSummary),
		total: page.total,
		page: page.page,
		pageCount: page.pageCount
	};
}

export function presentOutboxMessage(row: OutboxMessageRow): OutboxMessage {
	return {
		...presentOutboxSummary(row),
		text: row.text_body,
		htmlSource: row.html_body,
		attempts: Number(row.attempts),
		lastError: row.last_error
	};
}
