/**
 * Offset maps from a rewritten text back to the text it was rewritten from.
 *
 * Each normalisation pass records anchors: runs copied verbatim map one-to-one, replaced runs
 * map proportionally onto the span they replaced. Passes compose, so evidence found in the
 * normalised text can quote the original document exactly.
 */

export interface OffsetMap {
  /** Offset in the source text of the character at `index` in the rewritten text. */
  toSource(index: number): number;
}

/** Anchor i covers rewritten [newStart[i], newStart[i+1]) ← source [oldStart[i], oldStart[i]+oldLen[i]). */
export class AnchorMap implements OffsetMap {
  private readonly newStart: number[] = [];
  private readonly oldStart: number[] = [];
  private readonly oldLen: number[] = [];
  private readonly newLen: number[] = [];

  add(newStart: number, newLen: number, oldStart: number, oldLen: number): void {
    if (newLen === 0 && oldLen === 0) return;
    this.newStart.push(newStart);
    this.newLen.push(newLen);
    this.oldStart.push(oldStart);
    this.oldLen.push(oldLen);
  }

  /** One verbatim run from the start (or nothing): every index maps to itself. */
  isIdentity(): boolean {
    return this.newStart.length === 0 || (this.newStart.length === 1 && this.newStart[0] === 0 && this.oldStart[0] === 0 && this.newLen[0] === this.oldLen[0]);
  }

  toSource(index: number): number {
    const starts = this.newStart;
    if (starts.length === 0) return index;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    const ns = starts[lo]!;
    const nl = this.newLen[lo]!;
    const os = this.oldStart[lo]!;
    const ol = this.oldLen[lo]!;
    const within = index - ns;
    if (nl === ol) return os + within;
    if (within >= nl) return os + ol + (within - nl);
    // A replaced run: spread the rewritten characters over the replaced span.
    return os + Math.min(ol, Math.floor((within * ol) / Math.max(1, nl)));
  }
}

export class ComposedMap implements OffsetMap {
  constructor(private readonly maps: readonly OffsetMap[]) {}

  /** maps[0] is the first pass (closest to the source). */
  toSource(index: number): number {
    let i = index;
    for (let k = this.maps.length - 1; k >= 0; k--) i = this.maps[k]!.toSource(i);
    return i;
  }
}

export interface Rewritten {
  text: string;
  map: AnchorMap;
}

/** The text as it is, with the map `rewrite` gives when nothing matches. */
export function unchanged(text: string): Rewritten {
  const map = new AnchorMap();
  if (text.length > 0) map.add(0, text.length, 0, text.length);
  return { text, map };
}

/**
 * Global regex replace that records where every output character came from. `pattern` must
 * have the `g` flag; the replacer returns the replacement text, or null to keep the match.
 */
export function rewrite(
  text: string,
  pattern: RegExp,
  replacer: (match: RegExpExecArray) => string | null,
): Rewritten {
  const map = new AnchorMap();
  const out: string[] = [];
  let outLen = 0;
  let last = 0;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    const replacement = replacer(m);
    if (replacement === null || replacement === m[0]) continue;
    if (m.index > last) {
      const chunk = text.slice(last, m.index);
      map.add(outLen, chunk.length, last, chunk.length);
      out.push(chunk);
      outLen += chunk.length;
    }
    map.add(outLen, replacement.length, m.index, m[0].length);
    out.push(replacement);
    outLen += replacement.length;
    last = m.index + m[0].length;
  }
  if (last < text.length) {
    map.add(outLen, text.length - last, last, text.length - last);
    out.push(text.slice(last));
  }
  return { text: out.join(''), map };
}
