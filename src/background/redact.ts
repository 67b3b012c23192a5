/**
 * SPEC section 4: whole email bodies are never stored. Before facts reach the database
 * (and the scoring, so that a stored deal re-scores exactly as it scored live), buyer
 * statements are reduced to the sentences some detector matched, each cut to a quote
 * of at most 200 characters that still carries the match.
 */
import type { ChecklistItem } from '../checklist/items';
import { QUOTE_MAX, quote } from '../scoring/score';
import { detectPhrases, matchesCustomPhrase } from '../signals/phrases';
import type { DealFacts } from '../signals/types';

type Signals = (text: string) => string[];

function customSignalsOf(checklist: readonly ChecklistItem[]): Signals {
  const custom = checklist.filter((item) => !item.builtIn && item.enabled);
  return (text) => custom.filter((item) => matchesCustomPhrase(text, item.phrases) !== null).map((item) => item.id);
}

/** The shortest quote of a long sentence that still signals what the whole sentence did. */
function quoteKeepingMatch(text: string, signals: Signals, wanted: string[]): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= QUOTE_MAX) return flat;
  const step = QUOTE_MAX / 4;
  let best = { text: quote(flat), found: -1 };
  for (let start = 0; start < flat.length; start += step) {
    const window = quote(flat.slice(start, start + QUOTE_MAX - 1));
    const found = signals(window).filter((signal) => wanted.includes(signal)).length;
    if (found === wanted.length) return window;
    if (found > best.found) best = { text: window, found };
  }
  return best.text;
}

/**
 * The statements some detector matched, each cut to a quote. The built-in detector's hits
 * come with the statement (signals/facts.ts) and are kept as found in the whole sentence; it
 * runs again here only on the windows of a sentence too long to quote whole.
 */
export function keepOnlyEvidence(facts: DealFacts, checklist: readonly ChecklistItem[]): DealFacts {
  const custom = customSignalsOf(checklist);
  const signals: Signals = (text) => [...detectPhrases(text).map((hit) => hit.kind), ...custom(text)];
  return {
    ...facts,
    buyerStatements: facts.buyerStatements.flatMap((statement) => {
      const hits = statement.hits ?? detectPhrases(statement.text);
      const wanted = [...hits.map((hit) => hit.kind), ...custom(statement.text)];
      return wanted.length ? [{ ...statement, hits, text: quoteKeepingMatch(statement.text, signals, wanted) }] : [];
    }),
  };
}
