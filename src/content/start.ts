/**
 * When the content script starts its work. Any content script Chromium injects after the
 * page is parsed (document_idle) runs in a task ahead of the load event and delays it, by
 * the isolated world's set-up alone (docs/PERFORMANCE.md, "Page load ratio"). So the
 * manifest injects at document_start, when the script only registers listeners, and the
 * work starts in a task after the load event, or FALLBACK_MS after DOMContentLoaded at
 * the latest, so a page whose load is held up by a slow image or frame still gets its badge.
 */
export const FALLBACK_MS = 100;

export function afterLoad(start: () => void, doc: Document = document, win: Window = window): void {
  if (doc.readyState === 'complete') {
    start();
    return;
  }
  let started = false;
  let fallback: ReturnType<typeof setTimeout> | undefined;
  const once = () => {
    if (started) return;
    started = true;
    clearTimeout(fallback);
    win.removeEventListener('load', onLoad);
    win.removeEventListener('DOMContentLoaded', arm);
    start();
  };
  // A task after the load event, so the event's own handlers end (loadEventEnd) before ours run.
  const onLoad = () => void setTimeout(once, 0);
  const arm = () => {
    fallback ??= setTimeout(once, FALLBACK_MS);
  };
  win.addEventListener('load', onLoad);
  if (doc.readyState === 'loading') win.addEventListener('DOMContentLoaded', arm);
  else arm();
}
