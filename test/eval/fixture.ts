/** A throwaway corpus + gold directory with fictional Northbridge minutes, for CLI and API tests. */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GoldDocument } from '../../src/eval/gold.ts';
import { goldDoc, goldItem } from './helpers.ts';

export const MINUTES = `Children and Young People Scrutiny Panel - Tuesday 4 November 2025 10.00 a.m.

Present:- Councillor Amberley (in the Chair); Councillors Okafor, Quist and Reyes.

Apologies for Absence:- Apologies were received from Councillor Tamsin Vale.

6. FOSTERING SERVICE UPDATE
The Chair welcomed Councillor Okafor, Cabinet Member for Children, and Priya Holt, Head of Fostering, to the meeting.
Councillor Okafor introduced the report. Priya Holt gave a presentation on the Northbridge Fostering Strategy 2024-2027.
Resolved:- That the Panel requests a briefing on foster carer recruitment.

7. WORK PROGRAMME
The Fostering Annual Report was moved to the January 2026 meeting.
`;

export const GOLD: GoldDocument = goldDoc({
  source: 'nb-01.txt',
  meeting: { body: 'Children and Young People Scrutiny Panel', date: '2025-11-04' },
  chair: 'Councillor Amberley',
  members_present: ['Councillor Amberley', 'Councillor Okafor', 'Councillor Quist', 'Councillor Reyes'],
  apologies: ['Councillor Tamsin Vale'],
  people: [
    { name: 'Councillor Amberley', aliases: [], roles: [] },
    { name: 'Councillor Okafor', aliases: [], roles: ['Cabinet Member for Children'] },
    { name: 'Councillor Quist', aliases: [], roles: [] },
    { name: 'Councillor Reyes', aliases: [], roles: [] },
    { name: 'Councillor Tamsin Vale', aliases: [], roles: [] },
    { name: 'Priya Holt', aliases: [], roles: ['Head of Fostering'] },
  ],
  items: [
    goldItem({
      number: '6',
      title: 'Fostering Service Update',
      attendees: ['Councillor Okafor', 'Priya Holt'],
      presenters: ['Priya Holt'],
      introducers: ['Councillor Okafor'],
      requests: ['a briefing on foster carer recruitment'],
      strategies: ['Northbridge Fostering Strategy 2024-2027'],
    }),
    goldItem({ number: '7', title: 'Work Programme', deferrals: [{ subject: 'Fostering Annual Report', to: '2026-01' }] }),
  ],
});

/**
 * corpus/nb-01.txt ↔ gold/nb-01.json, plus corpus/nb-02.txt without gold and gold/nb-03.json
 * without a document, plus a README in gold/ that is not an answer file.
 */
export async function makeFixture(): Promise<{ root: string; corpus: string; gold: string }> {
  const root = await mkdtemp(join(tmpdir(), 'cg-eval-'));
  const corpus = join(root, 'corpus');
  const gold = join(root, 'gold');
  await mkdir(corpus);
  await mkdir(gold);
  await writeFile(join(corpus, 'nb-01.txt'), MINUTES);
  await writeFile(join(corpus, 'nb-02.txt'), MINUTES.replace('4 November', '2 December'));
  await writeFile(join(gold, 'nb-01.json'), JSON.stringify(GOLD, null, 2));
  await writeFile(join(gold, 'nb-03.json'), JSON.stringify({ ...GOLD, source: 'nb-03.txt' }, null, 2));
  await writeFile(join(gold, 'README.md'), 'answer keys for the test corpus\n');
  return { root, corpus, gold };
}
