/**
 * `npm run deploy` without the build: every declared function created or updated on TCB_ENV_ID with
 * its declared settings (function.deployer.ts), the six in parallel, each failure contained and named.
 * Nothing is sent when a credential or a declared variable is missing. Ends with the one setting it
 * cannot apply, open-API permissions, and how to apply them (docs/deploy.md).
 */
import CloudBase from '@cloudbase/manager-node'
import type { FunctionDeclaration } from '../function.declaration'
import { declarationList } from '../functions'
import { readCloudTarget, type CloudTarget } from './cloud-credentials.settings'
import { readFunctionVariables } from './function-variables.settings'
import { deployFunction, type FunctionsApi } from './function.deployer'

export interface DeployOptions {
  env: Record<string, string | undefined>
  functionsDir: string
  log: (line: string) => void
  declarations?: readonly FunctionDeclaration[]
}

/** manager-node's client for the target; a fresh instance, not CloudBase.init's process-wide singleton. */
export function managerFor(target: CloudTarget): CloudBase {
  return new CloudBase({
    secretId: target.secretId,
    secretKey: target.secretKey,
    envId: target.envId,
    ...(target.token && { token: target.token }),
    ...(target.region && { region: target.region }),
  })
}

export function permissionNotice(declarations: readonly FunctionDeclaration[]): string[] {
  const needing = declarations.filter((d) => d.openapi.length > 0)
  if (needing.length === 0) return []
  return [
    '云调用权限（config.json 的 permissions.openapi）无法通过管理 API 设置：请在微信开发者工具中对以下每个云函数（build/functions/<名称>）右键「上传并部署：所有文件」一次，约 10 分钟后生效。',
    'Open-API permissions (config.json permissions.openapi) cannot be set through the management API: upload each of these once from WeChat DevTools (right-click build/functions/<name>, "upload and deploy: all files"); they take effect within about 10 minutes.',
    ...needing.map((d) => `  ${d.name}: ${d.openapi.join(', ')}`),
    'See docs/deploy.md.',
  ]
}

export async function runDeploy(options: DeployOptions): Promise<boolean> {
  const declarations = options.declarations ?? declarationList()
  const target = readCloudTarget(options.env)
  const variables = readFunctionVariables(options.env, declarations)
  const problems = [...(target.ok ? [] : target.problems), ...(variables.ok ? [] : variables.problems)]
  if (!target.ok || !variables.ok) {
    for (const line of ['未部署 / Nothing deployed:', ...problems]) options.log(line)
    return false
  }

  const functions: FunctionsApi = managerFor(target.target).functions
  options.log(`部署到 / Deploying to ${target.target.envId}: ${declarations.map((d) => d.name).join(', ')}`)
  const results = await Promise.allSettled(
    declarations.map((declaration) => deployFunction(functions, declaration, { functionsDir: options.functionsDir, values: variables.values })),
  )
  let ok = true
  results.forEach((result, i) => {
    const declaration = declarations[i]!
    if (result.status === 'fulfilled') {
      const { action, timer } = result.value
      options.log(
        `  ✓ ${declaration.name}: ${action} — ${declaration.runtime}, ${declaration.timeoutSeconds} s, ${declaration.memoryMb} MB, ` +
          `${Object.keys(variables.values).filter((v) => declaration.variables.some((d) => d.name === v)).length} variables, timer ${timer}`,
      )
    } else {
      ok = false
      options.log(`  ✗ ${declaration.name}: ${result.reason instanceof Error ? result.reason.message : String(result.reason)}`)
    }
  })
  for (const line of permissionNotice(declarations)) options.log(line)
  return ok
}
