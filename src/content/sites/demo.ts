/** The content script of the manifest's demo pages: that site's adapter only (vite.config.ts). */
import { boot } from '../boot';

boot(() => import('../../adapters/demo').then((module) => [module.demoAdapter]));
