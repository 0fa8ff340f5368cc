import type { DB } from '../../db';
import { visibleEvents } from '../events/queries';
import { knowledgeVisibleTo } from '../knowledge/queries';
import type { Viewer } from '../viewer';

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
