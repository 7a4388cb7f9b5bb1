/**
 * The import boundaries of ../shared/ARCHITECTURE.md, checked by `npm run lint` (dependency-cruiser):
 * renderer → api client; electron → core/api; core/api → domain modules → ledger → money/time; nothing in
 * core imports electron or renderer; rating, money, time and kana import nothing from Node; no circle
 * between folders. A rule broken here is a design question, not a lint nit: move the shared piece to the
 * lower layer (or split a pure module from its store) rather than adding an exception.
 */

/** The domain modules: the jobs, the parties, the documents and the demo company. */
const DOMAIN =
  '^core/(parties|prepaid|billing|payments|dunning|banking|reconcile|close|daily|documents|demo|rating|journal|reports|sync)/';
/** The lowest layer: pure values (no database, no Node), imported by everything above. */
const FOUNDATION = '^core/(money|time|kana|errors\\.ts|problem-codes\\.ts)';

module.exports = {
  forbidden: [
    {
      name: 'no-folder-circle',
      comment: 'Two folders importing each other (directly or round a longer circle): one of them is a layer too low.',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-module-circle',
      comment: 'Two files importing each other.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-stays-core',
      comment: 'Nothing in core imports electron, the renderer, tests or benchmarks.',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: '^(electron|renderer|test|bench)/' },
    },
    {
      name: 'core-scripts-only-renderer-build',
      comment:
        'serve builds the renderer when it is missing or stale (scripts/renderer-build.mjs, one home with npm start ' +
        'and the e2e setup): that one arrow from core to scripts is allowed, no other.',
      severity: 'error',
      from: { path: '^core/', pathNot: '^core/cli/commands/serve\\.ts$' },
      to: { path: '^scripts/' },
    },
    {
      name: 'serve-scripts-only-renderer-build',
      severity: 'error',
      from: { path: '^core/cli/commands/serve\\.ts$' },
      to: { path: '^scripts/', pathNot: '^scripts/renderer-build\\.mjs$' },
    },
    {
      name: 'node-free',
      comment:
        'rating, money, time and kana run in the renderer too (the cost simulator, the forms): nothing from Node.',
      severity: 'error',
      from: { path: '^core/(rating|money|time|kana)/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'node-free-packages',
      severity: 'error',
      from: { path: '^core/(rating|money|time|kana)/' },
      to: { path: 'node_modules/(better-sqlite3|kysely|pdfkit|fontkit|iconv-lite|tsx)/' },
    },
    {
      name: 'foundation-imports-foundation',
      comment: 'money, time, kana and errors are the lowest layer: they import nothing else of core.',
      severity: 'error',
      from: { path: FOUNDATION },
      to: { path: '^core/', pathNot: FOUNDATION },
    },
    {
      name: 'ledger-below-domain',
      comment: 'The ledger (schema, migrations, postings, audit) sits under the domain modules and the catalog.',
      severity: 'error',
      from: { path: '^core/ledger/' },
      to: { path: `${DOMAIN}|^core/(api|cli|host)/` },
    },
    {
      name: 'domain-below-catalog',
      comment:
        'Domain modules decide and store; the catalog (core/api) and its doors (cli, host) call them, never back.',
      severity: 'error',
      from: { path: DOMAIN },
      to: { path: '^core/(api|cli|host)/' },
    },
    {
      name: 'catalog-below-doors',
      comment: 'The catalog knows no door: the CLI, the browser host and Electron are transports over it.',
      severity: 'error',
      from: { path: '^core/api/' },
      to: { path: '^core/(cli|host)/' },
    },
    {
      name: 'electron-through-the-catalog',
      comment: 'Electron opens the catalog and relays calls (with the host helpers): it reaches no domain module.',
      severity: 'error',
      from: { path: '^electron/' },
      to: { path: '^core/', pathNot: '^core/(api|host)/|^core/cli/(db-path|idle-minutes)\\.ts$' },
    },
    {
      name: 'renderer-through-the-api-client',
      comment:
        'The renderer names operations through its api client; from core it takes only the catalog contract ' +
        '(core/api: schemas, types) and the Node-free values (money, time, rating, kana, errors).',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^core/', pathNot: '^core/(api|money|time|rating|kana)/|^core/(errors|problem-codes)\\.ts$' },
    },
    {
      name: 'renderer-no-core-values-behind-the-catalog',
      comment: 'Only types cross from the catalog implementation (core/api/apps, open…): its code runs in Node.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: {
        path: '^core/api/',
        pathNot: '^core/api/(schemas/|service\\.ts$|failure-kinds\\.ts$|zod-problems\\.ts$)',
        dependencyTypesNot: ['type-only'],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(node_modules|dist)/' },
  },
};
