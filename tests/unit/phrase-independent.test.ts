/**
 * The independent buyer-sentence set (tests/corpus/independent/): written by an author who saw
 * only the checklist and the contract's rules, never the detector, its patterns or the tuning
 * corpus (its README says how). It is frozen: the hash below fails the test when a line
 * changes, so nobody tunes the set to the detector. No pattern or weight may be changed by
 * looking at its misses; its figures are reported (printed here, in docs/PHRASES.md), apart
 * from the tuning corpus's.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PHRASE_ITEMS, detectPhrases, splitSentences } from '../../src/signals/phrases';

type Item = (typeof PHRASE_ITEMS)[number];
interface Row {
  id: string;
  text: string;
  labels: Item[];
  kind: 'positive' | 'hard-negative';
  note: string;
}

const FILE = fileURLToPath(new URL('../corpus/independent/buyer-sentences.jsonl', import.meta.url));
/** sha256 of the file as written on 2026-12-04, before the detector was changed by issue 14. */
const FROZEN_SHA256 = 'fdfe09deef033deb0bf32182b9db98005f2cdaffeed08421135b71af2c3b8372';
/** Default crowded-field threshold (SPEC section 1): more than 3 vendors, counting us. */
const MAX_VENDORS = 3;

const text = readFileSync(FILE, 'utf8');
const rows: Row[] = text
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Row);

function flagsOf(row: Row): Set<Item> {
  const flags = new Set<Item>();
  for (const sentence of splitSentences(row.text)) {
    for (const hit of detectPhrases(sentence)) {
      if (hit.kind === 'crowded-field') {
        if ((hit.vendorCount ?? 0) > MAX_VENDORS) flags.add('crowded-field');
      } else if (hit.kind !== 'value-language') flags.add(hit.kind);
    }
  }
  return flags;
}

function report(): { table: string; micro: { precision: number; recall: number } } {
  const found = rows.map((row) => ({ row, flags: flagsOf(row) }));
  let [TP, FP, FN] = [0, 0, 0];
  const lines = PHRASE_ITEMS.map((item) => {
    let [tp, fp, fn] = [0, 0, 0];
    for (const { row, flags } of found) {
      const wanted = row.labels.includes(item);
      if (wanted && flags.has(item)) tp++;
      else if (flags.has(item)) fp++;
      else if (wanted) fn++;
    }
    [TP, FP, FN] = [TP + tp, FP + fp, FN + fn];
    const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
    return `| ${item} | ${tp + fn} | ${tp} | ${fp} | ${fn} | ${precision.toFixed(2)} | ${(tp / (tp + fn)).toFixed(2)} |`;
  });
  const micro = { precision: TP + FP === 0 ? 1 : TP / (TP + FP), recall: TP / (TP + FN) };
  const negativesFlagged = found.filter(({ row, flags }) => row.labels.length === 0 && flags.size > 0).length;
  const table = [
    `Independent set (${rows.length} rows, ${rows.filter((r) => r.labels.length === 0).length} hard negatives; ${negativesFlagged} of them flagged something)`,
    '| item | positives | TP | FP | FN | precision | recall |',
    '|---|---|---|---|---|---|---|',
    ...lines,
    `| **micro** | ${TP + FN} | ${TP} | ${FP} | ${FN} | ${micro.precision.toFixed(2)} | ${micro.recall.toFixed(2)} |`,
  ].join('\n');
  return { table, micro };
}

describe('the independent buyer-sentence set', () => {
  it('is the frozen file, as written apart from the detector', () => {
    expect(createHash('sha256').update(text).digest('hex')).toBe(FROZEN_SHA256);
  });

  it('has what the issue asks of it: at least 600 sentences, 40% hard negatives, every item', () => {
    expect(rows.length).toBeGreaterThanOrEqual(600);
    expect(rows.filter((row) => row.labels.length === 0).length / rows.length).toBeGreaterThanOrEqual(0.4);
    for (const item of PHRASE_ITEMS) expect(rows.filter((row) => row.labels.includes(item)).length, item).toBeGreaterThanOrEqual(40);
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
  });

  it('reports precision and recall per item (floors come with the meaning-based detector, issue 14)', () => {
    const { table, micro } = report();
    console.log(table);
    // Reported, not yet a floor: both are real numbers of this detector on this set.
    expect(micro.precision).toBeGreaterThan(0);
    expect(micro.recall).toBeGreaterThan(0);
  });
});
