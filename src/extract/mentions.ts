/**
 * One ordered index of who is mentioned where: named people and posts named alone. Claims
 * (welcomed, presented, introduced, apologies) read the mentions inside a clause from here.
 */
import type { Span } from '../segment/types.ts';
import { isChairRole, roleOnlyMentions } from './roles.ts';
import type { PersonOccurrence, Who } from './types.ts';

export interface Mention {
  who: Who;
  span: Span;
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
    const overlaps = (s: Span) => taken.some((t) => s.start < t.end && s.end > t.start);
    const roles: Mention[] = roleOnlyMentions(text, 0, text.length)
      .filter((r) => !overlaps(r.span))
      .map((r) => ({ who: isChairRole(r.role) ? { kind: 'chair' } : { kind: 'role', role: r.role }, span: r.span }));
    const named: Mention[] = people.map((p) => ({ who: { kind: 'person', occurrence: p.id }, span: p.span }));
    this.all = [...named, ...roles].sort((a, b) => a.span.start - b.span.start);
  }

  within(start: number, end: number): Mention[] {
    return this.all.filter((m) => m.span.start >= start && m.span.end <= end);
  }
}
