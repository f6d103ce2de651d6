/**
 * The server's structured log (pino): JSON lines, one object per event, on stderr; pretty,
 * coloured lines when stderr is a terminal. `LOG_LEVEL` picks the level (default info).
 */
import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

export interface LoggerOptions {
  level?: string;
  /** Human-readable lines instead of JSON (default: when stderr is a terminal). */
  pretty?: boolean;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? process.env.LOG_LEVEL ?? 'info';
  const base = { level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime };
  if (options.pretty ?? Boolean(process.stderr.isTTY)) {
    return pino(base, pretty({ destination: 2, colorize: true, sync: true, ignore: 'pid,hostname' }));
  }
  // Lines are written in batches of 8 KB, not one system call each (a quarter of a busy
  // server's time when every request logs a line), and at least once a second.
  const logger = pino(base, pino.destination({ dest: 2, sync: false, minLength: FLUSH_BYTES }));
  setInterval(() => logger.flush(), FLUSH_MS).unref();
  return logger;
}

const FLUSH_BYTES = 8 * 1024;
const FLUSH_MS = 1_000;

/** A logger that drops everything (tests, and callers that report errors themselves). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
