import { cloudEntry } from '../_shared/runtime/cloud-entry'
import { notifyFunction } from './notify.function'

export const main = cloudEntry(notifyFunction)
