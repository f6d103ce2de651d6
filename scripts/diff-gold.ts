// Development aid: per document, the predicted and gold entries that did not match.
// Usage: node --import tsx scripts/diff-gold.ts seeds|dev|ingest/ [file-prefix|-] [fields,…]
const SHARED = new URL('../../shared', import.meta.url).pathname;
import { readFileSync, readdirSync } from 'node:fs';
import { extractDocument } from '../src/pipeline.ts';
import { readDocument } from '../src/load/read.ts';
import { projectDocument } from '../src/eval/project.ts';
import { namesMatch, textsMatch, itemScore } from '../src/eval/match.ts';
const [dir, only] = [process.argv[2] ?? 'seeds', process.argv[3]];
const fieldsFilter = process.argv[4]?.split(',');
for (const f of readdirSync(`${dir.includes("/") ? dir : `${SHARED}/corpus/${dir}`}`)) {
  if (only && only !== '-' && !f.startsWith(only)) continue;
  const goldPath = `${dir.includes('blind') ? dir : dir.includes("/") ? "test/fixtures/sample-gold" : `${SHARED}/gold/${dir}`}/${f.replace(/\.[a-z]+$/, '.json')}`;
  if (!(await import('node:fs')).existsSync(goldPath)) continue;
  const raw = await readDocument(`${dir.includes("/") ? dir : `${SHARED}/corpus/${dir}`}/${f}`);
  const pred: any = projectDocument(extractDocument(raw)).doc;
  const gold: any = JSON.parse(readFileSync(goldPath, 'utf8'));
  const out: string[] = [];
  const cmp = (label: string, g: string[], p: string[], eq: (a: string, b: string) => boolean) => {
    if (fieldsFilter && !fieldsFilter.includes(label.split(' ')[0]!)) return;
    const fn = g.filter((x) => !p.some((y) => eq(x, y)));
    const fp = p.filter((y) => !g.some((x) => eq(x, y)));
    if (fn.length || fp.length) out.push(`  ${label}: FN ${JSON.stringify(fn)} FP ${JSON.stringify(fp)}`);
  };
  cmp('chair', [gold.chair].filter(Boolean), [pred.chair].filter(Boolean), namesMatch);
  cmp('members', gold.members_present, pred.members_present, namesMatch);
  cmp('apologies', gold.apologies, pred.apologies, namesMatch);
  cmp('people', gold.people.map((p: any) => p.name), pred.people.map((p: any) => p.name), namesMatch);
  const gr = gold.people.flatMap((p: any) => p.roles.map((r: string) => `${p.name} :: ${r}`));
  const pr = pred.people.flatMap((p: any) => p.roles.map((r: string) => `${p.name} :: ${r}`));
  cmp('roles', gr, pr, (a, b) => namesMatch(a.split(' :: ')[0]!, b.split(' :: ')[0]!) && textsMatch(a.split(' :: ')[1]!, b.split(' :: ')[1]!));
  for (const gi of gold.items) {
    const pi = pred.items.find((p: any) => itemScore(gi, p) > 0);
    if (!pi) { out.push(`  ITEM MISSING ${gi.title}`); continue; }
    for (const k of ['attendees', 'presenters', 'introducers'] as const) cmp(`${k} [${gi.title.slice(0, 30)}]`, gi[k], pi[k], namesMatch);
    for (const k of ['requests', 'strategies'] as const) cmp(`${k} [${gi.title.slice(0, 30)}]`, gi[k], pi[k], textsMatch);
    cmp(`deferrals [${gi.title.slice(0, 30)}]`, gi.deferrals.map((d: any) => `${d.subject} -> ${d.to}`), pi.deferrals.map((d: any) => `${d.subject} -> ${d.to}`), (a, b) => textsMatch(a.split(' -> ')[0]!, b.split(' -> ')[0]!) && (a.split(' -> ')[1] === 'null' ? b.split(' -> ')[1] === 'null' : b.split(' -> ')[1]!.startsWith(a.split(' -> ')[1]!)));
  }
  for (const pi of pred.items) if (!gold.items.some((gi: any) => itemScore(gi, pi) > 0)) out.push(`  EXTRA ITEM ${pi.title}`);
  if (out.length) console.log(`== ${f}\n${out.join('\n')}`);
}
