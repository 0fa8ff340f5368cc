import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { DB } from '../../db';
import { managesEveryEvent } from '../events/policy';
import { visibleEvents } from '../events/queries';
import { knowledgeVisibleTo } from '../knowledge/queries';
import type { Viewer } from '../viewer';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyEB = ExpressionBuilder<any, any>;

/**
 * After the session: the reports linked to an event, and the event a report belongs to. A report
 * is a knowledge item of the kind 'report' whose event_id names the event; both directions are
 * filtered by what the viewer may see, in the query.
 */

/** The published reports of an event that the viewer may see, newest first. */
export async function reportsForEvent(db: DB, eventId: string, viewer: Viewer) {
	return db
		.selectFrom('knowledge_items')
		.select(['id', 'slug', 'title', 'summary', 'published_at'])
		.where('event_id', '=', eventId)
		.where('kind', '=', 'report')
		.where(knowledgeVisibleTo(viewer))
		.orderBy('published_at', 'desc')
		.orderBy('id')
		.execute();
}

/** The event a knowledge item reports on, if there is one and the viewer may see it. */
export async function eventOfReport(db: DB, itemId: string, viewer: Viewer) {
	return db
		.selectFrom('knowledge_items as k')
		.innerJoin('events as e', 'e.id', 'k.event_id')
		.select(['e.slug', 'e.title', 'e.starts_at'])
		.where('k.id', '=', itemId)
		.where(visibleEvents(viewer))
		.executeTakeFirst();
}

/**
 * Reports an organiser may link to the event: published reports they may see that are not yet
 * linked to any event, plus the ones linked to this event (to show what is linked).
 */
export async function linkableReports(db: DB, eventId: string, viewer: Viewer) {
	return db
		.selectFrom('knowledge_items')
		.select(['id', 'slug', 'title', 'event_id'])
		.where('kind', '=', 'report')
		.where((eb) => eb.or([eb('event_id', 'is', null), eb('event_id', '=', eventId)]))
		.where(knowledgeVisibleTo(viewer, { includeDrafts: true }))
		.orderBy('title')
		.limit(200)
		.execute();
}

/** An event's after-session settings; the defaults when nothing was set yet. */
export async function followupOf(db: DB, eventId: string) {
	const row = await db
		.selectFrom('event_followup')
		.select(['materials_visibility', 'recording_url'])
		.where('event_id', '=', eventId)
		.executeTakeFirst();
	return {
		materialsVisibility: row?.materials_visibility ?? ('participants' as const),
		recordingUrl: row?.recording_url ?? ''
	};
}

/** Whether a member took part: a place at the event, or marked present. */
export async function isParticipant(db: DB, eventId: string, viewer: Viewer) {
	if (viewer.kind !== 'member') return false;
	const row = await db
		.selectFrom('event_registrations')
		.select('id')
		.where('event_id', '=', eventId)
		.where('user_id', '=', viewer.userId)
		.where((eb) => eb.or([eb('status', '=', 'registered'), eb('attended', '=', true)]))
		.executeTakeFirst();
	return row !== undefined;
}

/**
 * The materials' audience as a where-clause on event_materials (policy.ts 'see_materials', in
 * SQL): organisers always, other members when the event shares them with members or when they
 * took part; visitors never.
 */
function materialsVisibleTo(viewer: Viewer, manage: boolean) {
	return (eb: AnyEB): Expression<SqlBool> => {
		if (viewer.kind !== 'member') return sql<SqlBool>`1 = 0`;
		if (manage) return sql<SqlBool>`1 = 1`;
		return eb.or([
			eb(
				'event_materials.event_id',
				'in',
				eb
					.selectFrom('event_followup')
					.select('event_followup.event_id')
					.where('event_followup.materials_visibility', '=', 'members')
			),
			eb(
				'event_materials.event_id',
				'in',
				eb
					.selectFrom('event_registrations')
					.select('event_registrations.event_id')
					.where('event_registrations.user_id', '=', viewer.userId)
					.where((r) =>
						r.or([
							r('event_registrations.status', '=', 'registered'),
							r('event_registrations.attended', '=', true)
						])
					)
			)
		]);
	};
}

