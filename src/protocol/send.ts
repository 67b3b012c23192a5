/**
 * The one way a content script or an extension page sends to the worker. Every message of
 * the protocol is safe to repeat (reads, writes that replace, a reading re-sent with its
 * visitId updates the same snapshot), and Chromium may stop the worker while it handles one,
 * which rejects the call or leaves it without a reply: one retry after a short pause reaches
 * the restarted worker.
 */
export const RETRY_PAUSE_MS = 250;

export async function sendRetrying<M>(send: (message: M) => Promise<unknown>, message: M): Promise<unknown> {
  try {
    const reply = await send(message);
    if (reply !== undefined) return reply;
  } catch {
    // fall through to the retry
  }
  await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
  return send(message);
}
