/** Describe, plan, apply: `npm run provision` on any target; `dryRun` stops after the plan. */
import type { DatabaseManifest } from './index-manifest'
import { describeStep, provisionPlan, type ProvisionPlan } from './provision.plan'
import type { ProvisionTarget } from './provision.target'

export async function provision(
  target: ProvisionTarget,
  manifest: DatabaseManifest,
  options: { log: (line: string) => void; dryRun?: boolean },
): Promise<ProvisionPlan> {
  const described = await target.describe(manifest.collections.map((c) => c.name))
  const plan = provisionPlan(manifest, described, target.hasRules)
  options.log(`${target.label}: ${manifest.collections.length} collections, ${plan.steps.length === 0 ? 'nothing to change' : `${plan.steps.length} changes`}`)
  for (const note of plan.notes) options.log(`  · ${note}`)
  for (const step of plan.steps) {
    options.log(`  ${options.dryRun ? '(dry run) ' : ''}${describeStep(step)}`)
    if (options.dryRun) continue
    if (step.kind === 'createCollection') await target.createCollection(step.collection)
    else if (step.kind === 'updateIndexes') await target.updateIndexes(step.collection, { create: step.create, replace: step.replace })
    else await target.denyClients(step.collection)
  }
  return plan
}
