/** Loads the CRM site fixtures for the adapter tests: date tokens filled for a fixed day. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeLarge } from '../fixtures/make-large.mjs';
import { fillDates, formatDate } from '../fixtures/template.mjs';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures');

/** The day the fixtures are read on: Sat Nov 28, 2026, 10:00 local. */
export const NOW = new Date(2026, 10, 28, 10, 0).getTime();

export function fixtureHtml(path: string): string {
  return fillDates(readFileSync(join(FIXTURES, path), 'utf8'), NOW);
}

export function fixtureDoc(path: string): Document {
  return new DOMParser().parseFromString(fixtureHtml(path), 'text/html');
}

export function largeDoc(site: 'hubspot' | 'salesforce' | 'pipedrive', entries?: number): Document {
  return new DOMParser().parseFromString(fillDates(makeLarge(site, entries), NOW), 'text/html');
}

/** The date `days` from NOW as a fixture writes it. */
export function day(days: number, format: 'en-US' | 'en-GB' | 'de-DE' | 'med' | 'iso'): string {
  const now = new Date(NOW);
  return formatDate(new Date(now.getFullYear(), now.getMonth(), now.getDate() + days, 12), format);
}

import { defaultChecklist } from '../../src/checklist/items';
import { defaultSettings } from '../../src/checklist/settings';
import type { RawReading } from '../../src/adapters/types';
import { assess } from '../../src/scoring/score';
import { toFacts } from '../../src/signals/facts';

/** What the worker would make of a reading on NOW (no earlier visits): verdict and flags. */
export function judge(reading: RawReading): { verdict: string; flags: string[]; unknown: string[]; pushes: number } {
  const facts = toFacts(reading, { now: NOW, ownEmails: [], previousCloseDates: [] });
  const assessment = assess(facts, defaultChecklist(), [], defaultSettings(), NOW);
  return {
    verdict: assessment.verdict,
    flags: [...assessment.flags].sort(),
    unknown: assessment.findings.filter((f) => f.status === 'unknown').map((f) => f.reason),
    pushes: facts.closeDatePushes,
  };
}
