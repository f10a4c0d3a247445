import { unitsOf } from './transliteration';

/*
 * Which characters of two values differ, for highlighting a mismatch. The values are compared the
 * way the comparison compares them (names letter by letter with accents and transliteration folded
 * away, codes without separators), and the result is mapped back onto the characters as displayed, so
 * the screen and the evidence pack can mark exactly the letters the officer should look at.
 */

export interface Segment {
  text: string;
  differs: boolean;
}

export interface TextDiff {
  entered: Segment[];
  document: Segment[];
  /** The differences in words, for screen readers and for the PDF. */
  summary: string;
}

export type DiffMode = 'name' | 'code' | 'text';

interface Expanded {
  points: string[];
  /** One comparable character each, with the index of the displayed code point(s) it came from. */
  chars: string[];
  owners: [from: number, to: number][];
}

function expand(text: string, mode: DiffMode, option: 'icao' | 'plain'): Expanded {
  const points = Array.from(text.normalize('NFC'));
  const chars: string[] = [];
  const owners: [number, number][] = [];
  if (mode === 'name') {
    for (const unit of unitsOf(text)) {
      const spelled = option === 'icao' ? unit.options[0]! : unit.options[unit.options.length - 1]!;
      for (const ch of spelled) {
        chars.push(ch);
        owners.push([unit.from, unit.to]);
      }
    }
  } else {
    points.forEach((point, i) => {
      if (mode === 'code' && !/[\p{L}\p{N}]/u.test(point)) return;
      chars.push(/\s/u.test(point) ? ' ' : point.toLowerCase());
      owners.push([i, i + 1]);
    });
  }
  return { points, chars, owners };
}

const MAX_CHARS = 200;

/** Which positions of `a` and of `b` belong to a longest common subsequence. */
function common(a: readonly string[], b: readonly string[]): [boolean[], boolean[]] {
  const inA = a.map(() => false);
  const inB = b.map(() => false);
  if (a.length > MAX_CHARS || b.length > MAX_CHARS) return [inA, inB];
  const width = b.length + 1;
  const table = new Uint16Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      table[i * width + j] =
        a[i] === b[j]
          ? table[(i + 1) * width + j + 1]! + 1
          : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      inA[i] = true;
      inB[j] = true;
      i += 1;
      j += 1;
    } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) i += 1;
    else j += 1;
  }
  return [inA, inB];
}

function segmentsOf(side: Expanded, matched: readonly boolean[]): Segment[] {
  const differs = side.points.map(() => false);
  side.chars.forEach((_, k) => {
    if (matched[k]) return;
    const [from, to] = side.owners[k]!;
    for (let p = from; p < to; p += 1) differs[p] = true;
  });
  const out: Segment[] = [];
  side.points.forEach((point, p) => {
    const last = out[out.length - 1];
    if (last && last.differs === differs[p]) last.text += point;
    else out.push({ text: point, differs: differs[p]! });
  });
  return out;
}

function countDiffering(segments: readonly Segment[]): number {
  return segments.reduce((n, s) => (s.differs ? n + Array.from(s.text).length : n), 0);
}

function describe(segments: readonly Segment[]): string {
  const runs = segments
    .filter((s) => s.differs)
    .map((s) => (s.text.trim() === '' ? 'a space' : `“${s.text}”`));
  return runs.length ? runs.join(', ') : 'nothing extra';
}

/** The characters of `entered` and `document` that differ, compared as `mode` says. */
export function diffText(entered: string, document: string, mode: DiffMode): TextDiff {
  const variants = (mode === 'name' ? (['icao', 'plain'] as const) : (['plain'] as const)).map((option) => {
    const a = expand(entered, mode, option);
    const b = expand(document, mode, option);
    let [inA, inB] = common(a.chars, b.chars);
    // A letter or two in common between different names is chance, not a shared spelling: mark all.
    const shared = inA.filter(Boolean).length;
    if (shared * 2 < Math.min(a.chars.length, b.chars.length))
      [inA, inB] = [inA.map(() => false), inB.map(() => false)];
    const result = { entered: segmentsOf(a, inA), document: segmentsOf(b, inB) };
    return { result, score: countDiffering(result.entered) + countDiffering(result.document) };
  });
  // The spelling that leaves the fewest letters marked explains the difference best.
  const best = variants.reduce((x, y) => (y.score < x.score ? y : x)).result;
  return {
    ...best,
    summary: `Differs — entered: ${describe(best.entered)}; document: ${describe(best.document)}.`,
  };
}
