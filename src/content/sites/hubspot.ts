/** The content script of the manifest's hubspot pages: that site's adapter only (vite.config.ts). */
import { boot } from '../boot';

boot(() => import('../../adapters/hubspot').then((module) => [module.hubspotAdapter]));
