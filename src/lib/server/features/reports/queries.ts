import type { DB } from '../../db';
import type { ReportSubject } from '../../db/tables/reports';

export const REPORT_PAGE_SIZE = 20;

/** What was reported, as the admins' page shows it; 'gone' when it no longer exists. */
export type ReportedContent =
	| {
			kind: 'thread';
			title: string;
			bodyHtml: string;
			authorName: string | null;
			networkName: string;
			url: string;
	  }
	| {
			kind: 'reply';
			threadTitle: string;
			bodyHtml: string;
			authorName: string | null;
			networkName: string;
			url: string;
	  }
	| { kind: 'message'; text: string | null }
	| { kind: 'gone' };

/**
 * Open reports, oldest first, a page at a time, each with what was reported, who reported it
 * and why. For the admins (the route checks).
 */
export async function openReports(db: DB, requestedPage = 1, pageSize = REPORT_PAGE_SIZE) {
	const { total } = await db
		.selectFrom('reports')
		.select((eb) => eb.fn.countAll<number>().as('total'))
		.where('resolved_at', 'is', null)
		.executeTakeFirstOrThrow();
	const pageCount = Math.max(1, Math.ceil(Number(total) / pageSize));
	const page = Math.min(Math.max(1, requestedPage), pageCount);
	const reports = await db
		.selectFrom('reports as r')
		.leftJoin('users as u', 'u.id', 'r.reporter_id')
		.select([
			'r.id',
			'r.subject_type',
			'r.subject_id',
			'r.reason',
			'r.created_at',
			'r.reporter_id',
			'u.name as reporter_name'
		])
		.where('r.resolved_at', 'is', null)
		.orderBy('r.created_at')
		.orderBy('r.id')
		.limit(pageSize)
		.offset((page - 1) * pageSize)
		.execute();
	const ids = (type: ReportSubject) =>
		reports.filter((r) => r.subject_type === type).map((r) => r.subject_id);
	const [threads, replies, messages] = await Promise.all([
		reportedThreads(db, ids('thread')),
		reportedReplies(db, ids('reply')),
		reportedMessages(db, ids('message'))
	]);
	const rows = reports.map((report) => {
		let content: ReportedContent = { kind: 'gone' };
		if (report.subject_type === 'thread') content = threads.get(report.subject_id) ?? content;
		else if (report.subject_type === 'reply') content = replies.get(report.subject_id) ?? content;
		else if (report.subject_type === 'message') {
			content = messages.has(report.subject_id)
				? { kind: 'message', text: messages.get(report.subject_id) ?? null }
				: { kind: 'gone' };
		}
		return { ...report, content };
	});
	return { rows, total: Number(total), page, pageCount };
}

export type OpenReportRow = Awaited<ReturnType<typeof openReports>>['rows'][number];

async function reportedThreads(db: DB, ids: string[]): Promise<Map<string, ReportedContent>> {
	if (ids.length === 0) return new Map();
	const rows = await db
		.selectFrom('threads as t')
		.innerJoin('networks as n', 'n.id', 't.network_id')
		.leftJoin('users as a', 'a.id', 't.author_id')
		.select(['t.id', 't.title', 't.body_html', 'a.name as author_name', 'n.name', 'n.slug'])
		.where('t.id', 'in', ids)
		.where('t.deleted_at', 'is', null)
		.execute();
	return new Map(
		rows.map((t) => [
			t.id,
			{
				kind: 'thread',
				title: t.title,
				bodyHtml: t.body_html,
				authorName: t.author_name,
				networkName: t.name,
				url: `/netwerken/${t.slug}/discussies/${t.id}`
			}
		])
	);
}

async function reportedReplies(db: DB, ids: string[]): Promise<Map<string, ReportedContent>> {
	if (ids.length === 0) return new Map();
	const rows = await db
		.selectFrom('replies as r')
		.innerJoin('threads as t', 't.id', 'r.thread_id')
		.innerJoin('networks as n', 'n.id', 't.network_id')
		.leftJoin('users as a', 'a.id', 'r.author_id')
		.select([
			'r.id',
			'r.body_html',
			't.id as thread_id',
			't.title',
			'a.name as author_name',
			'n.name',
			'n.slug'
		])
		.where('r.id', 'in', ids)
		.where('r.deleted_at', 'is', null)
		.where('t.deleted_at', 'is', null)
		.execute();
	return new Map(
		rows.map((r) => [
			r.id,
			{
				kind: 'reply',
				threadTitle: r.title,
				bodyHtml: r.body_html,
				authorName: r.author_name,
				networkName: r.name,
				url: `/netwerken/${r.slug}/discussies/${r.thread_id}?reactie=${r.id}`
			}
		])
	);
}

/** The text of reported messages, by id (messages are plain text). */
async function reportedMessages(db: DB, ids: string[]): Promise<Map<string, string | null>> {
	if (ids.length === 0) return new Map();
	const rows = await db
		.selectFrom('messages')
		.select(['id', 'body'])
		.where('id', 'in', ids)
		.execute();
	return new Map(rows.map((r) => [r.id, r.body]));
}
