/**
 * cloudbaserc.json from the declarations: what the CloudBase CLI (`tcb fn deploy`) would deploy, and
 * what the function runner reads (tools/function-runner/deployment.ts). Variable values are never in
 * it: `{{env.NAME}}` is filled from the deploying shell. Committed, and held to the declarations by
 * tests/deploy/declarations.test.ts; `npx tsx deploy/generate/cloudbaserc.generator.ts --write`
 * rewrites it.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import type { FunctionDeclaration } from '../function.declaration'
import { declarationList } from '../functions'

export const CLOUDBASERC_FILE = 'cloudbaserc.json'

function rcFunction(declaration: FunctionDeclaration) {
  return {
    name: declaration.name,
    runtime: declaration.runtime,
    timeout: declaration.timeoutSeconds,
    memorySize: declaration.memoryMb,
    // One bundled index.js (scripts/build-functions.ts): CloudBase's npm install would refuse install scripts.
    installDependency: false,
    handler: 'index.main',
    envVariables: Object.fromEntries(declaration.variables.map(({ name }) => [name, `{{env.${name}}}`])),
    ...(declaration.timer && { triggers: [{ name: declaration.timer.name, type: 'timer', config: declaration.timer.cron }] }),
  }
}

export function cloudbasercOf(declarations: readonly FunctionDeclaration[] = declarationList()) {
  return {
    version: '2.0',
    envId: '{{env.TCB_ENV_ID}}',
    functionRoot: './build/functions',
    functions: declarations.map(rcFunction),
  }
}

export const cloudbasercText = (declarations?: readonly FunctionDeclaration[]): string =>
  `${JSON.stringify(cloudbasercOf(declarations), null, 2)}\n`

if (process.argv[1]?.endsWith('cloudbaserc.generator.ts')) {
  const wanted = cloudbasercText()
  if (process.argv.includes('--write')) {
    writeFileSync(CLOUDBASERC_FILE, wanted)
    console.log(`${CLOUDBASERC_FILE} written from deploy/functions.ts`)
  } else if (readFileSync(CLOUDBASERC_FILE, 'utf8') !== wanted) {
    console.error(`${CLOUDBASERC_FILE} is not what deploy/functions.ts declares: run with --write`)
    process.exit(1)
  } else {
    console.log(`${CLOUDBASERC_FILE} matches deploy/functions.ts`)
  }
}
