/**
 * Child process for the hostile-input tests: runs the real pipeline on texts sent over IPC
 * and reports the time taken. It lives in its own process so that a regex stuck in
 * catastrophic backtracking (synchronous, so no test timeout can interrupt it) is killed by
 * the parent instead of hanging the test run.
 */
import { readDocumentFromText } from '../../src/load/read.ts';
import { extractDocument } from '../../src/pipeline.ts';

export interface RunRequest {
  id: number;
  docId: string;
  text: string;
}

export interface RunReply {
  id: number;
  ms: number;
  doc?: ReturnType<typeof extractDocument>;
  error?: string;
}

function run({ id, docId, text }: RunRequest): RunReply {
  const t0 = performance.now();
  try {
    const doc = extractDocument(readDocumentFromText(docId, text));
    return { id, ms: performance.now() - t0, doc };
  } catch (err) {
    return { id, ms: performance.now() - t0, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
}

// Warm up so the first measured run does not pay for lazy initialisation and JIT.
const warmUp =
  'MINUTES\nTuesday 4 March 2025\nPresent:- Councillor Hart (in the Chair); Councillors Bell and Ng.\n' +
  '1. MINUTES OF THE PREVIOUS MEETING\nResolved:- That the minutes be approved.\n';
for (let i = 0; i < 5; i++) run({ id: -1, docId: 'warm-up.txt', text: warmUp.repeat(20) });

process.on('message', (request: RunRequest) => {
  process.send!(run(request));
});
process.send!({ ready: true });
