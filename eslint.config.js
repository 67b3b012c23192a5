import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers, lowest first (docs/ARCHITECTURE.md): each folder may import from the ones
 * below it, never from one above or beside it. A folder's zone lists what it may not import.
 */
const LAYERS = {
  contract: ['sites', 'checklist', 'adapters', 'signals', 'scoring', 'storage', 'protocol', 'background', 'content', 'ui'],
  checklist: ['adapters', 'signals', 'scoring', 'storage', 'protocol', 'background', 'content', 'ui'],
  adapters: ['signals', 'scoring', 'storage', 'protocol', 'background', 'content', 'ui'],
  signals: ['scoring', 'storage', 'protocol', 'background', 'content', 'ui'],
  scoring: ['storage', 'protocol', 'background', 'content', 'ui'],
  storage: ['protocol', 'background', 'content', 'ui'],
  protocol: ['background', 'content', 'ui'],
  background: ['content', 'ui'],
  content: ['signals', 'storage', 'background', 'ui'],
  ui: ['signals', 'storage', 'background', 'content'],
};
/**
 * src/sites/ is two layers: the list of sites (descriptors: data only, just above the
 * contract, so settings can take site ids from it) and each site's adapter (beside
 * src/adapters/) with its content entry (a content script).
 */
const SITE_LIST = ['src/sites/index.ts', 'src/sites/types.ts', 'src/sites/build.ts', 'src/sites/*/site.ts'];
const SITE_ZONES = [
  { files: SITE_LIST, forbidden: [...LAYERS.contract.filter((f) => f !== 'sites'), 'adapter'] },
  { files: ['src/sites/*/*.ts'], ignores: [...SITE_LIST, 'src/sites/*/content.ts'], forbidden: LAYERS.adapters },
  { files: ['src/sites/*/content.ts'], forbidden: LAYERS.content },
];
const ZONES = [...Object.entries(LAYERS).map(([folder, forbidden]) => ({ files: [`src/${folder}/**`], forbidden })), ...SITE_ZONES];
const layerZones = ZONES.map(({ files, ignores, forbidden }) => ({
  files,
  ...(ignores ? { ignores } : {}),
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: forbidden.map((other) => ({
          group: [`**/${other}/*`, `**/${other}`],
          message: `${files.join(', ')} may not import from ${other} (layers: docs/ARCHITECTURE.md).`,
        })),
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['dist/', 'dist-*/', 'node_modules/', 'coverage/', 'bench-results/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...layerZones,
  {
    // Tests build fakes and use matchers typed `any` (expect.any, expect.objectContaining).
    files: ['tests/**'],
    rules: {
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    // Plain JavaScript: scripts (Node) and the demo site (browser). Not type-checked.
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: globals.node,
    },
  },
  {
    files: ['demo/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    // Functions these scripts hand to the browser run in a page or the extension's worker.
    files: ['scripts/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser, chrome: 'readonly' } },
  },
);
