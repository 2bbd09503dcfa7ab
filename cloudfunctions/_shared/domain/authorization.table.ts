/**
 * Who may do what, relative to where: one table (docs/RULES.md "Who may do what"). A cell answers
 * (role, action, how the caller's org relates to the target's org) → allowed or not. The rule
 * functions in case.access, deliberation.access, stats.access and invitation.rules read it; the
 * actions call those. Each action's declaration names the rows that decide it (its `authorization`),
 * and tests/integration/authorization.matrix.test.ts calls every action in every cell of its rows. Status rules (CONFLICT) and content rules (redaction, anonymity, who is on a
 * deliberation's roll, which roles fit which level) stay where they are: this is only who, from where.
 *
 * Relations, of the org a role is bound to (the caller's) to the target's org:
 * - `own`       the same org
 * - `above`     the caller's org is an ancestor of the target's: the target is in her subtree
 * - `below`     the caller's org is under the target's
 * - `sibling`   a different org with the same parent
 * - `unrelated` anything else
 *
 * What the target's org is, per kind of thing:
 * - a case: the org holding it now, measured on the case's own ladder (the chain it captured when it
 *   was filed). `below` is an org the case came up through (its village, the township it left); an
 *   org off the ladder is `unrelated` even if the tree now puts it next door, so for case rows
 *   `sibling` must answer as `unrelated` does (tableProblems checks it).
 * - a deliberation: its council's village, on that village's ladder; same caveat.
 * - an org's statistics, audit log or roles: the org, in the tree. The rules know the target's path
 *   but only the caller's org id, so `below` and `sibling` must answer as `unrelated` does.
 * - a standard answer: the org keeping it (a city or the province), in the tree. The rules place the
 *   caller's orgs in the tree too (knowledge.rules.ts), so `below` is an org on her own line; for
 *   these rows `sibling` must answer as `unrelated` does, as for cases.
 * - an announcement (公告): the org that published it, in the tree, placed as for a standard answer
 *   (outreach.rules.ts). Here a resident has an org too: her home village (UserRecord.homeOrgId), so
 *   her answer on these rows may depend on where; `sibling` must answer as `unrelated` does.
 * - a survey (调研): the org that opened it, placed as for an announcement (survey.rules.ts), a
 *   resident at her home village too.
 *
 * Roles without an org: `resident` is anyone (every person may do what a resident may), `reporter` is
 * the person who filed the case (case rows only). Their answer cannot depend on a relation.
 */
import type { Role } from '../../../types/enums'
import type { Person, RoleBinding } from './actor.types'

export const RELATIONS = ['own', 'above', 'below', 'sibling', 'unrelated'] as const
export type Relation = (typeof RELATIONS)[number]

export const AUTH_ROLES = ['resident', 'reporter', 'member', 'convener', 'cadre', 'admin'] as const
export type AuthRole = (typeof AUTH_ROLES)[number]

type Where = readonly Relation[]

const NOWHERE: Where = []
const ANYWHERE: Where = RELATIONS
/** Her org only. */
const OWN: Where = ['own']
/** Her org and everything under it: where she supervises. */
const SUBTREE: Where = ['own', 'above']
/** Her village's case wherever it has climbed: the council keeps an eye on what it sent up. */
const OWN_AND_SENT_UP: Where = ['own', 'below']
/** Strictly above: a level that supervises the holder, never the holder itself. */
const ABOVE: Where = ['above']
/** Her org and every org above it on her own line (her city and province, never another city). */
const OWN_AND_UP: Where = ['own', 'below']
/**
 * The holder, or the org directly above it: case.access.ts narrows `above` to the parent org on the
 * case's chain for these rows (PARENT_ONLY), since a relation cannot tell the parent from an org
 * further up.
 */
const OWN_OR_PARENT: Where = ['own', 'above']
/** The parent org of the holder (narrowed from `above` as for OWN_OR_PARENT). */
const PARENT: Where = ['above']
/** Her own line (her org and those above it) and her subtree: a cadre's reach over surveys. */
const LINE_AND_SUBTREE: Where = ['own', 'above', 'below']

export type TargetKind = 'case' | 'council' | 'org' | 'answer' | 'announcement' | 'survey'

