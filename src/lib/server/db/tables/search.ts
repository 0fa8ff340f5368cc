import type { Generated } from 'kysely';

/** What a search finds; 'knowledge' and 'event' are for the library and events to index. */
export type SearchKind =
	'knowledge' | 'discussion' | 'member' | 'organisation' | 'network' | 'event' | 'programme';
/** Who may see a document: everyone, signed-in members, or as the inside of a network. */
export type SearchVisibility = 'public' | 'members' | 'network';

/** One findable thing (migration 2026_11_29_1920_search explains the visibility columns). */
export interface SearchDocumentTable {
	id: Generated<number>;
	kind: SearchKind;
	ref_id: string;
	parent_id: string | null;
	title: string;
	/** Plain text that snippets are cut from. */
	body: string;
	url: string;
	visibility: SearchVisibility;
	network_id: string | null;
	network_visibility: 'public' | 'members' | 'private' | null;
	/** The analysed tokens, space-separated (features/search/analyser). */
	title_tokens: string;
	body_tokens: string;
	updated_at: Generated<string>;
}

/** A set of terms that mean the same, kept by editors in /beheer/synoniemen. */
export interface SearchSynonymTable {
	id: string;
	/** JSON text: an array of terms as written. */
	terms: string;
	created_by: string | null;
	created_at: Generated<string>;
	updated_at: Generated<string>;
}
