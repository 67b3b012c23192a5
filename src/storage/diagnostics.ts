/**
 * The local diagnostics log: what failed, where, and in which of our files. Entries hold
 * only text we wrote (a code, the error's class name, file:line:col of our own bundle
 * files) and never an error message, since messages can quote page text. Kept in this
 * browser, capped, viewable and exportable from the options page.
 */
import * as v from 'valibot';

export const DIAGNOSTICS_CAP = 500;
export const DIAGNOSTIC_CODES = ['read-failed', 'render-failed', 'content-failed', 'handler-failed'] as const;
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

export interface DiagnosticRecord {
  id?: number;
  at: number;
  where: 'content' | 'worker' | 'popup' | 'options';
  code: DiagnosticCode;
  /** Host name of the page (content), or '' for the extension's own contexts. */
  site: string;
  /** Adapter id or message type: our own identifiers. */
  adapter: string;
  /** The error's class name (TypeError, QuotaExceededError…), or 'unknown'. */
  errorName: string;
  /** Up to five `file.js:line:col` frames from our own bundle. */
  frames: string[];
}

/** What the content script may report (validated in the worker before it is stored). */
export const ERROR_NAME = v.pipe(v.string(), v.regex(/^[A-Za-z_$][\w$]{0,59}$/));
export const FRAME = v.pipe(v.string(), v.regex(/^[\w.-]{1,80}:\d{1,7}:\d{1,7}$/));
export const PageDiagnosticSchema = v.object({
  type: v.literal('page/diagnostic'),
  code: v.picklist(DIAGNOSTIC_CODES),
  adapter: v.pipe(v.string(), v.regex(/^[a-z0-9-]{0,40}$/)),
  errorName: ERROR_NAME,
  frames: v.pipe(v.array(FRAME), v.maxLength(5)),
});

/** The class name of a thrown value, only when it is a plain identifier. */
export function errorName(error: unknown): string {
  const name = error instanceof Error ? error.name || error.constructor.name : typeof error;
  return v.is(ERROR_NAME, name) ? name : 'unknown';
}

/**
 * `file.js:line:col` for the stack frames inside this extension's files, at most five.
 * Frames of page scripts and every other part of the stack line (function names can be
 * the page's) are dropped.
 */
export function ownFrames(error: unknown, origin: string): string[] {
  const stack = error instanceof Error && typeof error.stack === 'string' ? error.stack : '';
  const frames: string[] = [];
  for (const line of stack.split('\n')) {
    const at = line.indexOf(origin);
    if (at < 0) continue;
    const match = /([\w.-]{1,80}):(\d{1,7}):(\d{1,7})/.exec(line.slice(at + origin.length).split(/[\s)]/)[0]?.split('/').pop() ?? '');
    if (match) frames.push(`${match[1]}:${match[2]}:${match[3]}`);
    if (frames.length === 5) break;
  }
  return frames;
}
