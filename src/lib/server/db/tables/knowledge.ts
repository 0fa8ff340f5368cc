import type { Generated } from 'kysely';

export type KnowledgeKind = 'practice_example' | 'insight' | 'publication' | 'report';
export type KnowledgeStatus = 'draft' | 'published';
export type KnowledgeVisibility = 'public' | 'members' | 'network';

/** A knowledge item: a practice example, an insight, a publication or a session report. */
export interface KnowledgeItemTable {
	id: string;
	slug: string;
	kind: KnowledgeKind;
	status: Generated<KnowledgeStatus>;
	visibility: Generated<KnowledgeVisibility>;
	/** The network that sees a network-only item. */
	network_id: string | null;
	title: string;
	summary: string;
	body: string;
	body_html: string;
	challenge: Generated<string>;
	challenge_html: Generated<string>;
	approach: Generated<string>;
	approach_html: Generated<string>;
	result: Generated<string>;
	result_html: Generated<string>;
	lessons: Generated<string>;
	lessons_html: Generated<string>;
	/** What it cost and who paid (plain text). */
	costs: Generated<string>;
	mkb_segment: Generated<string>;
	period: Generated<string>;
	contact_id: string | null;
	event_id: string | null;
	cover_image: string | null;
	/** 0/1 in SQLite: read it with Boolean(). */
	featured: Generated<boolean | number>;
	featured_at: string | null;
	/** The number of the latest revision. */
	version: Generated<number>;
	view_count: Generated<number>;
	useful_count: Generated<number>;
	terms: Generated<string>;
	/** The year it was published (the library's year facet). */
	year: number | null;
	created_by: string | null;
	published_at: string | null;
	created_at: Generated<string>;
	updated_at: Generated<string>;
}

export interface KnowledgeItemThemeTable {
	item_id: string;
	theme_id: string;
}

export interface KnowledgeItemProvinceTable {
	item_id: string;
	province_code: string;
}

export interface KnowledgeItemOrganisationTable {
	item_id: string;
	organisation_id: string;
}

export interface KnowledgeItemAuthorTable {
	item_id: string;
	user_id: string;
	position: Generated<number>;
}

export type KnowledgeRevisionAction = 'created' | 'edited' | 'published' | 'restored';

export interface KnowledgeRevisionTable {
	id: string;
	item_id: string;
	number: number;
	editor_id: string | null;
	action: Generated<KnowledgeRevisionAction>;
	restored_from: number | null;
	/** JSON of the item's content (features/knowledge/content.ts). */
	content: string;
	created_at: Generated<string>;
}

export interface KnowledgeCommentTable {
	id: string;
	item_id: string;
	author_id: string | null;
	body: string;
	body_html: string;
	created_at: Generated<string>;
	deleted_at: string | null;
}

export interface KnowledgeVoteTable {
	item_id: string;
	user_id: string;
	created_at: Generated<string>;
}

export interface KnowledgeAdoptionTable {
	id: string;
	item_id: string;
	user_id: string | null;
	organisation_id: string | null;
	province_code: string | null;
	note: string;
	created_at: Generated<string>;
}

export interface KnowledgeRelatedTable {
	item_id: string;
	related_id: string;
	score: number;
}

export interface KnowledgeAttachmentTable {
	id: string;
	item_id: string;
	file_name: string;
	original_name: string;
	media_type: string;
	size: number;
	uploaded_by: string | null;
	created_at: Generated<string>;
}

/**
 * One row (id 1) whose version the database bumps, by triggers, with every write that can change
 * the library's facet counts or its newest-first order: the key of each process's cache of them.
 */
export interface KnowledgeLibraryVersionTable {
	id: number;
	version: Generated<number>;
}
