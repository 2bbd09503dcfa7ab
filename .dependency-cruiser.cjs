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
