import { cloudEntry } from '../_shared/runtime/cloud-entry'
import { deliberationFunction } from './deliberation.function'

export const main = cloudEntry(deliberationFunction)
