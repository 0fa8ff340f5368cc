/**
 * CSV for spreadsheets used in Dutch offices: semicolons (Excel with Dutch settings splits on
 * them), CRLF line ends, a BOM so the accents survive, every field quoted. A field that starts
 * like a formula (=, +, -, @, tab, return) gets a leading apostrophe, so opening the file never
 * runs anything someone typed into their profile (CSV injection).
 */
export function toCsv(header: string[], rows: string[][]): string {
	const field = (value: string) => {
		const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
		return `"${safe.replace(/"/g, '""')}"`;
	};
	const lines = [header, ...rows].map((row) => row.map(field).join(';'));
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}