export interface AuthorizationRow {
  /** What the target's org is (see the header). */
  target: TargetKind
  resident: Where
  /** Only on case rows: the case's own reporter. */
  reporter?: Where
  member: Where
  convener: Where
  cadre: Where
  admin: Where
}

export const AUTHORIZATION = {
  // ── cases ───────────────────────────────────────────────────────────────────────────────────────
  /** Anyone reports to any village: the target is the village she picks. */
  'case.submit': {
    target: 'case',
    resident: ANYWHERE, member: ANYWHERE, convener: ANYWHERE, cadre: ANYWHERE, admin: ANYWHERE,
  },
  /** A council member files for a resident of her village (recorded as such). */
  'case.submitOnBehalf': {
    target: 'case',
    resident: NOWHERE, member: OWN, convener: OWN, cadre: NOWHERE, admin: NOWHERE,
  },
  /** See the case at all (a sensitive one redacted unless case.viewPrivate). */
  'case.view': {
    target: 'case',
    resident: NOWHERE, reporter: ANYWHERE,
    member: OWN_AND_SENT_UP, convener: OWN_AND_SENT_UP, cadre: SUBTREE, admin: SUBTREE,
  },
  /** The private text of a sensitive case (人身/财产/婚姻家庭). */
  'case.viewPrivate': {
    target: 'case',
    resident: NOWHERE, reporter: ANYWHERE,
    member: NOWHERE, convener: OWN, cadre: SUBTREE, admin: SUBTREE,
  },
  /** The reporter's phone (masked) and address, unless she reported anonymously. */
  'case.contact': {
    target: 'case',
    resident: NOWHERE, reporter: NOWHERE,
    member: NOWHERE, convener: OWN, cadre: OWN, admin: NOWHERE,
  },
  'case.rate': {
    target: 'case',
    resident: NOWHERE, reporter: ANYWHERE, member: NOWHERE, convener: NOWHERE, cadre: NOWHERE, admin: NOWHERE,
  },
  'case.withdraw': {
    target: 'case',
    resident: NOWHERE, reporter: ANYWHERE, member: NOWHERE, convener: NOWHERE, cadre: NOWHERE, admin: NOWHERE,
  },
  'case.accept': {
    target: 'case',
    resident: NOWHERE, reporter: NOWHERE, member: NOWHERE, convener: OWN, cadre: OWN, admin: NOWHERE,
  },
  'case.resolve': {
    target: 'case',
    resident: NOWHERE, reporter: NOWHERE, member: NOWHERE, convener: OWN, cadre: OWN, admin: NOWHERE,
  },
  'case.escalate': {
    target: 'case',
    resident: NOWHERE, reporter: NOWHERE, member: NOWHERE, convener: OWN, cadre: OWN, admin: NOWHERE,
  },
  'case.handBack': {
    target: 'case',
    resident: NOWHERE, reporter: NOWHERE, member: NOWHERE, convener: OWN, cadre: OWN, admin: NOWHERE,
  },
  'case.assign': {
    target: 'case',
    resident: NOWHERE, reporter: NOWHERE, member: NOWHERE, convener: OWN, cadre: OWN, admin: NOWHERE,
  },
  'case.reply': {
    target: 'case',
    resident: NOWHERE, reporter: NOWHERE, member: NOWHERE, convener: OWN, cadre: OWN, admin: NOWHERE,
  },
  /** 催办: a cadre of an org above the holder on the case's chain presses it to act. */
  'case.urge': {
    target: 'case',
    resident: NOWHERE, reporter: NOWHERE, member: NOWHERE, convener: NOWHERE, cadre: ABOVE, admin: NOWHERE,
  },
  /** 提级办理: a cadre of an org above the holder on the case's chain pulls it up to her org. */
  'case.takeOver': {
    target: 'case',
    resident: NOWHERE, reporter: NOWHERE, member: NOWHERE, convener: NOWHERE, cadre: ABOVE, admin: NOWHERE,
  },
  /**
   * 转办: the holder's convener and cadres (within 48 hours of its arrival: a time rule, CONFLICT after)
   * or a cadre of the parent org, at any time.
   */
  'case.transfer': {
    target: 'case',
    resident: NOWHERE, reporter: NOWHERE, member: NOWHERE, convener: OWN, cadre: OWN_OR_PARENT, admin: NOWHERE,
  },
  /** 延期 asked by the holder's convener and cadres. */
  'case.requestExtension': {
    target: 'case',
    resident: NOWHERE, reporter: NOWHERE, member: NOWHERE, convener: OWN, cadre: OWN, admin: NOWHERE,
  },
  /** 延期 decided by a cadre of the parent org. */
  'case.decideExtension': {
    target: 'case',
    resident: NOWHERE, reporter: NOWHERE, member: NOWHERE, convener: NOWHERE, cadre: PARENT, admin: NOWHERE,
  },
  /**
   * 我也遇到: anyone sees a village's followable cases (本村已有类似反映) and follows one. Which cases
   * are followable (named, not sensitive, open) is a content rule (me-too.rules.ts).
   */
  'case.support': {
    target: 'case',
    resident: ANYWHERE, reporter: ANYWHERE,
    member: ANYWHERE, convener: ANYWHERE, cadre: ANYWHERE, admin: ANYWHERE,
  },
  /** 合并办理: the holder closes a duplicate into another case it holds (both: the decider checks it). */
  'case.merge': {
    target: 'case',
    resident: NOWHERE, reporter: NOWHERE, member: NOWHERE, convener: OWN, cadre: OWN, admin: NOWHERE,
  },
  /** 帮扶方案: the holder's convener and cadres set tasks (whom they may name is a content rule). */
  'case.planTask': {
    target: 'case',
    resident: NOWHERE, reporter: NOWHERE, member: NOWHERE, convener: OWN, cadre: OWN, admin: NOWHERE,
  },
  /**
   * Mark a task done: the holder's convener and cadres; also the member the task names, whoever she
   * is (a content rule of the task, like a deliberation's roll).
   */
  'case.completeTask': {
    target: 'case',
    resident: NOWHERE, reporter: NOWHERE, member: NOWHERE, convener: OWN, cadre: OWN, admin: NOWHERE,
  },
  /** A file leaves the system: a sensitive case's text goes out only to whoever holds the case. */
  'case.exportPrivate': {
    target: 'case',
    resident: NOWHERE, reporter: NOWHERE, member: NOWHERE, convener: OWN, cadre: OWN, admin: NOWHERE,
  },

  // ── deliberations ───────────────────────────────────────────────────────────────────────────────
  'deliberation.open': {
    target: 'council',
    resident: NOWHERE, member: NOWHERE, convener: OWN, cadre: OWN, admin: NOWHERE,
  },
  /** The council reads it; cadres above and the admin watch (read, never act). */
  'deliberation.read': {
    target: 'council',
    resident: NOWHERE, member: OWN, convener: OWN, cadre: SUBTREE, admin: SUBTREE,
  },
  /** Also: she must be on the roll taken when it opened (a content rule). */
  'deliberation.vote': {
    target: 'council',
    resident: NOWHERE, member: OWN, convener: OWN, cadre: NOWHERE, admin: NOWHERE,
  },
  /** She answers for a ballot agreed by phone in the audit trail. */
  'deliberation.proxyVote': {
    target: 'council',
    resident: NOWHERE, member: NOWHERE, convener: OWN, cadre: NOWHERE, admin: NOWHERE,
  },
  'deliberation.comment': {
    target: 'council',
    resident: NOWHERE, member: OWN, convener: OWN, cadre: OWN, admin: NOWHERE,
  },
  /** Shares it as the group's updatable card (动态消息): whoever sits on the council or runs it. */
  'deliberation.share': {
    target: 'council',
    resident: NOWHERE, member: OWN, convener: OWN, cadre: OWN, admin: NOWHERE,
  },
  /** Runs it for the council: closes it, binds the group chat, sees who has not voted yet, reminds them. */
  'deliberation.manage': {
    target: 'council',
    resident: NOWHERE, member: NOWHERE, convener: OWN, cadre: OWN, admin: NOWHERE,
  },

  // ── an org's figures, its overdue list and its log ───────────────────────────────────────────────
  'stats.read': {
    target: 'org',
    resident: NOWHERE, member: NOWHERE, convener: OWN, cadre: SUBTREE, admin: SUBTREE,
  },
  'audit.read': {
    target: 'org',
    resident: NOWHERE, member: NOWHERE, convener: NOWHERE, cadre: SUBTREE, admin: SUBTREE,
  },

  // ── an org's roles (revoking follows offering; which role fits which level is a content rule) ──
  'roles.offerMember': {
    target: 'org',
    resident: NOWHERE, member: NOWHERE, convener: OWN, cadre: SUBTREE, admin: SUBTREE,
  },
  'roles.offerConvener': {
    target: 'org',
    resident: NOWHERE, member: NOWHERE, convener: NOWHERE, cadre: SUBTREE, admin: SUBTREE,
  },
  'roles.offerCadre': {
    target: 'org',
    resident: NOWHERE, member: NOWHERE, convener: NOWHERE, cadre: SUBTREE, admin: SUBTREE,
  },
  'roles.offerAdmin': {
    target: 'org',
    resident: NOWHERE, member: NOWHERE, convener: NOWHERE, cadre: NOWHERE, admin: SUBTREE,
  },
  /** Who sits where: for whoever may offer a seat there. */
  'roles.list': {
    target: 'org',
    resident: NOWHERE, member: NOWHERE, convener: OWN, cadre: SUBTREE, admin: SUBTREE,
  },

  // ── standard answers (知识库); that only cities and the province keep them is a content rule ─────
  /** Read an org's answers: whoever resolves cases, from the orgs of her own line; the admin, her province's. */
  'knowledge.read': {
    target: 'answer',
    resident: NOWHERE, member: NOWHERE, convener: OWN_AND_UP, cadre: OWN_AND_UP, admin: SUBTREE,
  },
  /** Add, edit, retire an org's answers: its own cadres; the admin, any in her province. */
  'knowledge.write': {
    target: 'answer',
    resident: NOWHERE, member: NOWHERE, convener: NOWHERE, cadre: OWN, admin: SUBTREE,
  },

  // ── announcements (公告); a resident is placed at her home village on these rows ───────────────
  /** Read an org's announcements: everyone, from the orgs on her own line (her village up to the province). */
  'outreach.read': {
    target: 'announcement',
    resident: OWN_AND_UP, member: OWN_AND_UP, convener: OWN_AND_UP, cadre: OWN_AND_UP, admin: OWN_AND_UP,
  },
  /** Publish at an org: its own cadres; a village's convener for her village. */
  'outreach.publish': {
    target: 'announcement',
    resident: NOWHERE, member: NOWHERE, convener: OWN, cadre: OWN, admin: NOWHERE,
  },
  /** Take one down: those who publish there; the admin, any in her province. */
  'outreach.retire': {
    target: 'announcement',
    resident: NOWHERE, member: NOWHERE, convener: OWN, cadre: OWN, admin: SUBTREE,
  },

  // ── surveys (调研); a resident is placed at her home village, as for announcements. Whether she is
  // in a survey's audience (residents or council members) is a content rule (survey.rules.ts) ─────
  /** Her list: the surveys of the orgs on her own line. */
  'survey.list': {
    target: 'survey',
    resident: OWN_AND_UP, member: OWN_AND_UP, convener: OWN_AND_UP, cadre: OWN_AND_UP, admin: OWN_AND_UP,
  },
  /** One survey, and its counts once it has closed: her line's; a cadre's subtree too; the admin's province. */
  'survey.read': {
    target: 'survey',
    resident: OWN_AND_UP, member: OWN_AND_UP, convener: OWN_AND_UP, cadre: LINE_AND_SUBTREE, admin: SUBTREE,
  },
  /** Its counts while it is open (one who answered sees them too: a content rule). */
  'survey.watch': {
    target: 'survey',
    resident: NOWHERE, member: NOWHERE, convener: OWN, cadre: SUBTREE, admin: SUBTREE,
  },
  /** Its free answers, never who wrote them: those who asked. */
  'survey.freeAnswers': {
    target: 'survey',
    resident: NOWHERE, member: NOWHERE, convener: OWN, cadre: OWN, admin: NOWHERE,
  },
  /** Open one at an org, and close it early: as for publishing an announcement. */
  'survey.open': {
    target: 'survey',
    resident: NOWHERE, member: NOWHERE, convener: OWN, cadre: OWN, admin: NOWHERE,
  },
  /** Answer one: who lives, or sits on a council, under its org. Cadres ask; they do not answer. */
  'survey.answer': {
    target: 'survey',
    resident: OWN_AND_UP, member: OWN_AND_UP, convener: OWN_AND_UP, cadre: NOWHERE, admin: NOWHERE,
  },
} as const satisfies Record<string, AuthorizationRow>

