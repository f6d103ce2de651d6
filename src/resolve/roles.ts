/**
 * A post named alone ("the Joint Assistant Director", "The Cabinet Member for CYPS",
 * "The Deputy Leader and Cabinet Member") resolves to the person the same document names as
 * its holder, when exactly one person fits best; otherwise it stays unresolved.
 */

const STOP = new Set(['the', 'of', 'for', 'and', 'to', 'in', 'on', '&', 'a', 'an']);

const wordsMemo = new Map<string, string[]>();

function words(s: string): string[] {
  const hit = wordsMemo.get(s);
  if (hit) return hit;
  if (wordsMemo.size > 5000) wordsMemo.clear();
  const out = computeWords(s);
  wordsMemo.set(s, out);
  return out;
}

function computeWords(s: string): string[] {
  return s
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^a-z0-9&\s-]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !STOP.has(w));
}

/** "CYPS" spelled by the initials of "Children's and Young People's Services". */
function acronymAt(acronym: string, title: string[], from: number): number {
  let k = from;
  for (const letter of acronym) {
    if (k >= title.length || title[k]![0] !== letter) return -1;
    k++;
  }
  return k;
}

/**
 * How well a post named alone fits a title a person holds: 3 exact, 2 the title starts with
 * it, 1 its words appear in order inside the title, 0.5 only inside what follows the post's
 * comma; 0 no fit.
 */
export function roleFit(mention: string, title: string): number {
  // "Chief Executive, Office of the Police and Crime Commissioner": the post is before the comma;
  // a mention that only fits the organisation after it ("the Commissioner") fits it weakly.
  const comma = title.indexOf(',');
  if (comma > 0) {
    const post = title.slice(0, comma);
    const fit = postFit(mention, post);
    if (fit > 0) return fit;
    const whole = postFit(mention, title);
    // "the Chief Executive of the OPCC" names the post and its organisation: a full fit.
    const named = words(post).some((w) => words(mention).includes(w));
    return whole > 0 ? (named ? whole : 0.5) : 0;
  }
  return postFit(mention, title);
}

function postFit(mention: string, title: string): number {
  const m = words(mention);
  const t = words(title);
  if (m.length === 0) return 0;
  if (m.join(' ') === t.join(' ')) return 3;
  let k = 0;
  let firstAt = -1;
  for (const w of m) {
    let found = -1;
    for (let j = k; j < t.length; j++) {
      if (t[j] === w || t[j]!.replace(/s$/, '') === w.replace(/s$/, '')) {
        found = j;
        k = j + 1;
        break;
      }
      if (/^[a-z]{3,6}$/.test(w) && mention.includes(w.toUpperCase())) {
        const end = acronymAt(w, t, j);
        if (end > 0) {
          found = j;
          k = end;
          break;
        }
      }
    }
    if (found < 0) return 0;
    if (firstAt < 0) firstAt = found;
  }
  if (k === t.length && firstAt === 0) return 3;
  return firstAt === 0 ? 2 : 1;
}

export interface RoleHolder {
  person: string;
  title: string;
  /** Item ordinal where the holder was named with this title. */
  item: number | null;
}

/**
 * The posts a document names people with, deduplicated: a long document repeats the same
 * (person, post) pair many times, and resolution must not cost one comparison per repetition.
 */
export class RoleBook {
  private readonly pairs = new Map<string, { person: string; title: string; items: Set<number | null> }>();
  private readonly fits = new Map<string, { person: string; fit: number; items: Set<number | null> }[]>();

  add(h: RoleHolder): void {
    const key = `${h.person}\u0000${h.title}`;
    const pair = this.pairs.get(key);
    if (pair) pair.items.add(h.item);
    else {
      this.pairs.set(key, { person: h.person, title: h.title, items: new Set([h.item]) });
      this.fits.clear();
    }
  }

  holders(): RoleHolder[] {
    return [...this.pairs.values()].map((p) => ({ person: p.person, title: p.title, item: [...p.items][0] ?? null }));
  }

  /** The one person who best fits `mention`, preferring holders named in the same item. */
  resolve(mention: string, item: number | null): string | null {
    let candidates = this.fits.get(mention);
    if (!candidates) {
      candidates = [];
      for (const p of this.pairs.values()) {
        const fit = roleFit(mention, p.title);
        if (fit > 0) candidates.push({ person: p.person, fit, items: p.items });
      }
      this.fits.set(mention, candidates);
    }
    let best = 0;
    let winners = new Set<string>();
    for (const c of candidates) {
      const score = c.fit * 2 + (c.items.has(item) ? 1 : 0);
      if (score <= 1) continue;
      if (score > best) {
        best = score;
        winners = new Set([c.person]);
      } else if (score === best) winners.add(c.person);
    }
    if (winners.size === 1) return [...winners][0]!;
    if (winners.size > 1) {
      const local = new Set(candidates.filter((c) => winners.has(c.person) && c.items.has(item)).map((c) => c.person));
      if (local.size === 1) return [...local][0]!;
    }
    return null;
  }
}
