/**
 * A line diff (longest common subsequence) between two texts: what the history page shows
 * between two revisions. Pure, so it is tested on its own.
 */
export type DiffLine = { op: 'same' | 'added' | 'removed'; text: string };

export function diffLines(before: string, after: string): DiffLine[] {
	const a = before === '' ? [] : before.split('\n');
	const b = after === '' ? [] : after.split('\n');
	// Texts are bounded (50,000 characters); cap the table for very long ones by lines.
	const n = a.length;
	const m = b.length;
	const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
	for (let i = n - 1; i >= 0; i--) {
		for (let j = m - 1; j >= 0; j--) {
			lcs[i]![j] =
				a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
		}
	}
	const out: DiffLine[] = [];
	let i = 0;
	let j = 0;
	while (i < n && j < m) {
		if (a[i] === b[j]) {
			out.push({ op: 'same', text: a[i]! });
			i++;
			j++;
		} else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
			out.push({ op: 'removed', text: a[i]! });
			i++;
		} else {
			out.push({ op: 'added', text: b[j]! });
			j++;
		}
	}
	while (i < n) out.push({ op: 'removed', text: a[i++]! });
	while (j < m) out.push({ op: 'added', text: b[j++]! });
	return out;
}

/** Whether a diff changes anything. */
export const changed = (lines: DiffLine[]) => lines.some((l) => l.op !== 'same');
