/**
 * Follow-through across meetings of one body: which later item answers a request, and where
 * deferred business came back. A function of the documents of one (council, body), so it is
 * recomputed for exactly the bodies a change touches (src/resolve/corpus.ts plans it).
 *
 * Never guessed, precision first (a wrong "answered" is worse than none). A link needs the same
 * body and a later meeting, and one of:
 * - a sentence of the later item pointing back ("Further to the request made at the meeting on
 *   24 June", "had been deferred from the meeting on 24 June", "As agreed at the last meeting")
 *   at this meeting (its date, its month, "the last meeting", or no date at all), whose item
 *   title and sentence share the request's or the deferral's subject;
 * - an action-log sentence saying the thing was done ("the breakdown … was circulated") that
 *   repeats most of the request's words, and nothing says it was not done;
 * - for a deferral, a later item whose title is its subject (at or after its target month).
 * Each request and each deferral links once, to the earliest later meeting that qualifies. The
 * link belongs to the later document (its evidence is that document's sentence or heading) and
 * carries the earlier document's node exactly as that document claims it (src/graph/ids.ts).
 */
import { deferralProps, requestProps, slug } from '../graph/ids.ts';
import type { ResolvedDocument } from './types.ts';

/** What follow-through reads of one document (kept in its DocSummary). */
export interface FollowSummary {
  /** Requests by item index (this body's own: another body's requests are left out). */
  requests: { i: number; text: string }[];
  deferrals: { i: number; subject: string; to: string | null; next: boolean }[];
  /** Back-references by item index; `k` is its index among the item's references. */
  refs: { i: number; k: number; kind: 'request' | 'deferral' | 'either'; date: string | null; previous: boolean; text: string; rule: string }[];
}

/** One document of a body's series, as resolved. */
export interface FollowDoc {
  id: string;
  date: string;
  meetingId: string;
  /** Item ids, in the document's item order, and their titles. */
  items: string[];
  titles: string[];
  follow: FollowSummary;
}

/** A link owned by the later document: its item (by index) and the earlier document's node. */
export interface FollowLink {
  rel: 'ANSWERED_IN' | 'LANDED_IN';
  type: 'Request' | 'Deferral';
  node: Record<string, unknown> & { id: string };
  /** Index of the answering item in the owning document. */
  item: number;
  /** Index of the back-reference among that item's references; null when the title is the evidence. */
  ref: number | null;
  rule: string;
}

const STOP = new Set(
  `the of and a an to for on in be that with by at from its it as is was were any this these those be been being
   their there which who whom whose into onto within about over under after before between further more most
   meeting meetings panel committee commission board council cabinet members member report reports update updates
   item items brought back future next last previous consideration approval provided provide circulated shared
   requested request requests agreed deferred presented present presentation paper papers information details
   whether would could should will also all each other such being made make received receive note noted`.split(/\s+/),
);

/** Content words: lower case, apostrophes dropped, generic words of minutes left out. */
export function subjectWords(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .replace(/['’]/g, '')
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 1 && !STOP.has(w)),
  );
}

function shared(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
}

/** Standing items never answer anything by their title alone. */
const STANDING = /^\s*(?:apologies|declarations?|minutes|matters arising|action (?:log|tracker|sheet)|work (?:programme|plan)|forward (?:plan|work)|date of (?:the )?next|any other business|urgent business|exclusion|chair)/i;

/** Does a reference of meeting `later` point at the meeting on `earlier`? */
function pointsAt(ref: FollowSummary['refs'][number], earlier: string, previousDate: string | null): boolean {
  if (ref.date) return ref.date.length === 10 ? ref.date === earlier : earlier.startsWith(`${ref.date}-`);
  if (ref.previous) return previousDate === earlier;
  return true;
}

interface Candidate {
  link: FollowLink;
  owner: string;
  date: string;
  score: number;
}

