import type { MaterialsVisibility } from '../../db/tables/followup';
import type { Viewer } from '../viewer';

/**
 * After the session, read like sentences. The subject is an event the viewer already sees
 * (events/policy.ts decides that, and who manages it). Its organisers manage materials and
 * reports and are the only ones who see evaluations. Materials are for its participants (a place,
 * or marked present), or for every member, as the organisers choose. Participants evaluate an
 * event once it is over.
 */

export interface FollowupSubject {
	/** The viewer may manage the event (events/policy.ts 'manage'). */
	manage: boolean;
	/** The viewer had a place at the event, or was marked present. */
	participant: boolean;
	materialsVisibility: MaterialsVisibility;
	/** The event has ended. */
	past: boolean;
}

export type FollowupAction =
	/** Download the files and follow the recording link. */
	| 'see_materials'
	/** Add and remove files, set the link and who sees them, link reports. */
	| 'manage_followup'
	/** Fill in (or change) one's own evaluation. */
	| 'evaluate'
	/** See the scores and answers of all evaluations. */
	| 'see_evaluations';

export function can(viewer: Viewer, action: FollowupAction, event: FollowupSubject): boolean {
	if (viewer.kind !== 'member') return false;
	switch (action) {
		case 'see_materials':
			return event.manage || event.materialsVisibility === 'members' || event.participant;
		case 'manage_followup':
		case 'see_evaluations':
			return event.manage;
		case 'evaluate':
			return event.participant && event.past;
	}
}