/** The files of an event the viewer may download (never the stored name). */
export async function materialsFor(
	db: DB,
	input: { eventId: string; viewer: Viewer; manage: boolean }
) {
	const rows = await db
		.selectFrom('event_materials')
		.select(['id', 'original_name', 'media_type', 'size', 'created_at'])
		.where('event_materials.event_id', '=', input.eventId)
		.where(materialsVisibleTo(input.viewer, input.manage))
		.orderBy('created_at')
		.orderBy('id')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		name: r.original_name,
		mediaType: r.media_type,
		size: Number(r.size),
		createdAt: r.created_at
	}));
}

/** What a past event's card shows of what came after. */
export interface ListFollowup {
	reports: { slug: string; title: string }[];
	materials: number;
}

/**
 * For a list of past events (the calendar): per event, the published reports the viewer may see
 * and how many materials they may download. Staff run every event and see every file; anyone
 * else as a participant or member would on the event's page (without organising: an organiser
 * sees the rest on the event's page).
 */
export async function followupForList(db: DB, eventIds: string[], viewer: Viewer) {
	const result = new Map<string, ListFollowup>();
	if (eventIds.length === 0) return result;
	const [reports, materials] = await Promise.all([
		db
			.selectFrom('knowledge_items')
			.select(['event_id', 'slug', 'title'])
			.where('event_id', 'in', eventIds)
			.where('kind', '=', 'report')
			.where(knowledgeVisibleTo(viewer))
			.orderBy('published_at', 'desc')
			.orderBy('id')
			.execute(),
		db
			.selectFrom('event_materials')
			.select(['event_materials.event_id', (eb) => eb.fn.countAll<number>().as('n')])
			.where('event_materials.event_id', 'in', eventIds)
			.where(materialsVisibleTo(viewer, managesEveryEvent(viewer)))
			.groupBy('event_materials.event_id')
			.execute()
	]);
	for (const id of eventIds) result.set(id, { reports: [], materials: 0 });
	for (const r of reports) {
		if (r.event_id) result.get(r.event_id)?.reports.push({ slug: r.slug, title: r.title });
	}
	for (const m of materials) {
		const entry = result.get(m.event_id);
		if (entry) entry.materials = Number(m.n);
	}
	return result;
}

/** One file to download, if the viewer may; undefined otherwise (the route answers 404). */
export async function materialForViewer(
	db: DB,
	input: { eventId: string; materialId: string; viewer: Viewer; manage: boolean }
) {
	const row = await db
		.selectFrom('event_materials')
		.select(['file_name', 'original_name', 'media_type'])
		.where('event_materials.id', '=', input.materialId)
		.where('event_materials.event_id', '=', input.eventId)
		.where(materialsVisibleTo(input.viewer, input.manage))
		.executeTakeFirst();
	return row
		? { fileName: row.file_name, name: row.original_name, mediaType: row.media_type }
		: undefined;
}

/** A member's own evaluation of an event, to fill the form again. */
export async function myEvaluation(db: DB, eventId: string, viewer: Viewer) {
	if (viewer.kind !== 'member') return undefined;
	return db
		.selectFrom('event_evaluations')
		.select(['score', 'answer_valuable', 'answer_better', 'updated_at'])
		.where('event_id', '=', eventId)
		.where('user_id', '=', viewer.userId)
		.executeTakeFirst();
}

/**
 * All evaluations of an event, for its organisers only (the caller checked policy.ts
 * 'see_evaluations'): the average score, how many gave each score, and the answers without names.
 */
export async function evaluationSummary(db: DB, eventId: string) {
	const rows = await db
		.selectFrom('event_evaluations')
		.select(['score', 'answer_valuable', 'answer_better'])
		.where('event_id', '=', eventId)
		.orderBy('created_at')
		.orderBy('id')
		.execute();
	const scores = rows.map((r) => Number(r.score));
	const count = scores.length;
	return {
		count,
		average: count ? Math.round((scores.reduce((a, b) => a + b, 0) / count) * 10) / 10 : null,
		perScore: [1, 2, 3, 4, 5].map((score) => ({
			score,
			count: scores.filter((s) => s === score).length
		})),
		valuable: rows.map((r) => r.answer_valuable).filter(Boolean),
		better: rows.map((r) => r.answer_better).filter(Boolean)
	};
}
