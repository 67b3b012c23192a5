/**
 * What the surfaces show, built from what the worker stored: the page badge's state, the
 * popup's view of a deal and the pipeline's rows. Pure: data in, views out, no storage and
 * no browser API, so every surface shows the same words for the same deal.
 */
import { FIELD_LABELS, FIELD_NAMES } from '../adapters/types';
import type { ChecklistItem } from '../checklist/items';
import type { Assessment, ManualAnswer } from '../contract/assessment';
import type { BadgeState } from '../protocol/messages';
import type { DealView, LinkedDeal, PipelineRow } from '../protocol/views';
import type { DealRecord } from '../storage/db';
import { isMail, openADealHint } from '../sites';

/** At most this many "not known yet" reasons in the badge. */
const MAX_UNKNOWN_REASONS = 6;

export const NO_DEAL_REASON = `This tab is not a deal page Walk Away can read. ${openADealHint()}`;

export function badgeState(title: string, dealKey: string, assessment: Assessment, checklist: readonly ChecklistItem[]): BadgeState {
  const titles = new Map(checklist.map((item) => [item.id, item.title]));
  return {
    dealKey,
    title,
    verdict: assessment.verdict,
    flags: assessment.flags,
    flagged: assessment.findings
      .filter((f) => f.status === 'flagged')
      .map((f) => ({ itemId: f.itemId, title: titles.get(f.itemId) ?? f.itemId, evidence: f.evidence, reason: f.reason })),
    unknownReasons: [...new Set(assessment.findings.filter((f) => f.status === 'unknown').map((f) => f.reason))].slice(0, MAX_UNKNOWN_REASONS),
  };
}

export function linkedView(deals: readonly DealRecord[]): LinkedDeal[] {
  return deals.map((deal) => ({
    dealKey: deal.key,
    site: deal.site,
    title: deal.title,
    url: deal.url,
    verdict: deal.assessment.verdict,
    flags: deal.assessment.flags,
  }));
}

/** The threads the assessment quotes (its evidence's sources), in order of first mention. */
export function evidenceSources(assessment: Assessment): string[] {
  const keys = new Set<string>();
  for (const finding of assessment.findings) {
    for (const evidence of [...finding.evidence, ...(finding.auto?.evidence ?? [])]) if (evidence.source) keys.add(evidence.source.dealKey);
  }
  return [...keys];
}

export interface DealViewInput {
  deal: DealRecord;
  checklist: ChecklistItem[];
  assessment: Assessment;
  answers: ManualAnswer[];
  /** The other side of the deal's links (links.ts). */
  linked: readonly DealRecord[];
  /** Deal keys some tab shows now: a quote offers "show this message" only when its thread is open. */
  openKeys: readonly string[];
}

export function dealView({ deal, checklist, assessment, answers, linked, openKeys }: DealViewInput): DealView {
  const enabled = checklist.filter((item) => item.enabled);
  const open = new Set(openKeys);
  return {
    kind: 'deal',
    dealKey: deal.key,
    site: deal.site,
    title: deal.title,
    url: deal.url,
    assessment,
    checklist,
    answers,
    sunkCost: {
      firstSeen: deal.firstSeen,
      visits: deal.visits,
      msSpent: deal.msSpent,
      clearCount: assessment.findings.filter((f) => f.status === 'clear').length,
      itemCount: enabled.length,
    },
    read: FIELD_NAMES.flatMap((name) => {
      const value = deal.facts.raw[name];
      return value === undefined ? [] : [{ label: FIELD_LABELS[name], value }];
    }).concat(
      // Counts, so "no contacts / no timeline on the page" is visible next to the fields.
      isMail(deal.facts.site)
        ? []
        : [
            { label: 'Contacts', value: String(deal.facts.contacts.length) },
            { label: 'Timeline entries', value: String(deal.facts.touches.length) },
          ],
    ),
    missed: deal.facts.missing.map((name) => `couldn't read ${FIELD_LABELS[name]}`),
    linked: linkedView(linked),
    openSources: evidenceSources(assessment).filter((key) => open.has(key)),
  };
}

/** A pipeline row from the stored assessment (the last reading's or answer's). */
export function pipelineRow(deal: DealRecord, checklist: readonly ChecklistItem[]): PipelineRow {
  const titles = new Map(checklist.map((item) => [item.id, item.title]));
  return {
    dealKey: deal.key,
    site: deal.site,
    title: deal.title,
    url: deal.url,
    verdict: deal.assessment.verdict,
    flagTitles: deal.assessment.flags.map((id) => titles.get(id) ?? id),
    firstSeen: deal.firstSeen,
    lastSeen: deal.lastSeen,
    visits: deal.visits,
    msSpent: deal.msSpent,
  };
}
