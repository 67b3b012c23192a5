/** The content script of the manifest's pipedrive pages: that site's adapter only (vite.config.ts). */
import { boot } from '../boot';

boot(() => import('../../adapters/pipedrive').then((module) => [module.pipedriveAdapter]));
