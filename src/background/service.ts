/**
 * The worker's operations, one per message, composed from the modules that do the work:
 * config.ts (settings cache), pipeline.ts (reading -> scored deal), view-model.ts (what the
 * surfaces show, pure), fanout.ts (every tab of a deal follows), data.ts (export, import,
 * erase) and diagnostics.ts. `handlersFor` is the table the router dispatches on: one
 * handler per message type of the protocol, checked exhaustive by the compiler. Free of
 * browser APIs (they come in through Platform), so it is tested with fake-indexeddb.
 */
import type { RawReading } from '../adapters/types';
import { validateSettings } from '../checklist/validate';
import type { AnswerChoice, EvidenceSource, Verdict } from '../contract/assessment';
import type { BadgeState, PageReplies, PageRequest, PageType, Reply, UiReplies, UiRequest, UiType } from '../protocol/messages';
import type { PipelinePage, SettingsView, TabDealView } from '../protocol/views';
import type { Repository } from '../storage/repository';
import { isQuotaError, STORAGE_FULL } from '../storage/prune';
import { mark } from './bench-marks';
import { createConfigCache, type Config } from './config';
import type { DataHandlers } from './data';
import type { DiagnosticsLog } from './diagnostics';
import { pushToTabs, rememberReadView, viewOf } from './fanout';
import { isMail } from '../sites';
import { readingContext, rescore, scoreReading } from './pipeline';
import type { Platform } from './platform';
import { badgeState, NO_DEAL_REASON, pipelineRow } from './view-model';

export interface Service {
  onReading(reading: RawReading, visitId: string, tabId: number): Promise<Reply<BadgeState | null>>;
  onNoDeal(tabId: number): Promise<Reply<null>>;
  onTimeSpent(dealKey: string, ms: number): Promise<Reply<null>>;
  tabDeal(tabId: number): Promise<Reply<TabDealView>>;
  setAnswer(dealKey: string, itemId: string, answer: AnswerChoice, note: string): Promise<Reply<TabDealView>>;
  getSettings(): Promise<Reply<SettingsView>>;
  pipeline(offset: number, limit: number, verdict: Verdict | null): Promise<Reply<PipelinePage>>;
  saveSettings(settings: unknown, checklist: unknown): Promise<Reply<SettingsView>>;
  /** Drops cached settings after the database was replaced or erased (src/background/data.ts). */
  forgetCache(): void;
  /** Asks the tab that shows the quoted thread to scroll to the message (evidence in context). */
  revealEvidence(tabId: number, source: EvidenceSource): Promise<Reply<boolean>>;
  /** Resolves when the work readings left for after their reply is done (tests wait for it). */
  settled(): Promise<void>;
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
  const config = createConfigCache(() => repo.loadSettings(), firstConfig);
  // The last reading could not be stored (quota): the popup says so too. In memory only:
  // a restarted worker forgets it, and the next reading sets it again if still full.
  let storageWarning: string | null = null;
  // Work started after a reading's reply, chained so it runs in order; it never rejects.
  let afterReply: Promise<void> = Promise.resolve();

