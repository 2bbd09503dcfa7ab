/**
 * Which open APIs a function's code can reach, found in the code rather than the wiring: the production
 * entry (cloud-entry.ts) wires every adapter into every function, so what a function can call is
 * decided by what its actions and jobs use. The code a function runs is:
 *  - its definition (`<fn>/<fn>.function.ts`: every action and job, and all they import), and
 *  - after every successful write, the delivery cloud-entry.ts runs before answering (notify/deliver.ts),
 *    for a function with any action declared a write (its actions/*.action.ts), and
 *  - the pipeline's content check (handler/handle.ts), for a function with any action declaring
 *    `contentChecked` text.
 * A module in that code reaches an API when it names the API's port (open-api.routes.ts) or is its adapter.
 */
import type { FunctionName } from '../../types/contract'
import { FUNCTIONS } from '../../cloudfunctions/_local/functions'
import { declarationsOf } from '../../cloudfunctions/_shared/handler/define-function'
import { OPEN_API_ROUTES, type OpenApiName } from '../open-api.routes'
import { sourceModulesOf } from './source-modules'
import { mentions } from './source-scan'

export const definitionOf = (name: FunctionName): string => `cloudfunctions/${name}/${name}.function.ts`

/** What cloud-entry.ts runs after a successful write (`deliverMessages`). */
export const AFTER_CHANGE_DELIVERY = 'cloudfunctions/_shared/notify/deliver.ts'

/** What handle() runs when an action declares text to check (`contentChecked`). */
export const PIPELINE_CONTENT_CHECK = 'cloudfunctions/_shared/handler/handle.ts'

/** Whether some action of the function declares text for the content check. */
const checksContent = (name: FunctionName): boolean =>
  declarationsOf(FUNCTIONS[name]!).some((action) => action.contentChecked !== undefined)

/** The actions (handle() runs no other) declared writes. */
export const writeActionsOf = (name: FunctionName): string[] => {
  return declarationsOf(FUNCTIONS[name]!).filter((action) => action.kind === 'write').map((action) => action.name).sort()
}

export interface OpenApiReach {
  name: FunctionName
  writes: string[]
  modules: string[]
  /** Each reachable API with the modules that reach it, for a failure to name. */
  apis: { api: OpenApiName; via: string[] }[]
}

export async function openApiReachOf(name: FunctionName): Promise<OpenApiReach> {
  const writes = writeActionsOf(name)
  const modules = await sourceModulesOf([
    definitionOf(name),
    ...(writes.length > 0 ? [AFTER_CHANGE_DELIVERY] : []),
    ...(checksContent(name) ? [PIPELINE_CONTENT_CHECK] : []),
  ])
  const apis = OPEN_API_ROUTES.flatMap((route) => {
    const via = modules.filter((file) => file === route.adapter || mentions(file, route.port))
    return via.length > 0 ? [{ api: route.api, via }] : []
  })
  return { name, writes, modules, apis }
}