export type AuthAction = keyof typeof AUTHORIZATION
export const AUTH_ACTIONS = Object.keys(AUTHORIZATION) as AuthAction[]

/** The table's answer for one cell. A role a row does not name (reporter off case rows) may not. */
export function allowed(role: AuthRole, action: AuthAction, relation: Relation): boolean {
  const row: AuthorizationRow = AUTHORIZATION[action]
  return (row[role] ?? NOWHERE).includes(relation)
}

/**
 * How the caller's org relates to the target's. Each path is the org's id first, then its parent's,
 * up to the root; a path may stop early where the rest is unknown (then only what it shows counts:
 * a caller known only by her org id is `own`, `above` or `unrelated`).
 */
export function relationOf(callerOrgPath: readonly string[], targetOrgPath: readonly string[]): Relation {
  const caller = callerOrgPath[0]
  const target = targetOrgPath[0]
  if (caller === undefined || target === undefined) return 'unrelated'
  if (caller === target) return 'own'
  if (targetOrgPath.includes(caller)) return 'above'
  if (callerOrgPath.includes(target)) return 'below'
  const parent = callerOrgPath[1]
  if (parent !== undefined && parent === targetOrgPath[1]) return 'sibling'
  return 'unrelated'
}

/** Where a binding's org sits, as far as the rule knows: by default its id alone. */
export type PathOf = (orgId: string) => readonly string[]
const idOnly: PathOf = (orgId) => [orgId]

