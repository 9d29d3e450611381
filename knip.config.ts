import type { KnipConfig } from 'knip';

// Unused files, exports, types and dependencies fail `npm run lint`.
// The electron-vite, vite, vitest, playwright, eslint and tsx plugins find the entries named in their
// configs and in package.json scripts (electron/main, electron/preload, electron/web/main.ts,
// renderer/index.html → src/main.tsx, test/unit, test/integration, test/e2e, test/bench/run.ts,
// electron/cli/main.ts, headoffice/main.ts and cli.ts, scripts/*.mjs). Listed here: what only a
// person or a test starts.
const config: KnipConfig = {
  entry: [
    // Run by hand (`npx tsx scripts/portability-schema.ts`), like every script in scripts/.
    'scripts/*.{ts,mjs}',
    // Bundled with esbuild and run as a child process by test/integration/crash-safety.test.ts.
    'test/helpers/crash-writer.ts',
    // Bundled with esbuild and run as a child process by test/integration/retention-categories.test.ts.
    'test/helpers/retention-runner.ts',
  ],
  project: ['**/*.{ts,tsx,mts,mjs}'],
  // A type named in an exported signature stays exported, so callers can name it too.
  ignoreExportsUsedInFile: { type: true, interface: true },
  ignoreIssues: {
    // Each migration's `up` is read through `import * as m0001` placed in the migrations map; knip 6
    // does not count a namespace used as an object property value (webpro-nl/knip#1669).
    'electron/backend/db/migrations/0*.ts': ['exports'],
    'headoffice/db/migrations/0*.ts': ['exports'],
  },
  // System tools the tests call (Debian packages poppler-utils, qpdf, openssl, util-linux), installed by .ci/run.
  ignoreBinaries: ['pdftotext', 'pdftoppm', 'pdffonts', 'pdfinfo', 'qpdf', 'openssl', 'mount', 'umount'],
  // electron-builder rebuilds the native module with it (electron-builder.yml, npmRebuild); pinned
  // directly as ARCHITECTURE.md says.
  ignoreDependencies: ['@electron/rebuild'],
  // A stale line above (an ignore nothing needs any more) fails lint too.
  treatConfigHintsAsErrors: true,
};

export default config;
