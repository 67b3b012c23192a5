/** The options page's calls for "Your data" (export, import, erase), kept apart from the settings client. */
import type { ExportFile, ImportSummary } from '../../background/data';
import { ask } from '../client';

export interface DataClient {
  exportAll(): Promise<ExportFile>;
  importAll(text: string): Promise<ImportSummary>;
  eraseAll(): Promise<void>;
}

export const dataClient: DataClient = {
  exportAll: () => ask<ExportFile>({ type: 'ui/export' }),
  importAll: (text) => ask<ImportSummary>({ type: 'ui/import', text }),
  eraseAll: async () => {
    await ask<null>({ type: 'ui/erase', confirm: 'erase-everything' });
  },
};
