/**
 * A bundle's config.json, as WeChat DevTools' upload reads it (permissions.openapi, triggers) and the
 * function runner does (tools/function-runner/deployment.ts). `timeout` is there for DevTools too; the
 * deploy sets it through the management API either way (cloud/function.deployer.ts).
 */
import type { FunctionDeclaration } from '../function.declaration'

export interface BundleConfig {
  timeout: number
  permissions: { openapi: string[] }
  triggers?: { name: string; type: 'timer'; config: string }[]
}

export function bundleConfigOf(declaration: FunctionDeclaration): BundleConfig {
  return {
    timeout: declaration.timeoutSeconds,
    permissions: { openapi: [...declaration.openapi] },
    ...(declaration.timer && { triggers: [{ name: declaration.timer.name, type: 'timer' as const, config: declaration.timer.cron }] }),
  }
}

export const bundleConfigText = (declaration: FunctionDeclaration): string =>
  `${JSON.stringify(bundleConfigOf(declaration), null, 2)}\n`
