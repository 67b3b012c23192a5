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
import type { Assessment, Verdict } from '../scoring/types';
import { toFacts } from '../signals/facts';
import type { DealFacts } from '../signals/types';
import type { DealRecord } from '../storage/db';
import type { Repository } from '../storage/repository';
import { isQuotaError, STORAGE_FULL } from '../storage/prune';
import type { DealView, PipelinePage, SaveSettingsResult, SettingsView, TabDealView } from '../ui/views';
import type { Platform } from './platform';
import { linkedDeals, linkedView, withThreads } from './links';
import { isMail, openADealHint } from '../sites';
import { keepOnlyEvidence } from './redact';
import { mark } from './bench-marks';

export interface Service {
  onReading(reading: RawReading, visitId: string, tabId: number): Promise<Reply<BadgeState | null>>;
  onNoDeal(tabId: number): Promise<Reply<null>>;
  onTimeSpent(dealKey: string, ms: number): Promise<Reply<null>>;
  tabDeal(tabId: number): Promise<Reply<TabDealView>>;
  setAnswer(dealKey: string, itemId: string, answer: 'auto' | 'flagged' | 'clear', note: string): Promise<Reply<TabDealView>>;
  getSettings(): Promise<Reply<SettingsView>>;
  pipeline(offset: number, limit: number, verdict: Verdict | null): Promise<Reply<PipelinePage>>;
  saveSettings(settings: unknown, checklist: unknown): Promise<SaveSettingsResult>;
  /** Drops cached settings after the database was replaced or erased (src/background/data.ts). */
  forgetCache(): void;
  /** Asks the tab to scroll to a message of the thread it shows (evidence in context). */
  revealEvidence(tabId: number, dealKey: string, messageIndex: number): Promise<Reply<boolean>>;
  /** Resolves when the work readings left for after their reply is done (tests wait for it). */
  settled(): Promise<void>;
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

/**
 * `firstConfig`: settings already being read at the worker's start (Repository.ensureSeeded).
 * `reportError`: where a failure after a reply goes (the diagnostics log), since no message
 * waits for that work.
 */
export function createService(
  repo: Repository,
  platform: Platform,
  firstConfig?: Promise<Config>,
  reportError: (error: unknown, what: string) => void = () => undefined,
): Service {
  // Settings are read on nearly every message; cached until the rep saves new ones.
  let config: Promise<Config> | null = firstConfig ?? null;
  const loadConfig = (): Promise<Config> => {
    const pending = (config ??= repo.loadSettings());
    // A failed read is not kept: the next message reads again.
    pending.catch(() => {
      if (config === pending) config = null;
    });
    return pending;
  };
  // The last reading could not be stored (quota): the popup says so too. In memory only:
  // a restarted worker forgets it, and the next reading sets it again if still full.
  let storageWarning: string | null = null;

  async function rescore(deal: DealRecord, { settings, checklist }: Config): Promise<Assessment> {
    const answers = await repo.answersFor(deal.key);
    // A CRM deal counts what the buyer said in its linked mail threads (links.ts).
    const threads = isMail(deal.site) ? [] : await linkedDeals(repo, deal.facts);
    return assess(withThreads(deal.facts, threads), checklist, answers, settings, platform.now());
  }

  /** `assessment`: the one just computed for this deal, when there is one (no need to score twice). */
  async function dealView(deal: DealRecord, cfg: Config, known?: Assessment): Promise<DealView> {
    const assessment = known ?? (await rescore(deal, cfg));
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
      linked: linkedView(await linkedDeals(repo, deal.facts)),
    };
  }

  // Work started after a reading's reply, chained so it runs in order; it never rejects.
  let afterReply: Promise<void> = Promise.resolve();

  /** A thread just read changes the verdict of the CRM deals it links to, and their tabs. */
  async function updateLinkedDeals(facts: DealFacts, cfg: Config): Promise<void> {
    for (const deal of await linkedDeals(repo, facts)) {
      const linkedAssessment = await rescore(deal, cfg);
      await repo.updateAssessment(deal.key, linkedAssessment);
      await pushToTabs(deal, linkedAssessment, cfg);
    }
  }

  /**
   * After an answer, a settings change or a linked thread: every tab showing the deal
   * follows at once, its badge, toolbar and the view its popup opens with.
   */
  async function pushToTabs(deal: DealRecord, assessment: Assessment, cfg: Config): Promise<DealView | null> {
    const state = badgeState(deal.title, deal.key, assessment, cfg.checklist);
    await platform.rememberBadge(state);
    const tabs = await platform.tabsShowing(deal.key);
    const view = tabs.length ? await dealView(deal, cfg, assessment) : null;
    for (const tabId of tabs) {
      if (view) await platform.rememberTabView(tabId, view);
      await platform.setToolbar(tabId, assessment.flags.length, assessment.verdict);
      await platform.sendToTab(tabId, { type: 'badge/state', state });
    }
    return view;
  }

  /** The popup's view of the deal this tab just read, for the popup to open with. */
  async function rememberReadView(tabId: number, dealKey: string, assessment: Assessment, cfg: Config): Promise<void> {
    // The tab may have moved on to another deal (or to none) since.
    if ((await platform.tabDeal(tabId)) !== dealKey) return;
    const deal = await repo.getDeal(dealKey);
    if (deal) await platform.rememberTabView(tabId, await dealView(deal, cfg, assessment));
  }

