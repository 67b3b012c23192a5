/** The content script of the manifest's salesforce pages: that site's adapter only (vite.config.ts). */
import { boot } from '../boot';

boot(() => import('../../adapters/salesforce').then((module) => [module.salesforceAdapter]));