  return {
    async onReading(reading, visitId, tabId) {
      mark('reading-in');
      const [cfg, context] = await Promise.all([config.load(), readingContext(repo, reading.dealKey)]);
      mark('config');
      // Settings stored before a site existed lack it: on by default, like a fresh install.
      if (cfg.settings.sites[reading.site] === false) {
        await platform.forgetBadge(reading.dealKey);
        await platform.setTabDeal(tabId, null);
        await platform.setToolbar(tabId, null, null);
        return { ok: true, value: null };
      }
      const now = platform.now();
      const scored = await scoreReading(repo, cfg, reading, context, now);
      const { facts, assessment } = scored;
      mark('assessed');
      // Storage full even after pruning: still show the verdict, and say the visit wasn't saved.
      const stored = await repo.recordReading({ facts, assessment, url: reading.url, visitId, now }).then(
        (deal) => ({ deal, warning: null }),
        (error: unknown) => {
          if (isQuotaError(error)) return { deal: null, warning: STORAGE_FULL };
          throw error;
        },
      );
      storageWarning = stored.warning;
      mark('stored');
      // After the reply, in order: the view the tab's popup opens with, then the linked CRM
      // deals of a thread. The page's badge depends on neither.
      afterReply = afterReply
        .then(async () => {
          // Not stored: a saved view would show the deal as it was before this reading.
          if (!stored.deal) return platform.forgetTabView(tabId);
          await rememberReadView(platform, tabId, stored.deal, cfg, scored);
          if (!isMail(facts.site)) return;
          for (const deal of scored.linked) {
            const linkedScore = await rescore(repo, deal, cfg, now);
            await repo.updateAssessment(deal.key, linkedScore.assessment);
            await pushToTabs(platform, deal, cfg, linkedScore);
          }
        })
        .catch((error: unknown) => reportError(error, 'page/reading'));
      // The page's badge waits for this reply; the tab's bookkeeping and toolbar need not.
      void Promise.all([platform.setTabDeal(tabId, facts.dealKey), platform.setToolbar(tabId, assessment.flags.length, assessment.verdict)]).catch(
        () => undefined,
      );
      const state = badgeState(facts.title, facts.dealKey, assessment, cfg.checklist);
      void platform.rememberBadge(state).catch(() => undefined);
      return { ok: true, value: stored.warning === null ? state : { ...state, warning: stored.warning } };
    },

    settled() {
      return afterReply;
    },

    async revealEvidence(tabId, source) {
      // Only a tab that shows the quoted thread; the popup's own tab first.
      const tabs = await platform.tabsShowing(source.dealKey);
      const target = tabs.includes(tabId) ? tabId : tabs[0];
      if (target === undefined) return { ok: true, value: false };
      if (target !== tabId) await platform.focusTab(target);
      await platform.sendToTab(target, { type: 'badge/reveal', dealKey: source.dealKey, messageIndex: source.messageIndex });
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
      if (!deal) return { ok: true, value: { kind: 'none', reason: storageWarning ?? NO_DEAL_REASON } };
      const cfg = await config.load();
      const view = await viewOf(platform, deal, cfg, await rescore(repo, deal, cfg, platform.now()));
      // The popup's next opening starts from this (time spent and visits move on between readings).
      void platform.rememberTabView(tabId, view).catch(() => undefined);
      return { ok: true, value: storageWarning === null ? view : { ...view, storageWarning } };
    },

    async setAnswer(dealKey, itemId, answer, note) {
      const cfg = await config.load();
      if (!cfg.checklist.some((item) => item.id === itemId)) return { ok: false, error: `There is no checklist item "${itemId}".` };
      const deal = await repo.getDeal(dealKey);
      if (!deal) return { ok: false, error: 'This deal is no longer stored. Reload its page.' };
      await repo.setAnswer(dealKey, itemId, answer, note.trim(), platform.now());
      const scored = await rescore(repo, deal, cfg, platform.now());
      await repo.updateAssessment(dealKey, scored.assessment);
      const view = await pushToTabs(platform, deal, cfg, scored);
      return { ok: true, value: view ?? (await viewOf(platform, deal, cfg, scored)) };
    },

    async pipeline(offset, limit, verdict) {
      const { checklist } = await config.load();
      const { deals, total } = await repo.dealsPage(offset, limit, verdict);
      // The stored assessment (from the last reading or answer): re-scoring every row would cost a page of reads.
      return { ok: true, value: { rows: deals.map((deal) => pipelineRow(deal, checklist)), total } };
    },

    async getSettings() {
      return { ok: true, value: await config.load() };
    },

    forgetCache() {
      config.forget();
    },

    async saveSettings(settingsInput, checklistInput) {
      const checked = validateSettings(settingsInput, checklistInput);
      if (!checked.ok) return { ok: false, error: 'Some values are not valid; nothing was saved.', fieldErrors: checked.fieldErrors };
      await repo.saveSettings(checked.settings, checked.checklist);
      const saved: Config = { settings: checked.settings, checklist: checked.checklist };
      config.set(saved);
      // Open deals re-score at once so their badges follow the new thresholds.
      for (const key of new Set(await platform.openDealKeys())) {
        const deal = await repo.getDeal(key);
        if (!deal) continue;
        const scored = await rescore(repo, deal, saved, platform.now());
        await repo.updateAssessment(key, scored.assessment);
        await pushToTabs(platform, deal, saved, scored);
      }
      return { ok: true, value: saved };
    },
  };
}

/** What a page handler knows of its sender, checked by the router. */
export interface PageSender {
  tabId: number;
  url: string | undefined;
}

export type PageHandlers = { [K in PageType]: (message: PageRequest<K>, sender: PageSender) => Promise<Reply<PageReplies[K]>> };
export type UiHandlers = { [K in UiType]: (message: UiRequest<K>) => Promise<Reply<UiReplies[K]>> };

/** One handler per message type: the compiler refuses a table that misses one. */
export function handlersFor(service: Service, data: DataHandlers, diagnostics: DiagnosticsLog): { page: PageHandlers; ui: UiHandlers } {
  return {
    page: {
      'page/wake': () => Promise.resolve({ ok: true, value: null }),
      'page/reading': (message, sender) => service.onReading(message.reading, message.visitId, sender.tabId),
      'page/no-deal': (_message, sender) => service.onNoDeal(sender.tabId),
      'page/time-spent': (message) => service.onTimeSpent(message.dealKey, message.ms),
      'page/diagnostic': (message, sender) => diagnostics.fromPage(message, sender.url),
    },
    ui: {
      'ui/tab-deal': (message) => service.tabDeal(message.tabId),
      'ui/set-answer': (message) => service.setAnswer(message.dealKey, message.itemId, message.answer, message.note),
      'ui/get-settings': () => service.getSettings(),
      'ui/save-settings': (message) => service.saveSettings(message.settings, message.checklist),
      'ui/pipeline': (message) => service.pipeline(message.offset, message.limit, message.verdict),
      'ui/export': () => data.exportAll(),
      'ui/import': (message) => data.importAll(message.text),
      'ui/erase': () => data.eraseAll(),
      'ui/diagnostics': () => diagnostics.list(),
      'ui/reveal-evidence': (message) => service.revealEvidence(message.tabId, message.source),
    },
  };
}
