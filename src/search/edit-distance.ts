/**
 * Optimal string alignment distance: insertions, deletions, substitutions and swaps of two adjacent characters
 * each cost one. The plain dynamic programme, kept as the yardstick for {@link isWithinOneEdit}.
 */
export function osaDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [];
    for (let j = 0; j <= b.length; j++) {
      if (i === 0 || j === 0) {
        row.push(i + j);
        continue;
      }
      const above = rows[i - 1] ?? [];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      }
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? 0;
}

/** Whether `osaDistance(a, b) <= 1`, in one pass and without allocating: the index runs it on thousands of candidates. */
export function isWithinOneEdit(a: string, b: string): boolean {
  const lengthGap = a.length - b.length;
  if (lengthGap > 1 || lengthGap < -1) return false;
  const shorter = Math.min(a.length, b.length);
  let i = 0;
  while (i < shorter && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === shorter) return true;
  if (lengthGap === 1) return endsAlike(a, i + 1, b, i);
  if (lengthGap === -1) return endsAlike(a, i, b, i + 1);
  if (endsAlike(a, i + 1, b, i + 1)) return true;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && endsAlike(a, i + 2, b, i + 2);
}

/** Whether `a` from `aStart` on equals `b` from `bStart` on; callers guarantee equal remaining lengths. */
function endsAlike(a: string, aStart: number, b: string, bStart: number): boolean {
  for (let k = 0; aStart + k < a.length; k++) {
    if (a.charCodeAt(aStart + k) !== b.charCodeAt(bStart + k)) return false;
  }
  return true;
}
