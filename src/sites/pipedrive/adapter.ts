/**
 * Pipedrive deals: https://<company>.pipedrive.com/deal/<id>
 * No public markup hooks are known (HOOKS.md), so this adapter reads what a person
 * sees: the title, the labelled fields, the stage bar's "X days in stage" tooltip, the
 * participants and the history / activity list, by headings, roles and titles.
 */
import { FALLBACK_TIMELINE, assembleReading, readContactCards, readTimeline, setField, timelineUnderHeading } from '../../adapters/crm-parts';
import { readText } from '../../adapters/label-reader';
import type { Adapter, FieldName, RawReading } from '../../adapters/types';

/** The company's own subdomain; www is the marketing site. */
const HOST = /^(?!www\.)([a-z0-9][a-z0-9-]*)\.pipedrive\.com$/;
const DEAL_PATH = /^\/deal\/(\d+)\/?$/;

/** Dated hooks, newest first: a redesign adds a newer line above the old one instead of replacing it. */
const SELECTORS = {
  /** The deal title heading at the top of the deal view (our reading of the page; no public hook). */
  title_2026_11_28: 'h1',
  /** Stage bar: the current stage is marked for assistive tech; its tooltip counts the days. */
  currentStage_2026_11: '[aria-current="step"]',
  /** Any stage with the tooltip text: the fallback when aria-current is gone. */
  stageWithDays_2025: '[title]',
  /** Lists under these headings (visible text, localised). */
  historyHeading_2026_11: /^(?:history|activities|activity|verlauf|aktivitäten|historie)$/i,
  participantsHeading_2026_11: /^(?:participants|persons|people|teilnehmer|personen)(?: \(\d+\))?$/i,
} as const;

const DAYS_IN_STAGE = /(\d+)\s*(?:days?|tage?n?)\s+(?:in\s+(?:stage|phase|der phase))/i;

function parse(url: URL): { company: string; dealId: string } | null {
  if (url.protocol !== 'https:') return null;
  const host = HOST.exec(url.hostname);
  const deal = DEAL_PATH.exec(url.pathname);
  return host && deal ? { company: host[1]!, dealId: deal[1]! } : null;
}

/** "Proposal made: 12 days in stage" on the current stage (or the one stage that says it). */
function daysInStage(doc: Document): string | undefined {
  const current = doc.querySelector(SELECTORS.currentStage_2026_11);
  const fromCurrent = DAYS_IN_STAGE.exec(`${current?.getAttribute('title') ?? ''} ${current ? readText(current, { max: 200 }) : ''}`);
  if (fromCurrent) return fromCurrent[0];
  const candidates = [...doc.querySelectorAll(SELECTORS.stageWithDays_2025)].flatMap((el) => DAYS_IN_STAGE.exec(el.getAttribute('title') ?? '')?.[0] ?? []);
  return candidates.length === 1 ? candidates[0] : undefined;
}

export const adapter: Adapter = {
  site: 'pipedrive',
  matches: (url) => parse(url) !== null,
  read(doc, url): RawReading | null {
    const ids = parse(url);
    if (!ids) return null;
    const root = doc.body ?? doc;
    const hooks: Partial<Record<FieldName, string>> = {};
    setField(hooks, 'daysInStage', daysInStage(doc));
    const current = doc.querySelector(SELECTORS.currentStage_2026_11);
    if (current) setField(hooks, 'stage', readText(current, { max: 200 }).replace(DAYS_IN_STAGE, '').trim() || undefined);
    const heading = doc.querySelector(SELECTORS.title_2026_11_28);
    const history = timelineUnderHeading(root, SELECTORS.historyHeading_2026_11);
    const timeline = readTimeline(root, { ...FALLBACK_TIMELINE, date: 'time, .date, [title]' }, history.length > 0 ? history : undefined);
    return assembleReading({
      site: 'pipedrive',
      dealKey: `pipedrive:${ids.company}:${ids.dealId}`,
      url,
      doc,
      root,
      hooks,
      title: heading ? readText(heading, { max: 500 }) : '',
      // A participant: the person's name as a link, their role in a small tag.
      contacts: readContactCards(timelineUnderHeading(root, SELECTORS.participantsHeading_2026_11), { name: 'a', role: 'small, .role' }),
      timeline,
    });
  },
};
