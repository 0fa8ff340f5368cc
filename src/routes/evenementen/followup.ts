import { eventSubject } from '$lib/server/features/events/present';
import { can as canEvent, type EventSubject } from '$lib/server/features/events/policy';
import type { EventDetailRow } from '$lib/server/features/events/queries';
import type { FollowupSubject } from '$lib/server/features/followup/policy';
import { followupOf, isParticipant } from '$lib/server/features/followup/queries';
import type { Viewer } from '$lib/server/features/viewer';

/** The policy subject of "after the session" for an event the viewer sees. */
export async function followupSubject(
	db: App.Locals['db'],
	viewer: Viewer,
	event: EventDetailRow
): Promise<FollowupSubject & { recordingUrl: string }> {
	const subject: EventSubject = eventSubject(event);
	const [settings, participant] = await Promise.all([
		followupOf(db, event.id),
		isParticipant(db, event.id, viewer)
	]);
	return {
		manage: canEvent(viewer, 'manage', subject),
		participant,
		materialsVisibility: settings.materialsVisibility,
		recordingUrl: settings.recordingUrl,
		past: event.ends_at <= new Date().toISOString()
	};
}
