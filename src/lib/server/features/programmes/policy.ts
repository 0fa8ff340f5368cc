import type { ProgrammeVisibility } from '../../db/tables/programmes';
import type { Viewer } from '../viewer';

/**
 * Who may do what with a programme, read like sentences. Everyone sees a public programme,
 * members also the members' ones. Members enrol in the cohort while enrolment is open. A
 * programme's coordinators run it (cohort, sessions, settings); admins and editors run every
 * programme and create new ones.
 */

export interface ProgrammeSubject {
	visibility: ProgrammeVisibility;
	enrolmentOpen: boolean;
	/** Whether the viewer is one of the programme's coordinators. */
	coordinator: boolean;
}

export type ProgrammeAction =
	/** See the programme, its sessions and what it harvested. */
	| 'see'
	/** Enrol in the cohort (or join its waiting list), and leave it. */
	| 'enrol'
	/** See who is in the cohort and their attendance. */
	| 'see_cohort'
	/** Change the programme, its cohort, its coordinators; add sessions. */
	| 'manage';

const runsEverything = (viewer: Viewer) =>
	viewer.kind === 'member' && (viewer.role === 'admin' || viewer.role === 'editor');

export function can(viewer: Viewer, action: ProgrammeAction, programme: ProgrammeSubject): boolean {
	const visible = programme.visibility === 'public' || viewer.kind === 'member';
	if (!visible) return false;
	const manages = runsEverything(viewer) || (viewer.kind === 'member' && programme.coordinator);
	switch (action) {
		case 'see':
			return true;
		case 'enrol':
			return viewer.kind === 'member' && programme.enrolmentOpen;
		case 'see_cohort':
			return viewer.kind === 'member';
		case 'manage':
			return manages;
	}
}

/** Who may start a new programme: admins and editors. */
export function canCreateProgramme(viewer: Viewer): boolean {
	return runsEverything(viewer);
}

/**
 * Whether the viewer runs this programme only as an admin or editor, not as one of its
 * coordinators: what they do then goes into the audit log.
 */
export function managesAsStaff(viewer: Viewer, programme: ProgrammeSubject): boolean {
	return runsEverything(viewer) && !programme.coordinator;
}
