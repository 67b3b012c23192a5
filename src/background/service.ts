/**
 * What the worker does with each message, free of browser APIs (they come in
 * through Platform) so it is tested with fake-indexeddb and a fake platform.
 */
import { FIELD_LABELS, FIELD_NAMES, type RawReading } from '../adapters/types';
import type { ChecklistItem } from '../checklist/items';
import type { Settings } from '../checklist/settings';
import { validateSettings } from '../checklist/validate';
import type { BadgeState, Reply } from '../messages';
import { assess } from '../scoring/score';
import type { Assessment } from '../scoring/types';
import { toFacts } from '../signals/facts';
import type { DealRecord } from '../storage/db';
import type { Repository } from '../storage/repository';
import type { SaveSettingsResult, SettingsView, TabDealView } from '../ui/views';
import type { Platform } from './platform';
import { keepOnlyEvidence } from './redact';

export interface Service {
  onReading(reading: RawReading, visitId: string, tabId: number): Promise<Reply<BadgeState | null>>;
  onNoDeal(tabId: number): Promise<Reply<null>>;
  onTimeSpent(dealKey: string, ms: number): Promise<Reply<null>>;
  tabDeal(tabId: number): Promise<Reply<TabDealView>>;
  setAnswer(dealKey: string, itemId: string, answer: 'auto' | 'flagged' | 'clear', note: string): Promise<Reply<TabDealView>>;
  getSettings(): Promise<Reply<SettingsView>>;
  saveSettings(settings: unknown, checklist: unknown): Promise<SaveSettingsResult>;
}

interface Config {
  settings: Settings;
  checklist: ChecklistItem[];
}

export function badgeState(title: string, dealKey: string, assessment: Assessment, checklist: ChecklistItem[]): BadgeState {
  const titles = new Map(checklist.map((item) => [item.id, item.title]));
  return {
    dealKey,
    title,
    verdict: assessment.verdict,
    flags: assessment.flags,
    flagged: assessment.findings
      .filter((f) => f.status === 'flagged')
      .map((f) => ({ itemId: f.itemId, title: titles.get(f.itemId) ?? f.itemId, evidence: f.evidence, reason: f.reason })),
    unknownReasons: [...new Set(assessment.findings.filter((f) => f.status === 'unknown').map((f) => f.reason))].slice(0, 6),
  };
}

export function createService(repo: Repository, platform: Platform): Service {
  // Settings are read on nearly every message; cached until the rep saves new ones.
  let config: Config | null = null;
  const loadConfig = async (): Promise<Config> => (config ??= await repo.loadSettings());

  async function rescore(deal: DealRecord, { settings, checklist }: Config): Promise<Assessment> {
    const answers = await repo.answersFor(deal.key);
    return assess(deal.facts, checklist, answers, settings, platform.now());
  }

  async function dealView(deal: DealRecord, cfg: Config): Promise<TabDealView> {
    const assessment = await rescore(deal, cfg);
    const enabled = cfg.checklist.filter((item) => item.enabled);
    return {
      kind: 'deal',
      dealKey: deal.key,
      site: deal.site,
      title: deal.title,
      url: deal.url,
      assessment,
      checklist: cfg.checklist,
      answers: await repo.answersFor(deal.key),
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
      }),
      missed: deal.facts.missing.map((name) => `couldn't read ${FIELD_LABELS[name]}`),
    };
  }

  /** After an answer or a settings change: every tab showing the deal follows at once. */
  async function pushToTabs(deal: DealRecord, assessment: Assessment, checklist: ChecklistItem[]): Promise<void> {
    const state = badgeState(deal.title, deal.key, assessment, checklist);
    for (const tabId of await platform.tabsShowing(deal.key)) {
      await platform.setToolbar(tabId, assessment.flags.length, assessment.verdict);
      await platform.sendToTab(tabId, { type: 'badge/state', state });
    }
  }

  return {
    async onReading(reading, visitId, tabId) {
      const cfg = await loadConfig();
      if (!cfg.settings.sites[reading.site]) {
        await platform.setTabDeal(tabId, null);
        await platform.setToolbar(tabId, null, null);
        return { ok: true, value: null };
      }
      const now = platform.now();
      const previousCloseDates = await repo.previousCloseDates(reading.dealKey);
      const facts = keepOnlyEvidence(
        toFacts(reading, { now, ownEmails: cfg.settings.ownEmails, previousCloseDates }),
        cfg.checklist,
      );
      const answers = await repo.answersFor(facts.dealKey);
      const assessment = assess(facts, cfg.checklist, answers, cfg.settings, now);
      await repo.recordReading({ facts, assessment, url: reading.url, visitId, now });
      await platform.setTabDeal(tabId, facts.dealKey);
      await platform.setToolbar(tabId, assessment.flags.length, assessment.verdict);
      return { ok: true, value: badgeState(facts.title, facts.dealKey, assessment, cfg.checklist) };
    },

    async onNoDeal(tabId) {
      await platform.setTabDeal(tabId, null);
      await platform.setToolbar(tabId, null, null);
      return { ok: true, value: null };
    },

    async onTimeSpent(dealKey, ms) {
      await repo.addTimeSpent(dealKey, ms);
      return { ok: true, value: null };
    },

    async tabDeal(tabId) {
      const dealKey = await platform.tabDeal(tabId);
      const deal = dealKey ? await repo.getDeal(dealKey) : undefined;
      if (!deal) {
        return {
          ok: true,
          value: {
            kind: 'none',
            reason:
              'This tab is not a deal page Walk Away can read. Open a deal in HubSpot, Salesforce or Pipedrive, or an email thread in Gmail or Outlook.',
          },
        };
      }
      return { ok: true, value: await dealView(deal, await loadConfig()) };
    },

    async setAnswer(dealKey, itemId, answer, note) {
      const cfg = await loadConfig();
      if (!cfg.checklist.some((item) => item.id === itemId)) return { ok: false, error: `There is no checklist item "${itemId}".` };
      const deal = await repo.getDeal(dealKey);
      if (!deal) return { ok: false, error: 'This deal is no longer stored. Reload its page.' };
      await repo.setAnswer(dealKey, itemId, answer, note.trim(), platform.now());
      const assessment = await rescore(deal, cfg);
      await repo.updateAssessment(dealKey, assessment);
      await pushToTabs(deal, assessment, cfg.checklist);
      return { ok: true, value: await dealView({ ...deal, assessment }, cfg) };
    },

    async getSettings() {
      const cfg = await loadConfig();
      return { ok: true, value: { settings: cfg.settings, checklist: cfg.checklist } };
    },

    async saveSettings(settingsInput, checklistInput) {
      const checked = validateSettings(settingsInput, checklistInput);
      if (!checked.ok) return { ok: false, error: 'Some values are not valid; nothing was saved.', fieldErrors: checked.fieldErrors };
      await repo.saveSettings(checked.settings, checked.checklist);
      config = { settings: checked.settings, checklist: checked.checklist };
      // Open deals re-score at once so their badges follow the new thresholds.
      const openKeys = new Set<string>();
      for (const key of await platform.openDealKeys()) openKeys.add(key);
      for (const key of openKeys) {
        const deal = await repo.getDeal(key);
        if (!deal) continue;
        const assessment = await rescore(deal, config);
        await repo.updateAssessment(key, assessment);
        await pushToTabs(deal, assessment, config.checklist);
      }
      return { ok: true, value: { settings: config.settings, checklist: config.checklist } };
    },
  };
}
