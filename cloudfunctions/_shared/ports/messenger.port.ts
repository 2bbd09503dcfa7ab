/** Sends one WeChat subscription message. Production: subscribeMessage.send; local: a log file. */
export interface OutgoingMessage {
  openid: string
  templateId: string
  /** The mini-program page it opens, with its query. */
  page: string
  /** Field name → value, already fitted to WeChat's limits. */
  data: Record<string, string>
  /** Kept with the local log so /__dev/outbox can say what each was about. */
  kind: string
}

export type SendResult =
  | { ok: true }
  /** `code` is WeChat's errcode: 43101 no credit or refused, 47003 bad field, 40037 bad template, 41030 bad page. */
  | { ok: false; code: number; message: string }
  /**
   * No answer in time (our send timeout, or the platform's -604102): WeChat may or may not have shown
   * it and spent her grant. Never sent again, never charged again.
   */
  | { ok: false; unknown: true; code: number; message: string }

export interface Messenger {
  send(message: OutgoingMessage): Promise<SendResult>
}

/** The longest a send may take before it counts as unknown: delivery starts one only with this much time left. */
export const SEND_TIMEOUT_MS = 3_000
