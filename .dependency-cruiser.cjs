/** The layer rules (docs/ARCHITECTURE.md "Layer rules, and why"), checked on every `npm test`. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'The domain imports only the domain and the contract: no I/O, no SDK, no Node built-ins.',
      severity: 'error',
      from: { path: '^cloudfunctions/_shared/domain/' },
      to: { pathNot: ['^cloudfunctions/_shared/domain/', '^types/'] },
    },
    {
      name: 'types-import-only-zod',
      comment: 'The contract is shared by both sides: it may import zod and itself, nothing else.',
      severity: 'error',
      from: { path: '^types/' },
      to: { pathNot: ['^types/', '^node_modules/zod/'] },
    },
    {
      name: 'app-never-imports-functions',
      comment: 'The mini-program talks to functions only through the cloud client and the contract.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^cloudfunctions/' },
    },
    {
      name: 'functions-never-import-app',
      severity: 'error',
      from: { path: '^cloudfunctions/' },
      to: { path: '^src/' },
    },
    {
      name: 'cloud-adapters-stay-out-of-the-local-host',
      comment: 'Without credentials the CloudBase SDKs crash the process: the local host must never load them.',
      severity: 'error',
      from: { path: '^cloudfunctions/_local/' },
      to: { path: ['^cloudfunctions/_shared/adapters/cloudbase/', '^cloudfunctions/_shared/runtime/cloud-entry', 'node_modules/(wx-server-sdk|@cloudbase)/'] },
    },
    {
      name: 'product-never-imports-dev-tooling',
      comment: 'tools/ (the CloudBase emulator, the function runner, the start:cloud host) stands in for the platform: nothing shipped may depend on it.',
      severity: 'error',
      from: { path: '^(cloudfunctions|src|types)/' },
      to: { path: '^tools/' },
    },
    {
      name: 'functions-do-not-import-each-other',
      comment: 'Each function deploys alone; what they share lives in _shared.',
      severity: 'error',
      from: { path: '^cloudfunctions/([a-z][^/]*)/' },
      to: { path: '^cloudfunctions/[a-z][^/]*/', pathNot: '^cloudfunctions/$1/' },
    },
    {
      name: 'functions-reach-adapters-only-through-the-composition-roots',
      comment: 'Actions and services see ports (Deps), never an implementation: only the production entry (_shared/runtime) and the local host (_local) choose and build adapters, so the same code runs on SQLite and on CloudBase.',
      severity: 'error',
      from: { path: '^cloudfunctions/', pathNot: ['^cloudfunctions/_shared/adapters/', '^cloudfunctions/_shared/runtime/', '^cloudfunctions/_local/'] },
      to: { path: '^cloudfunctions/_shared/adapters/' },
    },
    {
      name: 'services-never-import-the-pipeline',
      comment: 'The pipeline (_shared/handler: handle, declarations) runs the services and the save path; they must not reach back up into it. What they share (Deps, failures) lives in _shared/context.',
      severity: 'error',
      from: { path: '^cloudfunctions/_shared/(audit|cases|commands|context|deliberations|files|notify|orgs|ports|stats)/' },
      to: { path: '^cloudfunctions/_shared/handler/' },
    },
    {
      name: 'context-and-ports-stay-at-the-bottom',
      comment: 'Deps, the failures and the ports are what every shell layer stands on: they import only the domain, the contract, each other and the template-id type.',
      severity: 'error',
      from: { path: '^cloudfunctions/_shared/(context|ports)/' },
      to: { path: '^cloudfunctions/', pathNot: ['^cloudfunctions/_shared/(context|ports|domain)/', '^cloudfunctions/_shared/notify/templates\\.ts$'] },
    },
    {
      name: 'app-features-do-not-import-each-other',
      comment:
        'A feature changes alone (bulletproof-react): what several features use lives in src/shared, and only pages (src/pages, src/federation, src/council) compose features.',
      severity: 'error',
      from: { path: '^src/features/([^/]+)/' },
      to: { path: '^src/features/', pathNot: '^src/features/$1/' },
    },
    {
      name: 'app-pages-sit-on-top',
      comment:
        'Pages compose features and shared pieces; nothing composes a page. A feature or shared piece that reached up into a page would move whenever that page changes.',
      severity: 'error',
      from: { path: '^src/(features|shared)/' },
      to: { path: '^src/(pages|federation|council)/' },
    },
    {
      name: 'app-shared-knows-no-feature',
      comment: 'src/shared is what several features use, so it cannot depend on any one of them.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^src/features/' },
    },
    {
      name: 'app-calls-the-server-only-through-api-files',
      comment:
        'Each server call is one file typed from the contract (src/features/<f>/api/<verb-noun>.ts, or src/shared/api/ when several features need it): the calls the app makes can be listed, and none is made inline. Failures (CloudError, showError) are in cloud-error.ts, open to all.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/features/[^/]+/api/', '^src/shared/api/'] },
      to: { path: '^src/shared/cloud-client\\.ts$' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(^|/)(dist|build|node_modules)/' },
  },
}
