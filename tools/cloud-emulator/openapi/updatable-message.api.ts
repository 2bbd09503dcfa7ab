/**
 * updatableMessage.createActivityId and updatableMessage.setUpdatableMsg (动态消息), as the function
 * reaches them through wx-server-sdk's openapi (both need the function's config.json permission; the
 * service checks that before these run). Every activity id and every accepted update is kept in a
 * JSONL file and listed by `cards()`, the cloud host's GET /__dev/cards.
 *
 * createActivityId `{ unionid?, openid? }` → `{ errcode: 0, activity_id, expiration_time }`, the id
 * valid 24 hours of the emulated clock, expiration_time in seconds.
 *
 * setUpdatableMsg `{ activity_id, target_state, template_info: { parameter_list: [{ name, value }] } }`,
 * checked in this order (the first failure answers):
 * 1. `activity_id` a string, else 44002; one this emulator issued, else 47001; not expired, else 47001;
 * 2. `target_state` 0, 1 or 2, else 47001; a move the 动态消息 guide allows (0 → 0, 1, 2; 1 → 2;
 *    2 final), else 47001;
 * 3. `template_info.parameter_list` a list of `{ name, value: string }`, names among member_count,
 *    room_limit, path, version_type, else 47001; state 0 needs member_count and room_limit, both
 *    whole numbers with member_count ≤ room_limit, else 47001; state 1 needs path and version_type
 *    (develop | trial | release), else 47001.
 * The codes for a bad id and bad parameters are guesses: the API page documents -1, 42001, 44002 and
 * 47001 without saying which refusal answers which (README "What is not modelled").
 */
import { JsonlLog } from './jsonl-log.store'
import { type ApiCall, OK, type OpenApiHandler, isRecord } from './open-api.handler'
import { wxError } from './openapi.errors'

/** createActivityId's 24 hours (its page: 默认24小时后过期). */
const VALID_FOR_MS = 24 * 60 * 60 * 1000
const NAMES = ['member_count', 'room_limit', 'path', 'version_type'] as const
const VERSION_TYPES = ['develop', 'trial', 'release']
/** The guide's moves: state 0 may stay or move on, 1 only ends, 2 is final. */
const MOVES: Record<number, readonly number[]> = { 0: [0, 1, 2], 1: [2], 2: [] }

/** One card, as /__dev/cards lists it on both hosts (cloudfunctions/_shared/adapters/local-share-cards.ts). */
export interface ActivityCard {
  activityId: string
  createdAt: string
  expiresAt: string
  functionName: string
  targetState: number
  parameters: Record<string, string>
  updates: { at: string; targetState: number; parameters: Record<string, string> }[]
}

type Line =
  | { type: 'issued'; activityId: string; at: string; expiresAt: string; functionName: string }
  | { type: 'updated'; activityId: string; at: string; targetState: number; parameters: Record<string, string> }

export class ActivityRegistry {
  private readonly log: JsonlLog<Line>
  private readonly cards = new Map<string, ActivityCard>()
  private issued = 0

  constructor(file: string) {
    this.log = new JsonlLog(file)
    for (const line of this.log.read()) this.apply(line)
    this.issued = this.cards.size
  }

  issue(call: ApiCall): ActivityCard {
    const line: Line = {
      type: 'issued',
      // Real ids look like `966_NGiq…E33BlwX` (the setChatToolMsg page's example): opaque, with an underscore.
      activityId: `${100 + (++this.issued % 900)}_emu${call.now.toString(36)}${this.issued.toString(36)}`,
      at: call.at,
      expiresAt: new Date(call.now + VALID_FOR_MS).toISOString(),
      functionName: call.functionName,
    }
    this.write(line)
    return this.cards.get(line.activityId)!
  }

  get(activityId: string): ActivityCard | undefined {
    return this.cards.get(activityId)
  }

  update(activityId: string, at: string, targetState: number, parameters: Record<string, string>): void {
    this.write({ type: 'updated', activityId, at, targetState, parameters })
  }

  list(): ActivityCard[] {
    return [...this.cards.values()].map((c) => ({ ...c, parameters: { ...c.parameters }, updates: c.updates.map((u) => ({ ...u })) }))
  }

  private write(line: Line) {
    this.log.append(line)
    this.apply(line)
  }

  private apply(line: Line) {
    if (line.type === 'issued') {
      const { activityId, at: createdAt, expiresAt, functionName } = line
      this.cards.set(activityId, { activityId, createdAt, expiresAt, functionName, targetState: 0, parameters: {}, updates: [] })
      return
    }
    const card = this.cards.get(line.activityId)
    if (!card) return
    card.targetState = line.targetState
    card.parameters = line.parameters
    card.updates.push({ at: line.at, targetState: line.targetState, parameters: line.parameters })
  }
}

export function createActivityId(registry: ActivityRegistry): OpenApiHandler {
  return (call) => {
    const card = registry.issue(call)
    return { ...OK, activity_id: card.activityId, expiration_time: Math.floor(Date.parse(card.expiresAt) / 1000) }
  }
}

export function setUpdatableMsg(registry: ActivityRegistry): OpenApiHandler {
  return (call, body) => {
    const { activity_id: activityId, target_state: rawState, template_info: template } = body
    if (typeof activityId !== 'string' || activityId === '') return wxError(44002, 'activity_id is required')
    const card = registry.get(activityId)
    if (!card) return wxError(47001, 'invalid activity_id')
    if (call.now >= Date.parse(card.expiresAt)) return wxError(47001, 'activity_id expired')
    const targetState = Number(rawState)
    if (!Number.isInteger(targetState) || !(targetState in MOVES)) return wxError(47001, 'target_state: 0, 1 or 2')
    if (!(MOVES[card.targetState] ?? []).includes(targetState)) {
      return wxError(47001, `target_state ${card.targetState} cannot move to ${targetState}`)
    }
    const parameters = parametersOf(template)
    if (typeof parameters === 'string') return wxError(47001, parameters)
    const problem = stateProblem(targetState, parameters)
    if (problem) return wxError(47001, problem)
    registry.update(activityId, call.at, targetState, parameters)
    return { ...OK }
  }
}

/** The parameter list as name → value, or what is wrong with it. */
function parametersOf(template: unknown): Record<string, string> | string {
  if (!isRecord(template) || !Array.isArray(template.parameter_list)) return 'template_info.parameter_list is required'
  const out: Record<string, string> = {}
  for (const item of template.parameter_list) {
    if (!isRecord(item) || typeof item.name !== 'string' || typeof item.value !== 'string') return 'parameter_list: { name, value } with string values'
    if (!(NAMES as readonly string[]).includes(item.name)) return `parameter_list: unknown name ${item.name}`
    out[item.name] = item.value
  }
  return out
}

function stateProblem(targetState: number, p: Record<string, string>): string | null {
  if (targetState === 0) {
    const { member_count: count, room_limit: limit } = p
    if (count === undefined || limit === undefined) return 'member_count and room_limit are required for target_state 0'
    if (!/^\d+$/.test(count) || !/^\d+$/.test(limit) || Number(count) > Number(limit)) return 'member_count ≤ room_limit, whole numbers'
  }
  if (targetState === 1) {
    if (!p.path || !VERSION_TYPES.includes(p.version_type ?? '')) return 'path and version_type (develop | trial | release) are required for target_state 1'
  }
  return null
}
