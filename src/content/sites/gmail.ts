/** The content script of the manifest's gmail pages: that site's adapter only (vite.config.ts). */
import { boot } from '../boot';

boot(() => import('../../adapters/gmail').then((module) => [module.gmailAdapter]));
