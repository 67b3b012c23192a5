/**
 * From a page's raw reading to a scored deal, and the re-scoring of a stored deal after an
 * answer or a settings change. The parsing and scoring are pure (signals/, scoring/); this
 * module only gathers what they need from the repository, each piece read once.
 */
import type { RawReading } from '../adapters/types';
import type { Assessment, ManualAnswer } from '../contract/assessment';
import { assess } from '../scoring/score';
import { toFacts } from '../signals/facts';
import type { DealFacts } from '../signals/types';
import type { DealRecord } from '../storage/db';
import type { Repository } from '../storage/repository';
import type { Config } from './config';
import { linkedDeals, withThreads } from './links';
import { keepOnlyEvidence } from './redact';

/** A deal scored, with what the score was made of: the views built from it need the same. */
export interface Scored {
  assessment: Assessment;
  answers: ManualAnswer[];
  /** The other side of the deal's links: threads for a CRM deal, CRM deals for a thread. */
  linked: DealRecord[];
}

export interface ScoredReading extends Scored {
  /** What is stored: buyer statements cut to the quotes that matched (never whole bodies). */
  facts: DealFacts;
}

/** The reading's own history and answers, read together (a cold worker's first reading waits on each). */
export async function readingContext(repo: Repository, dealKey: string): Promise<{ previousCloseDates: number[]; answers: ManualAnswer[] }> {
  const [previousCloseDates, answers] = await Promise.all([repo.previousCloseDates(dealKey), repo.answersFor(dealKey)]);
  return { previousCloseDates, answers };
}

/** Parses, detects and scores one reading. The phrase detector runs once, in toFacts. */
export async function scoreReading(
  repo: Repository,
  cfg: Config,
  reading: RawReading,
  context: { previousCloseDates: number[]; answers: ManualAnswer[] },
  now: number,
): Promise<ScoredReading> {
  const facts = keepOnlyEvidence(toFacts(reading, { now, ownEmails: cfg.settings.ownEmails, previousCloseDates: context.previousCloseDates }), cfg.checklist);
  const linked = await linkedDeals(repo, facts);
  const assessment = assess(withThreads(facts, linked), cfg.checklist, context.answers, cfg.settings, now);
  return { facts, assessment, answers: context.answers, linked };
}

/** A stored deal scored again with the current answers, links and settings. */
export async function rescore(repo: Repository, deal: DealRecord, cfg: Config, now: number): Promise<Scored> {
  const [answers, linked] = await Promise.all([repo.answersFor(deal.key), linkedDeals(repo, deal.facts)]);
  return { assessment: assess(withThreads(deal.facts, linked), cfg.checklist, answers, cfg.settings, now), answers, linked };
}
