import type { DB } from '../../db';
import type { MailStatus } from '../../db/tables/mail';

export type { MailStatus } from '../../db/tables/mail';

export const OUTBOX_PAGE_SIZE = 25;

/** One page of the outbox, newest first; a page past the end yields the last page. */
export async function listOutbox(
	db: DB,
	input: { page: number; status?: MailStatus; pageSize?: number }
) {
	const pageSize = input.pageSize ?? OUTBOX_PAGE_SIZE;
	let base = db.selectFrom('mail_outbox');
	if (input.status) base = base.where('status', '=', input.status);
	const { total } = await base
		.select((eb) => eb.fn.countAll<number>().as('total'))
		.executeTakeFirstOrThrow();
	const pageCount = Math.max(1, Math.ceil(Number(total) / pageSize));
	const page = Math.min(Math.max(1, Math.floor(input.page) || 1), pageCount);
	const rows = await base
		.select(['id', 'to_address', 'subject', 'kind', 'status', 'created_at', 'sent_at'])
		.orderBy('created_at', 'desc')
		.orderBy('id', 'desc')
		.limit(pageSize)
		.offset((page - 1) * pageSize)
		.execute();
	return { rows, total: Number(total), page, pageCount };
}

export type OutboxPage = Awaited<ReturnType<typeof listOutbox>>;
export type OutboxRow = OutboxPage['rows'][number];

export async function getOutboxMessage(db: DB, id: string) {
	return db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

export type OutboxMessageRow = NonNullable<Awaited<ReturnType<typeof getOutboxMessage>>>;
