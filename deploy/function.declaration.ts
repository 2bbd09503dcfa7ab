/** What the platform is told about one cloud function: one typed record, the source of every deploy file. */
import type { FunctionName } from '../types/contract'
import type { OpenApiName } from './open-api.routes'

export interface VariableDeclaration {
  name: string
  /** A required variable missing from the deploying shell stops the deploy. */
  required: boolean
}

export interface TimerDeclaration {
  /** A letter first, then letters, digits, `-` or `_`, at most 60 (CloudBase's trigger-name rule). */
  name: string
  /** Seven fields, seconds first, year last, China time. */
  cron: string
}

export interface FunctionDeclaration {
  name: FunctionName
  /** The runtime is fixed at creation: CloudBase cannot change it on an existing function. */
  runtime: string
  memoryMb: number
  timeoutSeconds: number
  /** Names only: the values come from the deploying shell (`{{env.NAME}}` in cloudbaserc.json). */
  variables: readonly VariableDeclaration[]
  timer: TimerDeclaration | null
  openapi: readonly OpenApiName[]
}

export type FunctionDeclarations = { readonly [F in FunctionName]: FunctionDeclaration & { name: F } }
