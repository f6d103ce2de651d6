/**
 * One ordered index of who is mentioned where: named people and posts named alone. Claims
 * (welcomed, presented, introduced, apologies) read the mentions inside a clause from here.
 */
import type { Span } from '../segment/types.ts';
import { lowerBound } from '../text/search.ts';
import { isChairRole, roleOnlyMentions } from './roles.ts';
import type { PersonOccurrence, Who } from './types.ts';

export interface Mention {
  who: Who;
  span: Span;
  /** Where a post written before the name starts ("The Chair of the Partnership, Cllr X"): the subject starts there. */
  leadStart?: number;
  /** Where a post written after the name ends ("Tony Marsh the Chairman of the Trust was …"): the verb may follow it. */
  tailEnd?: number;
}

export class MentionIndex {
  private readonly all: Mention[];

  constructor(text: string, people: PersonOccurrence[]) {
    const taken: Span[] = [];
    for (const p of people) {
      taken.push(p.span);
      for (const r of p.roles) taken.push(r.span);
      for (const r of p.represents) taken.push(r.span);
    }
    taken.sort((a, b) => a.start - b.start);
    const overlaps = (s: Span) => {
      const lo = lowerBound(taken.length, (i) => taken[i]!.end <= s.start);
      // Spans are short and rarely nested: look at the few that end after s starts.
      for (let i = Math.max(0, lo - 8); i < taken.length && taken[i]!.start < s.end; i++) if (s.start < taken[i]!.end && s.end > taken[i]!.start) return true;
      return false;
    };
    const roles: Mention[] = roleOnlyMentions(text, 0, text.length)
      .filter((r) => !overlaps(r.span))
      .map((r) => ({ who: isChairRole(r.role) ? { kind: 'chair' } : { kind: 'role', role: r.role }, span: r.span }));
    const named: Mention[] = people.map((p) => {
      const lead = Math.min(p.span.start, ...p.roles.filter((r) => r.span.end <= p.span.start && p.span.start - r.span.end < 4).map((r) => r.span.start));
      const tail = Math.max(p.span.end, ...p.roles.filter((r) => r.span.start >= p.span.end && r.span.start - p.span.end < 8).map((r) => r.span.end));
      return { who: { kind: 'person', occurrence: p.id }, span: p.span, ...(lead < p.span.start ? { leadStart: lead } : {}), ...(tail > p.span.end ? { tailEnd: tail } : {}) };
    });
    this.all = [...named, ...roles].sort((a, b) => a.span.start - b.span.start);
  }

  within(start: number, end: number): Mention[] {
    const lo = lowerBound(this.all.length, (i) => this.all[i]!.span.start < start);
    const out: Mention[] = [];
    for (let i = lo; i < this.all.length && this.all[i]!.span.start < end; i++) if (this.all[i]!.span.end <= end) out.push(this.all[i]!);
    return out;
  }
}
