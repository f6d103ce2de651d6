/** A source document as read from disk, before any interpretation. */
export interface RawDocument {
  /** Stable id of the source: its file name without directories (e.g. `001_4f5d.txt`). */
  id: string;
  path: string;
  /** The decoded text. HTML and PDF are reduced to text by their loaders. */
  text: string;
  /** sha256 of the bytes on disk, for idempotent re-ingestion. */
  sha256: string;
  /** How the bytes were read: 'text', 'html', 'pdf'. */
  format: 'text' | 'html' | 'pdf';
  /** Problems that did not stop the read (e.g. decoded as Windows-1252). */
  warnings: string[];
  /** Where the document is published, when it says (an HTML page's canonical link); null otherwise. */
  url?: string | null;
  /** PDFs: the offset in `text` at which each page starts (page 1 first); null for other formats. */
  pages?: number[] | null;
}
