import type { Generated } from 'kysely';

/** Who sees an event's materials: its participants, or every member who sees the event. */
export type MaterialsVisibility = 'participants' | 'members';

/** After the session: per event, the materials' audience, a recording link, who was told. */
export interface EventFollowupTable {
	event_id: string;
	materials_visibility: Generated<MaterialsVisibility>;
	/** A recording or slides link (http/https), or ''. */
	recording_url: Generated<string>;
	materials_notified_at: string | null;
	report_notified_at: string | null;
	updated_at: Generated<string>;
}

/** A file of an event's materials (checked like a knowledge attachment). */
export interface EventMaterialTable {
	id: string;
	event_id: string;
	/** The stored name under the uploads' attachments folder. */
	file_name: string;
	/** The cleaned name it is downloaded under. */
	original_name: string;
	media_type: string;
	size: number;
	uploaded_by: string | null;
	created_at: Generated<string>;
}

/** A participant's evaluation of an event: one per person, editable. */
export interface EventEvaluationTable {
	id: string;
	event_id: string;
	user_id: string;
	score: number;
	/** "What was most valuable?" */
	answer_valuable: Generated<string>;
	/** "What could be better?" */
	answer_better: Generated<string>;
	created_at: Generated<string>;
	updated_at: Generated<string>;
}
