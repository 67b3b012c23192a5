/** The options page's calls for "Your data" (export, import, erase), kept apart from the settings client. */
import browser from 'webextension-polyfill';
import type { ExportFile, ImportSummary } from '../../background/data';
import type { Reply, UiMessage } from '../../messages';

export interface DataClient {
  exportAll(): Promise<ExportFile>;
  importAll(text: string): Promise<ImportSummary>;
  eraseAll(): Promise<void>;
}

async function ask<T>(message: UiMessage): Promise<T> {
  const reply = await browser.runtime.sendMessage<UiMessage, Reply<T> | undefined>(message);
  if (!reply) throw new Error('The extension did not answer. Try reopening this page.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

export const dataClient: DataClient = {
  exportAll: () => ask<ExportFile>({ type: 'ui/export' }),
  importAll: (text) => ask<ImportSummary>({ type: 'ui/import', text }),
  eraseAll: async () => {
    await ask<null>({ type: 'ui/erase', confirm: 'erase-everything' });
  },
};
