/**
 * A path to send someone back to after signing in or switching language: only paths on this
 * site, so a crafted link cannot send anyone elsewhere ("//evil.example", "/\evil", "https:…").
 */
export function safeReturn(value: FormDataEntryValue | string | null | undefined): string {
	const path = typeof value === 'string' ? value : '';
	return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') ? path : '/';
}
