import { cloudEntry } from '../_shared/runtime/cloud-entry'
import { statsFunction } from './stats.function'

export const main = cloudEntry(statsFunction)
