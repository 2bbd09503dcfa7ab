import { cloudEntry } from '../_shared/runtime/cloud-entry'
import { outreachFunction } from './outreach.function'

export const main = cloudEntry(outreachFunction)
