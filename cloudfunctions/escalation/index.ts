import { cloudEntry } from '../_shared/runtime/cloud-entry'
import { escalationFunction } from './escalation.function'

export const main = cloudEntry(escalationFunction)
