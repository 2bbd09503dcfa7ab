/** What the app sees of a case: the shapes `intake.get`, `intake.mine` and `escalation.inbox` answer. */
import type { CaseKind, CaseStatus, Category, Level, Outcome, Satisfaction, Solved } from './enums'

/** The number a case goes by wherever people see it (the page, the CSV, her messages): its id's last 8 characters. */
export const caseNumber = (caseId: string): string => caseId.slice(-8).toUpperCase()

export interface TimelineItem {
  type: string
  at: string
  level: Level
  orgId: string
  orgName: string
  /** One line in Chinese: what happened, where. */
  text: string
}

/** One 催办 as those handling or supervising the case see it: who, when, to whom, what they said. */
export interface UrgeItem {
  at: string
  orgName: string
  level: Level
  /** The holder that was urged. */
  toOrgName: string
  toLevel: Level
  note?: string
}

/**
 * The 延期 request of the case's current level (one per level), as those handling or supervising it
 * see it: who asked, how many days, why, the resolve deadline it asked to move and where to (`until`);
 * `pending` until the parent org answers, `lapsed` when the case moved on before it did.
 */
export interface ExtensionItem {
  at: string
  orgName: string
  level: Level
  days: number
  reason: string
  resolveBy: string
  until: string
  status: 'pending' | 'approved' | 'rejected' | 'lapsed'
  decided?: { at: string; orgName: string; level: Level; note?: string }
}

/**
 * Why a case is on the 督办 list, one line each: a deadline it missed (`missed`, at which level), the
 * 催办 it received (`urged`), a take-over (`takenOver`), an approved 延期 (`extended`, to when), a 延期
 * request waiting for an answer (`extensionPending`). `text` says it in Chinese.
 */
export interface SuperviseReason {
  kind: 'missed' | 'urged' | 'takenOver' | 'extended' | 'extensionPending'
  at: string
  text: string
}

export interface CaseSummary {
  id: string
  kind: CaseKind
  category: Category
  title: string
  status: CaseStatus
  level: Level
  holderOrgId: string
  holderOrgName: string
  submittedAt: string
  updatedAt: string
  acceptBy: string
  resolveBy: string
  /** Past a deadline it still has to meet (or flagged overdue at the province). */
  overdue: boolean
  /** Private text replaced with placeholders for this viewer. */
  redacted: boolean
  assignment?: { department: string; note: string; followUpBy?: string; answered: boolean }
  /**
   * Every 催办 of the case, oldest first: for those who handle or supervise it (not for the reporter,
   * who reads her timeline's plain line instead). Absent for her.
   */
  urges?: UrgeItem[]
  /** The 延期 request of the current level, for those who handle or supervise it (not the reporter). */
  extension?: ExtensionItem
  /** How many people follow it besides its reporter (我也遇到): a count only, never who. */
  supporters?: number
  /** Closed as a duplicate (合并办理): the case it is handled with now. */
  mergedInto?: { id: string; number: string }
  /** She follows it as a supporter (我也反映): a read-only view, no rating or withdrawal. */
  supporting?: boolean
}

/**
 * One task of the case's 帮扶方案, as those who handle, supervise or do it see it (never the reporter:
 * she reads plain lines in her timeline). A redacted viewer gets no title, name or note. The
 * volunteer's phone only for the holder's convener and cadres.
 */
export interface HelpTaskItem {
  id: string
  title: string
  assignee: {
    kind: 'member' | 'volunteer'
    /** Absent when redacted; a member without a name on record is 成员. */
    name?: string
    phone?: string
    /** The viewer is the member this task names. */
    mine?: boolean
  }
  dueAt: string
  status: 'open' | 'done' | 'dropped'
  /** Open past its due time. */
  overdue: boolean
  /** Set the task: the org that planned it, and when. */
  plannedAt: string
  orgName: string
  level: Level
  closedAt?: string
  note?: string
  /** She may mark it done now (the holder, or the member it names). */
  canComplete: boolean
}

export interface CaseDetail extends CaseSummary {
  /** The server's "now" when it answered: the app counts "还剩 N 天" from it, not the phone's clock. */
  asOf: string
  content: string
  villageId: string
  villageName: string
  anonymous: boolean
  /** The viewer reported it. */
  mine: boolean
  /** Masked (138****5678); only for the holder's convener and cadres, never for an anonymous case. */
  phone?: string
  address?: string
  /** Filed by a council member for a resident; her name and masked phone only for those handling it. */
  filedOnBehalf: boolean
  onBehalfOf?: { name: string; phone?: string }
  photos: string[]
  /** Where each photo can be shown from, for a few minutes (storage is private): photo id → URL. */
  photoUrls: Record<string, string>
  outcome?: { outcome: Outcome; resolution: string; at: string; level: Level; orgName: string }
  rating?: { solved: Solved; satisfaction: Satisfaction; comment?: string; at: string }
  timeline: TimelineItem[]
  /** The orgs below the holder on the case's chain, nearest first: where it can be handed back to. */
  handBackTargets: { id: string; name: string; level: Level }[]
  /**
   * With can.transfer: the org whose children are where it may go (the parent of the holder; the
   * holder itself is not a choice). Above the village level a village under the choice is named too.
   */
  transferUnder?: { id: string; name: string; level: Level }
  /** With can.requestExtension: the most days she may ask for (the level's own resolve days). */
  extensionMaxDays?: number
  /** 帮扶方案, oldest first: for those who see the case by a role of theirs, not for the reporter. */
  tasks?: HelpTaskItem[]
  /** What this viewer may do now, so the app shows only buttons that will work. */
  can: {
    accept: boolean
    resolve: boolean
    escalate: boolean
    handBack: boolean
    assign: boolean
    reply: boolean
    /** 催办 and 提级办理: a cadre of an org above the holder on the case's chain. */
    urge: boolean
    takeOver: boolean
    /** 转办: the holder within 48 hours of its arrival, or a cadre of the parent org. */
    transfer: boolean
    /** 延期: the holder asks (once per level); a cadre of the parent org decides the pending request. */
    requestExtension: boolean
    decideExtension: boolean
    rate: boolean
    withdraw: boolean
    /** 合并办理: the holder may close it as a duplicate of another open case it holds. */
    merge?: boolean
    /** 帮扶方案: the holder adds a task. */
    planTask: boolean
  }
}
