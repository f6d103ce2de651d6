/**
 * Ingest progress: a one-line bar on a terminal (files done/total, MB/s, ETA), plain log lines
 * otherwise (CI logs, pipes), so neither gets the other's noise.
 */
export interface ProgressSink {
  start(files: number, bytes: number): void;
  /** A file finished a stage; `bytes` is its size. */
  step(stage: 'read' | 'write', path: string, bytes: number, outcome: string): void;
  done(): void;
}

export function createProgress(options: { tty: boolean; log: (line: string) => void; stream?: NodeJS.WriteStream }): ProgressSink {
  return options.tty ? new Bar(options.stream ?? process.stderr) : new Lines(options.log);
}

const mb = (bytes: number) => bytes / 1024 / 1024;

function clock(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Each file is read then written; both stages count half towards the bar. */
class Bar implements ProgressSink {
  private files = 0;
  private bytes = 0;
  private done_ = { read: 0, write: 0 };
  private doneBytes = { read: 0, write: 0 };
  private started = Date.now();
  private lastDraw = 0;
  constructor(private readonly stream: NodeJS.WriteStream) {}

  start(files: number, bytes: number): void {
    this.files = files;
    this.bytes = bytes;
    this.started = Date.now();
    this.draw(true);
  }

  step(stage: 'read' | 'write', _path: string, bytes: number): void {
    this.done_[stage]++;
    this.doneBytes[stage] += bytes;
    this.draw(false);
  }

  done(): void {
    this.draw(true);
    this.stream.write('\n');
  }

  private draw(force: boolean): void {
    const now = Date.now();
    if (!force && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const seconds = (now - this.started) / 1000;
    const fraction = this.files === 0 ? 1 : (this.done_.read + this.done_.write) / (2 * this.files);
    const processed = (this.doneBytes.read + this.doneBytes.write) / 2;
    const rate = seconds > 0 ? mb(processed) / seconds : 0;
    const eta = fraction > 0 ? (seconds / fraction) * (1 - fraction) : Infinity;
    const width = 30;
    const filled = Math.round(fraction * width);
    const stage = this.done_.read < this.files ? 'reading' : 'writing';
    const line =
      `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.done_.write}/${this.files} files ` +
      `${rate.toFixed(2)} MB/s ETA ${clock(eta)} ${stage}`;
    this.stream.write(`\r${line.padEnd(80)}`);
  }
}

class Lines implements ProgressSink {
  private files = 0;
  private started = Date.now();
  private written = 0;
  constructor(private readonly log: (line: string) => void) {}

  start(files: number, bytes: number): void {
    this.files = files;
    this.started = Date.now();
    this.log(`ingesting ${files} file${files === 1 ? '' : 's'} (${mb(bytes).toFixed(2)} MB)`);
  }

  step(stage: 'read' | 'write', path: string, _bytes: number, outcome: string): void {
    if (stage === 'write') this.written++;
    // Reads that succeed are not news; everything else is.
    if (stage === 'read' && outcome === 'read') return;
    const position = stage === 'write' ? `[${this.written}/${this.files}] ` : '';
    this.log(`${position}${path}: ${outcome}`);
  }

  done(): void {
    this.log(`finished in ${((Date.now() - this.started) / 1000).toFixed(1)} s`);
  }
}
