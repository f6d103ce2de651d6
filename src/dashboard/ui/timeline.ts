/**
 * Timeline: the meetings of a person, body, strategy or topic along a date axis, one lane per
 * body, a mark per meeting shaped by how the entity took part. Drawn as SVG: a few hundred
 * marks at most, and SVG gives crisp text and native tooltips.
 */
import type { TimelineEntry, TimelineRelation } from '../api/types.ts';
import type { Loadable } from '../state/store.ts';
import { append, clear, h } from './dom.ts';

const SVG = 'http://www.w3.org/2000/svg';

const RELATION_STYLE: Record<TimelineRelation, { fill: string; stroke: string; label: string }> = {
  presented: { fill: '#0b5cad', stroke: '#07396b', label: 'Presented an item' },
  introduced: { fill: '#56B4E9', stroke: '#1f6f99', label: 'Introduced an item' },
  'attended item': { fill: '#ffffff', stroke: '#00674b', label: 'Attended for an item' },
  attended: { fill: '#009E73', stroke: '#00674b', label: 'Attended' },
  chaired: { fill: '#6d3f98', stroke: '#45265f', label: 'Chaired' },
  apologies: { fill: '#ffffff', stroke: '#D55E00', label: 'Sent apologies' },
  held: { fill: '#009E73', stroke: '#00674b', label: 'Meeting held' },
  discussed: { fill: '#CC79A7', stroke: '#8f4f74', label: 'Discussed' },
  approved: { fill: '#1f2937', stroke: '#1f2937', label: 'Approved' },
  'this meeting': { fill: '#F0B400', stroke: '#8a6700', label: 'This meeting' },
  'same body': { fill: '#9ca3af', stroke: '#6b7280', label: 'Other meetings of the body' },
};

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** Days since epoch for a partial date; a month alone sits at its middle. */
function dayOf(date: string): number {
  const [y, m, d] = date.split('-');
  return Date.UTC(Number(y), m ? Number(m) - 1 : 5, d ? Number(d) : 15) / 86_400_000;
}

function ticks(start: number, end: number): { at: number; label: string; major: boolean }[] {
  const out: { at: number; label: string; major: boolean }[] = [];
  const first = new Date(start * 86_400_000);
  const spanMonths = (end - start) / 30.4;
  const step = spanMonths > 48 ? 12 : spanMonths > 18 ? 3 : 1;
  const cursor = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() - (first.getUTCMonth() % step), 1));
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  while (cursor.getTime() / 86_400_000 <= end) {
    const at = cursor.getTime() / 86_400_000;
    if (at >= start) {
      const major = cursor.getUTCMonth() === 0;
      out.push({ at, label: major || step >= 12 ? String(cursor.getUTCFullYear()) : months[cursor.getUTCMonth()]!, major });
    }
    cursor.setUTCMonth(cursor.getUTCMonth() + step);
  }
  return out;
}

