import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/ingest/progress.ts';

describe('ingest progress', () => {
  it('draws one bar line on a terminal: files done/total, MB/s, ETA', () => {
    let out = '';
    const stream = { write: (s: string) => ((out += s), true) } as unknown as NodeJS.WriteStream;
    const p = createProgress({ tty: true, log: () => undefined, stream });
    p.start(2, 2 * 1024 * 1024);
    p.step('read', 'a.txt', 1024 * 1024, 'read');
    p.step('read', 'b.txt', 1024 * 1024, 'read');
    p.step('write', 'a.txt', 1024 * 1024, 'ingested');
    p.step('write', 'b.txt', 1024 * 1024, 'ingested');
    p.done();
    const frames = out.split('\r').filter(Boolean);
    expect(frames.at(-1)).toMatch(/^\[#{30}\] 2\/2 files \d+\.\d\d MB\/s ETA 0:00 writing\s*\n$/);
    expect(frames[0]).toMatch(/^\[\.{30}\] 0\/2 files/);
    expect(out).not.toMatch(/\n.*\n/);
  });

  it('logs plain lines elsewhere, one per finished or failed file', () => {
    const lines: string[] = [];
    const p = createProgress({ tty: false, log: (l) => lines.push(l) });
    p.start(2, 1000);
    p.step('read', 'a.txt', 500, 'read');
    p.step('write', 'a.txt', 500, 'ingested (3 nodes, 2 relations)');
    p.step('write', 'b.txt', 500, 'failed: the file is empty');
    p.done();
    expect(lines[0]).toBe('ingesting 2 files (0.00 MB)');
    expect(lines.slice(1, 3)).toEqual(['[1/2] a.txt: ingested (3 nodes, 2 relations)', '[2/2] b.txt: failed: the file is empty']);
    expect(lines[3]).toMatch(/^finished in \d+\.\d s$/);
  });
});
