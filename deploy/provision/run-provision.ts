/** `npm run provision` without the process: settings checked before anything is sent, then provision(). */
import { readCloudTarget } from '../cloud/cloud-credentials.settings'
import { managerFor } from '../cloud/deploy.runner'
import { readManifest } from './index-manifest'
import { managerNodeTarget } from './manager-node.target'
import { provision } from './provision.runner'
import { readWxAppId } from './wx-appid.settings'

export async function runProvision(env: Record<string, string | undefined>, log: (line: string) => void, dryRun = false): Promise<boolean> {
  const target = readCloudTarget(env)
  const appId = readWxAppId(env)
  if (!target.ok || !appId.ok) {
    for (const line of ['未改动 / Nothing changed:', ...(target.ok ? [] : target.problems), ...(appId.ok ? [] : [appId.problem])]) log(line)
    return false
  }
  const manager = managerFor(target.target)
  await provision(managerNodeTarget(manager, { envId: target.target.envId, wxAppId: appId.wxAppId }), readManifest(), { log, dryRun })
  return true
}