export function renderTimeline(
  root: HTMLElement,
  title: string,
  data: Loadable<TimelineEntry[] | null> | null,
  onPick: (meetingId: string) => void,
): void {
  clear(root);
  root.append(h('h2', { class: 'timeline-title', 'data-testid': 'timeline-title' }, title));
  if (data?.state === 'loading') {
    root.append(h('div', { class: 'panel-loading', 'data-state': 'loading', role: 'status' }, h('div', { class: 'spinner' }), 'Loading meetings…'));
    return;
  }
  if (data?.state === 'error') {
    root.append(h('div', { class: 'notice error', 'data-state': 'error', role: 'alert' }, `Could not load the timeline: ${data.message}`));
    return;
  }
  const entries = data?.state === 'ready' ? data.value : null;
  if (!entries) {
    root.append(h('div', { class: 'notice', 'data-state': 'empty' }, 'Choose a person, body, meeting, strategy or topic to see its meetings over time.'));
    return;
  }
  if (!entries.length) {
    root.append(h('div', { class: 'notice', 'data-state': 'empty' }, 'No meetings recorded for this entity.'));
    return;
  }
  const dated = entries.filter((e) => e.date);
  const undated = entries.filter((e) => !e.date);
  const lanes = [...new Set(dated.map((e) => e.body ?? 'Body not stated'))].sort();
  const width = Math.max(640, root.clientWidth - 48);
  // Room for the longest body name at 12px (about 6.6px a character), within reason.
  const longest = Math.max(...lanes.map((l) => Math.min(l.length, 40)));
  const left = Math.min(290, Math.max(110, longest * 6.6 + 24));
  const right = 24;
  const laneH = 34;
  const top = 26;
  const height = top + lanes.length * laneH + 36;
  const days = dated.map((e) => dayOf(e.date!));
  const min = Math.min(...days) - 20;
  const max = Math.max(...days) + 20;
  const x = (day: number): number => left + ((day - min) / Math.max(1, max - min)) * (width - left - right);

  const chart = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-label': title, 'data-testid': 'timeline-chart' });
  for (const t of ticks(min, max)) {
    chart.append(svg('line', { x1: x(t.at), x2: x(t.at), y1: top - 6, y2: height - 30, stroke: t.major ? '#cbd2da' : '#eceff3' }));
    const label = svg('text', { x: x(t.at) + 3, y: height - 14, 'font-size': 11, fill: '#6b7280' });
    label.textContent = t.label;
    chart.append(label);
  }
  lanes.forEach((lane, i) => {
    const y = top + i * laneH + laneH / 2;
    chart.append(svg('line', { x1: left, x2: width - right, y1: y, y2: y, stroke: '#e5e7eb' }));
    const text = svg('text', { x: left - 10, y: y + 4, 'text-anchor': 'end', 'font-size': 12, fill: '#1f2937' });
    text.textContent = lane.length > 40 ? `${lane.slice(0, 39)}…` : lane;
    const tip = svg('title', {});
    tip.textContent = lane;
    text.append(tip);
    chart.append(text);
  });
  for (const e of dated) {
    const style = RELATION_STYLE[e.relation] ?? RELATION_STYLE.attended!;
    const y = top + lanes.indexOf(e.body ?? 'Body not stated') * laneH + laneH / 2;
    const mark = svg('circle', {
      cx: x(dayOf(e.date!)),
      cy: y,
      r: 7,
      fill: style.fill,
      stroke: style.stroke,
      'stroke-width': 2,
      class: 'timeline-mark',
      'data-meeting': e.id,
      'data-relation': e.relation,
      tabindex: 0,
      role: 'button',
      'aria-label': `${e.date} · ${e.body ?? ''} · ${style.label}`,
    });
    const tip = svg('title', {});
    tip.textContent = `${e.date} · ${e.body ?? ''} · ${style.label}`;
    mark.append(tip);
    mark.addEventListener('click', () => onPick(e.id));
    mark.addEventListener('keydown', (ev) => {
      if ((ev as KeyboardEvent).key === 'Enter' || (ev as KeyboardEvent).key === ' ') onPick(e.id);
    });
    chart.append(mark);
  }
  const used = [...new Set(entries.map((e) => e.relation))];
  append(
    root,
    h(
      'div',
      { class: 'timeline-legend' },
      used.map((r) => {
        const style = RELATION_STYLE[r] ?? RELATION_STYLE.attended!;
        return h('span', {}, h('span', { class: 'mark', style: `background:${style.fill};border-color:${style.stroke}` }), `${style.label} (${entries.filter((e) => e.relation === r).length})`);
      }),
    ),
    h('div', { class: 'timeline-scroll' }, chart),
    h('p', { class: 'muted small' }, 'Click a meeting to open it in the graph.'),
    h(
      'table',
      { class: 'timeline-table', 'data-testid': 'timeline-table' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Date'), h('th', {}, 'Body'), h('th', {}, 'Role in the meeting'))),
      h(
        'tbody',
        {},
        [...dated, ...undated].map((e) =>
          h(
            'tr',
            {},
            h('td', { class: 'item-date' }, e.date ?? 'not stated'),
            h('td', {}, h('button', { type: 'button', class: 'link', onClick: (() => onPick(e.id)) as EventListener }, e.body ?? 'Body not stated')),
            h('td', {}, (RELATION_STYLE[e.relation] ?? RELATION_STYLE.attended!).label),
          ),
        ),
      ),
    ),
  );
}
