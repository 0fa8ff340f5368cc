import type { EventVisibility } from '../../db/tables/events';
import type { Viewer } from '../viewer';

/**
 * Who may do what with an event, read like sentences. Admins and editors run every event;
 * coordinators run the events their network organises, and a programme's coordinators its sessions. Visitors see public events and may
 * register for them as guests; members see members' events and those of their own networks.
 */

export interface EventSubject {
	visibility: EventVisibility;
	/** The organising network, if any. */
	networkId: string | null;
	/** The viewer's active role in that network, if any. */
	networkRole: 'member' | 'coordinator' | null;
	/** The programme the event is a session of, if any. */
	programmeId?: string | null;
	/** 'coordinator' when the viewer coordinates the programme the event is a session of. */
	programmeRole?: 'coordinator' | null;
}

export type EventAction =
	/** See the event and its details (not the meeting link). */
	| 'see'
	/** Register as a member (and cancel). */
	| 'register'
	/** Register as a guest, without an account. */
	| 'register_as_guest'
	/** Edit, see registrations, add/remove, capacity, close, message, export, attendance, copy. */
	| 'manage';

/** Admins and editors run every event (the platform's and everyone else's). */
export const managesEveryEvent = (viewer: Viewer) =>
	viewer.kind === 'member' && (viewer.role === 'admin' || viewer.role === 'editor');

export function can(viewer: Viewer, action: EventAction, event: EventSubject): boolean {
	const visible =
		managesEveryEvent(viewer) ||
		event.visibility === 'public' ||
		(event.visibility === 'members' && viewer.kind === 'member') ||
		(event.visibility === 'network' && viewer.kind === 'member' && event.networkRole !== null);
	if (!visible) return false;
	switch (action) {
		case 'see':
			return true;
		case 'register':
			return viewer.kind === 'member';
		case 'register_as_guest':
			return viewer.kind === 'visitor' && event.visibility === 'public';
		case 'manage':
			return (
				managesEveryEvent(viewer) ||
				(viewer.kind === 'member' &&
					event.networkId !== null &&
					event.networkRole === 'coordinator') ||
				(viewer.kind === 'member' && event.programmeRole === 'coordinator')
			);
	}
}

/**
 * Whether the viewer manages this event only as an admin or editor: it is a network's or a
 * programme's, and they do not coordinate that. What they do then goes into the audit log; the
 * platform's own events are staff work and are not logged.
 */
export function managesAsStaff(viewer: Viewer, event: EventSubject): boolean {
	const organisedBySomeone = event.networkId !== null || Boolean(event.programmeId);
	const organiser =
		(event.networkId !== null && event.networkRole === 'coordinator') ||
		event.programmeRole === 'coordinator';
	return managesEveryEvent(viewer) && organisedBySomeone && !organiser;
}

/**
 * Who may create events: admins and editors (for anyone), coordinators (for their networks and
 * the programmes they coordinate).
 */
export function canCreateEvent(
	viewer: Viewer,
	coordinatedNetworks: number,
	coordinatedProgrammes = 0
): boolean {
	return (
		managesEveryEvent(viewer) ||
		(viewer.kind === 'member' && coordinatedNetworks + coordinatedProgrammes > 0)
	);
}

/** Whether the viewer may organise on behalf of the platform itself (not only a network). */
export function canOrganiseForPlatform(viewer: Viewer): boolean {
	return managesEveryEvent(viewer);
}
