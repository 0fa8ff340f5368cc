import { Marked, type Tokens, type TokenizerAndRendererExtension } from 'marked';
import sanitizeHtml from 'sanitize-html';

/**
 * Markdown for posts: rendered once, when a post is written or edited, and stored as HTML that
 * pages show as it is. Two layers keep it harmless:
 * 1. marked never passes raw HTML through: `<script>` typed in a post is shown as text, the way
 *    the writer typed it; images become plain links (no requests to other hosts from our pages).
 * 2. sanitize-html keeps only an explicit allowlist of elements and attributes, links only to
 *    http(s), mailto and paths on this site, and gives every link a safe rel.
 * The strict Content-Security-Policy (no inline scripts, no style attributes) is a third layer.
 */

/** A member who can be mentioned in a post: "@" followed by their name as it is shown. */
export interface MentionTarget {
	id: string;
	name: string;
}

export interface RenderedMarkdown {
	html: string;
	/** Ids of the members mentioned, each once, in order of first mention. */
	mentions: string[];
}

/** Every link gets this rel: no referrer to other sites, no window.opener, no endorsement. */
export const LINK_REL = 'nofollow noopener noreferrer';

const ALLOWED_TAGS = [
	'p',
	'br',
	'h2',
	'h3',
	'h4',
	'strong',
	'em',
	'del',
	'ul',
	'ol',
	'li',
	'a',
	'blockquote',
	'code',
	'pre',
	'hr',
	'table',
	'thead',
	'tbody',
	'tr',
	'th',
	'td'
];

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
	allowedTags: ALLOWED_TAGS,
	allowedAttributes: { a: ['href', 'title', 'rel', 'class'], ol: ['start'] },
	allowedClasses: { a: ['kn-mention'] },
	allowedSchemes: ['http', 'https', 'mailto'],
	allowedSchemesByTag: {},
	allowedSchemesAppliedToAttributes: ['href'],
	// "//elders.example" would leave the site as surely as "https://elders.example" but look local.
	allowProtocolRelative: false,
	disallowedTagsMode: 'discard',
	// The page has the thread's title as its h1: a post's headings start one level lower.
	transformTags: {
		h1: 'h2',
		h5: 'h4',
		h6: 'h4',
		a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: LINK_REL } })
	},
	parser: { lowerCaseTags: true, lowerCaseAttributeNames: true }
};

/** Keeps only the allowlist. Stable: sanitising its own output changes nothing. */
export function sanitize(html: string): string {
	return sanitizeHtml(html, SANITIZE_OPTIONS);
}

const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const WORD_CHARACTER = /[\p{L}\p{N}_-]/u;
const MENTION_START = /(^|[^\p{L}\p{N}._%+-])@/u;

/**
 * "@Anke Veldman" (any case) for each target, the longest name first so that "@Anke Veldman-Smit"
 * is not taken for "@Anke Veldman"; the name must end at a word boundary. Not inside links or
 * code (marked does not run inline extensions there).
 */
function mentionExtension(
	targets: MentionTarget[],
	found: Set<string>
): TokenizerAndRendererExtension {
	const sorted = targets
		.map((t) => ({ id: t.id, name: t.name.trim(), lower: t.name.trim().toLowerCase() }))
		.filter((t) => t.name.length > 0)
		.sort((a, b) => b.name.length - a.name.length);
	return {
		name: 'mention',
		level: 'inline',
		// Only an "@" after a space or punctuation starts a mention: in "piet@gemeente.nl" it
		// is part of an address (which marked then links as one).
		start(src) {
			const match = MENTION_START.exec(src);
			return match ? match.index + match[1]!.length : undefined;
		},
		tokenizer(src) {
			if (src[0] !== '@' || this.lexer.state.inLink) return undefined;
			for (const target of sorted) {
				const candidate = src.slice(1, 1 + target.name.length);
				if (candidate.toLowerCase() !== target.lower) continue;
				if (WORD_CHARACTER.test(src.charAt(1 + target.name.length))) continue;
				return { type: 'mention', raw: `@${candidate}`, id: target.id, name: target.name };
			}
			return undefined;
		},
		renderer(token) {
			const id = String(token.id);
			found.add(id);
			return `<a href="/leden/${encodeURIComponent(id)}" class="kn-mention">@${escapeHtml(String(token.name))}</a>`;
		}
	};
}

/**
 * Renders a post's Markdown to safe HTML and finds whom it mentions. `mentionable` are the
 * members who may be mentioned here (the network's members); others' names stay plain text.
 */
export function renderMarkdown(
	markdown: string,
	mentionable: MentionTarget[] = []
): RenderedMarkdown {
	const found = new Set<string>();
	const marked = new Marked({
		gfm: true,
		// Non-technical writers expect a new line where they pressed Enter.
		breaks: true,
		async: false,
		extensions: [mentionExtension(mentionable, found)],
		renderer: {
			html({ text, block }: Tokens.HTML | Tokens.Tag) {
				return block ? `<p>${escapeHtml(text.trim())}</p>\n` : escapeHtml(text);
			},
			// After an inline `<script>` or `<pre>`, marked marks the following text as raw
			// ("escaped") and would pass it through as typed, so a stray "<A" became a tag.
			// Raw HTML is shown as text here, so such text is escaped like any other (the default
			// renderer does that once the flag is off).
			text(token: Tokens.Text | Tokens.Escape) {
				if ('escaped' in token && token.escaped && !('tokens' in token && token.tokens)) {
					token.escaped = false;
				}
				return false;
			},
			image({ href, text }: Tokens.Image) {
				return `<a href="${escapeHtml(href)}">${escapeHtml(text || href)}</a>`;
			}
		}
	});
	const html = marked.parse(markdown.replace(/\0/g, '')) as string;
	return { html: sanitize(html), mentions: [...found] };
}
