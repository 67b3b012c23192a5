/** The content script of the manifest's outlook pages: that site's adapter only (vite.config.ts). */
import { boot } from '../boot';

boot(() => import('../../adapters/outlook').then((module) => [module.outlookAdapter]));
