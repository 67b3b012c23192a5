/**
 * Whether this is the demo build. Bundles get the constant from the build (`define` in
 * vite.config.ts and vitest.config.ts), so in the user build `DEMO_BUILD ? x : y` folds to
 * `y` and the demo site's code is dropped. Outside a bundle (the build's own config, in
 * Node) the environment variable the build reads says.
 */
declare const __WALKAWAY_DEMO__: boolean | undefined;

export const DEMO_BUILD: boolean = typeof __WALKAWAY_DEMO__ === 'boolean' ? __WALKAWAY_DEMO__ : globalThis.process?.env['WALKAWAY_DEMO'] === '1';
