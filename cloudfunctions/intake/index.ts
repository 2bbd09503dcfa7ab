import { cloudEntry } from '../_shared/runtime/cloud-entry'
import { intakeFunction } from './intake.function'

export const main = cloudEntry(intakeFunction)
