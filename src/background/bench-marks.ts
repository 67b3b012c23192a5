/**
 * Timeline marks for `npm run bench` (scripts/bench.mjs reads them from the worker to split
 * the cold-start time). Only benchmark builds (VITE_WALKAWAY_BENCH=1) record anything: the
 * user build compiles `mark` to an empty function.
 */
export function mark(name: string): void {
  if (import.meta.env.VITE_WALKAWAY_BENCH === '1') performance.mark(`walkaway:${name}`);
}