/**
 * The person's bindings that the table allows for the action on the target, in her bindings' order
 * (the first is the role she acts in). `pathOf` places a binding's org (e.g. on a case's ladder).
 */
export function allowedBindings(
  person: Person,
  action: AuthAction,
  targetOrgPath: readonly string[],
  pathOf: PathOf = idOnly,
): RoleBinding[] {
  return person.roles.filter((b) => allowed(b.role, action, relationOf(pathOf(b.orgId), targetOrgPath)))
}

/** What a role without an org may do: the same wherever the target is (tableProblems checks it). */
export const allowedPersonally = (role: 'resident' | 'reporter', action: AuthAction): boolean =>
  allowed(role, action, 'own')

/** Whether some binding of this role is allowed the action somewhere (a gate before any lookup). */
export const allowedSomewhere = (role: Role, action: AuthAction): boolean =>
  RELATIONS.some((relation) => allowed(role, action, relation))

/**
 * The cells the rules could not honour, in words; empty for a sound table. Roles without an org
 * must answer alike everywhere; relations the rules cannot see (header) must answer as `unrelated`.
 */
export function tableProblems(): string[] {
  const problems: string[] = []
  for (const action of AUTH_ACTIONS) {
    const row: AuthorizationRow = AUTHORIZATION[action]
    const blind: Relation[] = row.target === 'org' ? ['below', 'sibling'] : ['sibling']
    for (const role of AUTH_ROLES) {
      const cells = RELATIONS.map((relation) => allowed(role, action, relation))
      const placedAtHome = role === 'resident' && (row.target === 'announcement' || row.target === 'survey')
      if ((role === 'resident' || role === 'reporter') && !placedAtHome && cells.some((cell) => cell !== cells[0])) {
        problems.push(`${action}: ${role} has no org, so her answer cannot depend on where`)
      }
      for (const relation of blind) {
        if (allowed(role, action, relation) !== allowed(role, action, 'unrelated')) {
          problems.push(`${action}: ${role} ${relation} must answer as unrelated (the rules cannot tell them apart)`)
        }
      }
    }
  }
  return problems
}
