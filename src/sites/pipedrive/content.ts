/** The content script of this site's pages: its own adapter only (manifest.config.ts, vite.config.ts). */
import { boot } from '../../content/boot';

boot(() => import('./adapter').then((module) => [module.adapter]));
