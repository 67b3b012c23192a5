/**
 * The local diagnostics log's entries: what failed, where, and in which of our files. Entries
 * hold only text we wrote (a code, the error's class name, file:line:col of our own bundle
 * files) and never an error message, since messages can quote page text. The worker keeps
 * them in this browser, capped, viewable and exportable from the options page.
 */
import * as v from 'valibot';

export const DIAGNOSTIC_CODES = ['read-failed', 'render-failed', 'content-failed', 'handler-failed'] as const;

/** A class name (TypeError, QuotaExceededError…): a plain identifier only. */
export const ErrorNameSchema = v.pipe(v.string(), v.regex(/^[A-Za-z_$][\w$]{0,59}$/));
/** `file.js:line:col` of one of our own bundle files. */
export const FrameSchema = v.pipe(v.string(), v.regex(/^[\w.-]{1,80}:\d{1,7}:\d{1,7}$/));

export const DiagnosticRecordSchema = v.object({
  id: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  at: v.pipe(v.number(), v.finite(), v.minValue(0)),
  where: v.picklist(['content', 'worker', 'popup', 'options']),
  code: v.picklist(DIAGNOSTIC_CODES),
  /** Host name of the page (content), or '' for the extension's own contexts. */
  site: v.pipe(v.string(), v.maxLength(253)),
  /** Adapter id or message type: our own identifiers. */
  adapter: v.pipe(v.string(), v.maxLength(40)),
  /** The error's class name, or 'unknown'. */
  errorName: ErrorNameSchema,
  /** Up to five frames from our own bundle. */
  frames: v.pipe(v.array(FrameSchema), v.maxLength(5)),
});
export type DiagnosticRecord = v.InferOutput<typeof DiagnosticRecordSchema>;
export type DiagnosticCode = DiagnosticRecord['code'];

/** What a content script may report (validated in the worker before it is stored). */
export const PageDiagnosticSchema = v.object({
  type: v.literal('page/diagnostic'),
  code: v.picklist(DIAGNOSTIC_CODES),
  adapter: v.pipe(v.string(), v.regex(/^[a-z0-9-]{0,40}$/)),
  errorName: ErrorNameSchema,
  frames: v.pipe(v.array(FrameSchema), v.maxLength(5)),
});

/** The class name of a thrown value, only when it is a plain identifier. */
export function errorName(error: unknown): string {
  const name = error instanceof Error ? error.name || error.constructor.name : typeof error;
  return v.is(ErrorNameSchema, name) ? name : 'unknown';
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