  return {
    async onReading(reading, visitId, tabId) {
      mark('reading-in');
      // Independent reads, started together: a cold worker's first reading waits on each.
      const [cfg, previousCloseDates, answers] = await Promise.all([
        loadConfig(),
        repo.previousCloseDates(reading.dealKey),
        repo.answersFor(reading.dealKey),
      ]);
      mark('config');
      // Settings stored before a site existed lack it: on by default, like a fresh install.
      if (cfg.settings.sites[reading.site] === false) {
        await platform.forgetBadge(reading.dealKey);
        await platform.setTabDeal(tabId, null);
        await platform.setToolbar(tabId, null, null);
        return { ok: true, value: null };
      }
      const now = platform.now();
      const facts = keepOnlyEvidence(
        toFacts(reading, { now, ownEmails: cfg.settings.ownEmails, previousCloseDates }),
        cfg.checklist,
      );
      const threads = isMail(facts.site) ? [] : await linkedDeals(repo, facts);
      const assessment = assess(withThreads(facts, threads), cfg.checklist, answers, cfg.settings, now);
      mark('assessed');
      // Storage full even after pruning: still show the verdict, and say the visit wasn't saved.
      const warning = await repo.recordReading({ facts, assessment, url: reading.url, visitId, now }).then(
        () => null,
        (error: unknown) => {
          if (isQuotaError(error)) return STORAGE_FULL;
          throw error;
        },
      );
      storageWarning = warning;
      mark('stored');
      // After the reply, in order: the view the tab's popup opens with, then the linked CRM
      // deals. The page's badge depends on neither (and a CRM deal counts its threads again
      // on its own next reading anyway).
      afterReply = afterReply
        .then(async () => {
          // Not stored: a saved view would show the deal as it was before this reading.
          if (warning !== null) return platform.forgetTabView(tabId);
          await rememberReadView(tabId, facts.dealKey, assessment, cfg);
          if (isMail(facts.site)) await updateLinkedDeals(facts, cfg);
        })
        .catch((error: unknown) => reportError(error, 'page/reading'));
      // The page's badge waits for this reply; the tab's bookkeeping and toolbar need not
      // (both are started here, in order, and finish while the reply travels).
      void Promise.all([platform.setTabDeal(tabId, facts.dealKey), platform.setToolbar(tabId, assessment.flags.length, assessment.verdict)]).catch(
        () => undefined,
      );
      const state = badgeState(facts.title, facts.dealKey, assessment, cfg.checklist);
      void platform.rememberBadge(state).catch(() => undefined);
      return { ok: true, value: warning === null ? state : { ...state, warning } };
    },

    settled() {
      return afterReply;
    },

    async revealEvidence(tabId, dealKey, messageIndex) {
      // Only a tab that shows this deal: the popup can't make another page scroll.
      if (!(await platform.tabsShowing(dealKey)).includes(tabId)) return { ok: true, value: false };
      await platform.sendToTab(tabId, { type: 'badge/reveal', dealKey, messageIndex });
      return { ok: true, value: true };
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
            reason: storageWarning ??
              `This tab is not a deal page Walk Away can read. ${openADealHint()}`,
          },
        };
      }
      const view = await dealView(deal, await loadConfig());
      // The popup's next opening starts from this (time spent and visits move on between readings).
      void platform.rememberTabView(tabId, view).catch(() => undefined);
      return { ok: true, value: storageWarning === null ? view : { ...view, storageWarning } };
    },

    async setAnswer(dealKey, itemId, answer, note) {
      const cfg = await loadConfig();
      if (!cfg.checklist.some((item) => item.id === itemId)) return { ok: false, error: `There is no checklist item "${itemId}".` };
      const deal = await repo.getDeal(dealKey);
      if (!deal) return { ok: false, error: 'This deal is no longer stored. Reload its page.' };
      await repo.setAnswer(dealKey, itemId, answer, note.trim(), platform.now());
      const assessment = await rescore(deal, cfg);
      await repo.updateAssessment(dealKey, assessment);
      const view = await pushToTabs(deal, assessment, cfg);
      return { ok: true, value: view ?? (await dealView(deal, cfg, assessment)) };
    },

    async pipeline(offset, limit, verdict) {
      const { checklist } = await loadConfig();
      const titles = new Map(checklist.map((item) => [item.id, item.title]));
      const { deals, total } = await repo.dealsPage(offset, limit, verdict);
      // The stored assessment (from the last reading or answer): re-scoring every row would cost a page of reads.
      const rows = deals.map((deal) => ({
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
      }));
      return { ok: true, value: { rows, total } };
    },

    async getSettings() {
      const cfg = await loadConfig();
      return { ok: true, value: { settings: cfg.settings, checklist: cfg.checklist } };
    },

    forgetCache() {
      config = null;
    },

    async saveSettings(settingsInput, checklistInput) {
      const checked = validateSettings(settingsInput, checklistInput);
      if (!checked.ok) return { ok: false, error: 'Some values are not valid; nothing was saved.', fieldErrors: checked.fieldErrors };
      await repo.saveSettings(checked.settings, checked.checklist);
      const saved: Config = { settings: checked.settings, checklist: checked.checklist };
      config = Promise.resolve(saved);
      // Open deals re-score at once so their badges follow the new thresholds.
      const openKeys = new Set<string>();
      for (const key of await platform.openDealKeys()) openKeys.add(key);
      for (const key of openKeys) {
        const deal = await repo.getDeal(key);
        if (!deal) continue;
        const assessment = await rescore(deal, saved);
        await repo.updateAssessment(key, assessment);
        await pushToTabs(deal, assessment, saved);
      }
      return { ok: true, value: { settings: saved.settings, checklist: saved.checklist } };
    },
  };
}
