/**
 * The worker side of the diagnostics log: entries reported by content scripts (already
 * validated: codes, class names and frames only) and the worker's own handler failures.
 */
import type * as v from 'valibot';
import type { Reply } from '../protocol/messages';
import { errorName, ownFrames, type DiagnosticRecord, type PageDiagnosticSchema } from '../contract/diagnostics';
import type { Repository } from '../storage/repository';

export interface DiagnosticsLog {
  fromPage(report: v.InferOutput<typeof PageDiagnosticSchema>, senderUrl: string | undefined): Promise<Reply<null>>;
  /** Never rejects: logging a failure must not become a second failure. */
  fromWorker(error: unknown, messageType: string): Promise<void>;
  list(): Promise<Reply<DiagnosticRecord[]>>;
}

export function createDiagnosticsLog(repo: Repository, deps: { now(): number; extensionOrigin: string }): DiagnosticsLog {
  return {
    async fromPage(report, senderUrl) {
      let site = '';
      try {
        site = new URL(senderUrl ?? '').hostname.slice(0, 253);
      } catch {
        // no usable URL: leave the site blank
      }
      await repo.logDiagnostic({
        at: deps.now(),
        where: 'content',
        code: report.code,
        site,
        adapter: report.adapter,
        errorName: report.errorName,
        frames: report.frames,
      });
      return { ok: true, value: null };
    },

    async fromWorker(error, messageType) {
      await repo
        .logDiagnostic({
          at: deps.now(),
          where: 'worker',
          code: 'handler-failed',
          site: '',
          adapter: /^[\w/-]{1,40}$/.test(messageType) ? messageType : '',
          errorName: errorName(error),
          frames: ownFrames(error, deps.extensionOrigin),
        })
        .catch(() => undefined);
    },

    async list() {
      return { ok: true, value: await repo.diagnostics() };
    },
  };
}
