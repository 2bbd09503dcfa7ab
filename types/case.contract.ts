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
 * Why a case is on the 督办 list, one line each: a deadline it missed (`missed`, at which level), the
 * 催办 it received (`urged`), a take-over (`takenOver`). `text` says it in Chinese.
 */
export interface SuperviseReason {
  kind: 'missed' | 'urged' | 'takenOver'
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
    rate: boolean
    withdraw: boolean
  }
}
