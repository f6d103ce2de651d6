/**
 * Why a document could not be read at all. Anything less severe is a warning on the
 * RawDocument instead, so a reader can still extract what is there.
 */
export type DocumentErrorReason =
  | 'not-found'
  | 'unreadable'
  | 'empty'
  | 'binary'
  | 'unsupported-format'
  | 'too-large'
  | 'malformed';

/**
 * A document that cannot be read. The message names the file, says what is wrong and what to
 * do about it, so the CLI can print it as it is, without a stack trace.
 */
export class DocumentError extends Error {
  constructor(
    readonly path: string,
    readonly reason: DocumentErrorReason,
    /** What went wrong and what to do, without the path (the message adds it). */
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${path}: ${detail}`, options);
    this.name = 'DocumentError';
  }
}

export function isDocumentError(err: unknown): err is DocumentError {
  return err instanceof DocumentError;
}
