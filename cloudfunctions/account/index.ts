import { cloudEntry } from '../_shared/runtime/cloud-entry'
import { accountFunction } from './account.function'

export const main = cloudEntry(accountFunction)