/** The links of a body's documents, by owning (later) document id. */
export function followThrough(docs: readonly FollowDoc[]): Map<string, FollowLink[]> {
  const out = new Map<string, FollowLink[]>();
  const dates = [...new Set(docs.map((d) => d.date))].sort();
  const previousOf = (date: string) => dates[dates.indexOf(date) - 1] ?? null;
  const best = new Map<string, Candidate>();
  const offer = (c: Candidate) => {
    const old = best.get(c.link.node.id);
    // The earliest later meeting, then the stronger evidence, then the smaller owner and item.
    if (!old || c.date < old.date || (c.date === old.date && (c.score > old.score || (c.score === old.score && `${c.owner}|${c.link.item}` < `${old.owner}|${old.link.item}`)))) {
      best.set(c.link.node.id, c);
    }
  };
  for (const earlier of docs) {
    const requests = earlier.follow.requests.map((r) => ({ r, words: subjectWords(r.text), node: requestProps(earlier.items[r.i]!, r.text) }));
    const deferrals = earlier.follow.deferrals.map((d) => ({
      d,
      words: subjectWords(d.subject),
      node: deferralProps(earlier.items[d.i]!, { subject: d.subject, to: d.to, from: earlier.date, next: d.next }),
    }));
    if (requests.length === 0 && deferrals.length === 0) continue;
    for (const later of docs) {
      if (later.date <= earlier.date || later.meetingId === earlier.meetingId) continue;
      const previous = previousOf(later.date);
      // Back-references and action-log sentences.
      for (const ref of later.follow.refs) {
        const title = subjectWords(later.titles[ref.i] ?? '');
        const sentence = subjectWords(ref.text);
        const here = new Set([...title, ...sentence]);
        const completed = ref.rule === 'reference.completed';
        if (!completed && !pointsAt(ref, earlier.date, previous)) continue;
        if (ref.kind !== 'deferral') {
          for (const q of requests) {
            const n = completed ? shared(q.words, sentence) : shared(q.words, here);
            const need = completed ? Math.max(3, Math.ceil(q.words.size * 0.6)) : Math.min(2, q.words.size);
            if (q.words.size === 0 || n < need || n / q.words.size < (completed ? 0.6 : 0.34)) continue;
            offer({ link: { rel: 'ANSWERED_IN', type: 'Request', node: q.node, item: ref.i, ref: ref.k, rule: `follow.${completed ? 'request-done' : 'request-reference'}` }, owner: later.id, date: later.date, score: n / q.words.size + 1 });
          }
        }
        if (ref.kind !== 'request') {
          for (const q of deferrals) {
            const n = shared(q.words, here);
            if (q.words.size === 0 || n < Math.min(2, q.words.size) || n / q.words.size < 0.5) continue;
            offer({ link: { rel: 'LANDED_IN', type: 'Deferral', node: q.node, item: ref.i, ref: ref.k, rule: 'follow.deferral-reference' }, owner: later.id, date: later.date, score: n / q.words.size + 1 });
          }
        }
      }
      // Deferred business whose later item carries its name.
      for (const q of deferrals) {
        if (q.d.to && later.date.slice(0, 7) < q.d.to.slice(0, 7)) continue;
        later.titles.forEach((t, i) => {
          if (STANDING.test(t)) return;
          const title = subjectWords(t);
          const n = shared(q.words, title);
          if (q.words.size < 2 || n < 2 || n / q.words.size < 0.75 || n / title.size < 0.5) return;
          offer({ link: { rel: 'LANDED_IN', type: 'Deferral', node: q.node, item: i, ref: null, rule: 'follow.deferral-title' }, owner: later.id, date: later.date, score: n / q.words.size });
        });
      }
    }
  }
  for (const c of best.values()) {
    const list = out.get(c.owner) ?? [];
    list.push(c.link);
    out.set(c.owner, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.item - b.item || (a.node.id < b.node.id ? -1 : 1));
  return out;
}

/** The follow-through key of a document: its council and body (dated documents only). */
export function followKey(council: string, body: string | null, date: string | null): string | null {
  return body && date ? `s|${council}|${slug(body)}` : null;
}

/** What follow-through reads of a resolved document; null when there is nothing to follow. */
export function followSummaryOf(doc: ResolvedDocument): FollowSummary | null {
  const body = doc.meeting.body ? slug(doc.meeting.body) : null;
  const f: FollowSummary = { requests: [], deferrals: [], refs: [] };
  doc.items.forEach((item, i) => {
    for (const r of item.requests) if (!r.by || !body || slug(r.by) === body) f.requests.push({ i, text: r.text });
    for (const d of item.deferrals) if (!d.by || !body || slug(d.by) === body) f.deferrals.push({ i, subject: d.subject, to: d.to, next: d.next === true });
    (item.references ?? []).forEach((ref, k) => {
      f.refs.push({ i, k, kind: ref.kind, date: ref.date, previous: ref.previous, text: ref.evidence.sentence.slice(0, 400), rule: ref.evidence.rule ?? '' });
    });
  });
  return f.requests.length || f.deferrals.length || f.refs.length ? f : null;
}
