/**
 * The one declaration per function (deploy/functions.ts) held to the files made from it and to the
 * code it describes: cloudbaserc.json is what it generates, the function runner reads the generated
 * files back as declared, every open API a function's code can reach is declared (and nothing more),
 * timeouts hold the entry's job and delivery budgets, a function has a timer exactly when it has jobs,
 * and every variable the bundle's code reads is declared.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Cron } from 'croner'
import { functionNames } from '../../scripts/build-functions'
import { DECLARATIONS, declarationList } from '../../deploy/functions'
import { OPEN_API_ROUTES } from '../../deploy/open-api.routes'
import { bundleConfigText } from '../../deploy/generate/bundle-config.generator'
import { CLOUDBASERC_FILE, cloudbasercText } from '../../deploy/generate/cloudbaserc.generator'
import { AFTER_CHANGE_DELIVERY, openApiReachOf, writeActionsOf } from '../../deploy/checks/open-api.reach'
import { envReadsOf } from '../../deploy/checks/env-reads'
import { sourceModulesOf } from '../../deploy/checks/source-modules'
import { mentions } from '../../deploy/checks/source-scan'
import { budgetProblems, ENTRY_BUDGETS } from '../../deploy/checks/time-budget.check'
import { readDeployment } from '../../tools/function-runner/deployment'
import { parseCron } from '../../tools/function-runner/timers'
import type { FunctionDef } from '../../cloudfunctions/_shared/handler/define-function'
import { accountFunction } from '../../cloudfunctions/account/account.function'
import { deliberationFunction } from '../../cloudfunctions/deliberation/deliberation.function'
import { escalationFunction } from '../../cloudfunctions/escalation/escalation.function'
import { intakeFunction } from '../../cloudfunctions/intake/intake.function'
import { notifyFunction } from '../../cloudfunctions/notify/notify.function'
import { outreachFunction } from '../../cloudfunctions/outreach/outreach.function'
import { statsFunction } from '../../cloudfunctions/stats/stats.function'

const declarations = declarationList()
const DEFINITIONS: Record<string, FunctionDef> = {
  account: accountFunction,
  deliberation: deliberationFunction,
  escalation: escalationFunction,
  intake: intakeFunction,
  notify: notifyFunction,
  outreach: outreachFunction,
  stats: statsFunction,
} as Record<string, FunctionDef>

test('the seven function folders are the declared functions', () => {
  expect(Object.keys(DECLARATIONS).sort()).toEqual(functionNames())
  expect(Object.keys(DEFINITIONS).sort()).toEqual(functionNames())
})

test('the committed cloudbaserc.json is what the declarations generate', () => {
  // On failure: npx tsx deploy/generate/cloudbaserc.generator.ts --write
  expect(readFileSync(CLOUDBASERC_FILE, 'utf8')).toBe(cloudbasercText())
})

test('the function runner reads the generated cloudbaserc.json and config.json back as declared', () => {
  const functionsDir = mkdtempSync(join(tmpdir(), 'declarations-test-'))
  try {
    for (const declaration of declarations) {
      mkdirSync(join(functionsDir, declaration.name))
      writeFileSync(join(functionsDir, declaration.name, 'index.js'), 'exports.main = async () => null\n')
      writeFileSync(join(functionsDir, declaration.name, 'config.json'), bundleConfigText(declaration))
    }
    const deployed = readDeployment({ functionsDir, rcFile: CLOUDBASERC_FILE, variables: { PHONE_ENCRYPTION_KEY: 'k', SUBSCRIBE_TEMPLATE_IDS: '{}' } })
    expect(deployed.map((fn) => fn.name)).toEqual(declarations.map((d) => d.name))
    for (const declaration of declarations) {
      expect(deployed.find((fn) => fn.name === declaration.name)).toMatchObject({
        runtime: declaration.runtime,
        timeoutMs: declaration.timeoutSeconds * 1000,
        memoryMb: declaration.memoryMb,
        // Unset optional variables are dropped, as the console drops empty values.
        envVariables: { PHONE_ENCRYPTION_KEY: 'k', SUBSCRIBE_TEMPLATE_IDS: '{}' },
        timer: declaration.timer && { name: declaration.timer.name, cron: declaration.timer.cron },
        openapi: [...declaration.openapi],
      })
    }
  } finally {
    rmSync(functionsDir, { recursive: true, force: true })
  }
})

describe('open-API permissions', () => {
  // Everything the seven bundles contain of our own code: the wiring and every adapter included.
  const bundledSources = () => sourceModulesOf(functionNames().map((name) => `cloudfunctions/${name}/index.ts`))

  test('the route table is true: each adapter calls its API, and the entry wires it into its port', () => {
    const entry = readFileSync('cloudfunctions/_shared/runtime/cloud-entry.ts', 'utf8')
    for (const route of OPEN_API_ROUTES) {
      expect(readFileSync(route.adapter, 'utf8')).toContain(`openapi.${route.api}(`)
      expect(entry).toMatch(new RegExp(`\\b${route.port}: ${route.factory}\\(`))
    }
  })

  test("the reach follows the entry's own rule: after a successful write, it delivers", () => {
    const entry = readFileSync('cloudfunctions/_shared/runtime/cloud-entry.ts', 'utf8')
    expect(entry).toMatch(/afterWrite: \(\) => deliverMessages\(/)
    expect(readFileSync(AFTER_CHANGE_DELIVERY, 'utf8')).toMatch(/export async function deliverMessages\(/)
  })

  test('every open API the production code calls is in the route table', async () => {
    const known = new Set<string>(OPEN_API_ROUTES.map((r) => r.api))
    const called = new Map<string, string>()
    for (const file of await bundledSources()) {
      for (const [, api] of readFileSync(file, 'utf8').matchAll(/\bopenapi\.([a-zA-Z]+\.[a-zA-Z]+)\s*\(/g)) called.set(api!, file)
    }
    expect(called.size).toBeGreaterThan(0)
    for (const [api, file] of called) expect({ api, file, routed: known.has(api) }).toEqual({ api, file, routed: true })
  })

  test.each(declarations.map((d) => [d.name, d] as const))('%s declares exactly the open APIs its code can reach', async (_name, declaration) => {
    const reach = await openApiReachOf(declaration.name)
    const reachable = reach.apis.map((a) => a.api).sort()
    // On failure the modules that reach an undeclared API are named.
    expect({ missing: reach.apis.filter((a) => !declaration.openapi.includes(a.api)) }).toEqual({ missing: [] })
    expect([...declaration.openapi].sort()).toEqual(reachable)
  })

  test('the detection follows helpers, and ignores types, comments and strings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reach-fixture-'))
    try {
      writeFileSync(join(dir, 'helper.ts'), 'export const check = (deps: { contentGuard: { check(t: string): Promise<string> } }, t: string) => deps.contentGuard.check(t)\n')
      writeFileSync(join(dir, 'typed.ts'), "// messenger\nexport type Uses = { messenger: unknown }\nexport const path = './subscribe.messenger'\nexport const x = 1\n")
      writeFileSync(join(dir, 'entry.ts'), "import { check } from './helper'\nimport { x, type Uses } from './typed'\nexport const run = (d: never, u?: Uses) => [check(d, 't'), x, u]\n")
      const modules = await sourceModulesOf([join(dir, 'entry.ts')])
      expect(modules.filter((m) => mentions(m, 'contentGuard')).map((m) => m.split('/').pop())).toEqual(['helper.ts'])
      expect(modules.filter((m) => mentions(m, 'messenger'))).toEqual([])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('timers and time budgets', () => {
  const budgets = ENTRY_BUDGETS

  test.each(declarations.map((d) => [d.name, d] as const))('%s has a timer exactly when it has jobs, on a valid 7-field cron', (name, declaration) => {
    const jobs = Object.keys(DEFINITIONS[name]!.jobs)
    expect({ jobs: jobs.length > 0, timer: declaration.timer !== null }).toEqual({ jobs: jobs.length > 0, timer: jobs.length > 0 })
    if (!declaration.timer) return
    expect(declaration.timer.name).toMatch(/^[A-Za-z][A-Za-z0-9_-]{0,59}$/)
    const { sixFields, year } = parseCron(declaration.timer.cron)
    expect(() => new Cron(sixFields, { paused: true }).stop()).not.toThrow()
    expect(year).toBe('*')
  })

  test.each(declarations.map((d) => [d.name, d] as const))('%s: the timeout holds the job and after-change delivery budgets with margin', (name, declaration) => {
    const work = { hasJobs: Object.keys(DEFINITIONS[name]!.jobs).length > 0, hasWrites: writeActionsOf(declaration.name).length > 0 }
    expect(budgetProblems(declaration, work, budgets)).toEqual([])
  })

  test('the check catches a timeout that does not fit', () => {
    const notify = DECLARATIONS.notify
    expect(budgetProblems({ ...notify, timeoutSeconds: 50 }, { hasJobs: true, hasWrites: false }, budgets)).toEqual([
      expect.stringMatching(/^notify: timeout 50000 ms < JOB_BUDGET_MS 50000/),
    ])
    expect(budgetProblems({ ...notify, timeoutSeconds: 5 }, { hasJobs: false, hasWrites: true }, budgets)).toEqual([
      expect.stringMatching(new RegExp(`AFTER_CHANGE_BUDGET_MS ${budgets.afterChangeMs}`)),
    ])
  })
})

test.each(declarations.map((d) => [d.name, d] as const))('%s declares every environment variable its bundle reads', async (_name, declaration) => {
  const declared = new Set(declaration.variables.map((v) => v.name))
  const reads = await envReadsOf(declaration.name)
  expect(reads.size).toBeGreaterThan(0)
  expect([...reads].filter(([variable]) => !declared.has(variable))).toEqual([])
})
