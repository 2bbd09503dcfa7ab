/**
 * The report being written, kept in the phone's storage on every change: leaving the page, a call
 * coming in, or a failed send loses nothing. The clientRequestId is made once per draft, so a resend
 * after a failure is recognised by the server as the same report.
 */
import Taro from '@tarojs/taro'
import type { CaseKind, Category } from '../../../types'
import type { UploadedPhoto } from '../../shared/upload-photo'

export interface ReportDraft {
  clientRequestId: string
  kind?: CaseKind
  category?: Category
  villageId?: string
  villageName?: string
  title: string
  content: string
  anonymous: boolean
  phone: string
  photos: UploadedPhoto[]
  /** A council member filing for a resident. */
  onBehalf?: boolean
  residentName?: string
  residentPhone?: string
}

const DRAFT_KEY = 'report.draft'
const LAST_VILLAGE_KEY = 'report.lastVillage'

const newRequestId = () => `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`

export function emptyDraft(): ReportDraft {
  const last = Taro.getStorageSync(LAST_VILLAGE_KEY) as { id: string; name: string } | ''
  return {
    clientRequestId: newRequestId(),
    title: '',
    content: '',
    anonymous: false,
    phone: '',
    photos: [],
    ...(last ? { villageId: last.id, villageName: last.name } : {}),
  }
}

export function loadDraft(): ReportDraft {
  const saved = Taro.getStorageSync(DRAFT_KEY) as ReportDraft | ''
  return saved && saved.clientRequestId ? saved : emptyDraft()
}

export const saveDraft = (draft: ReportDraft) => Taro.setStorageSync(DRAFT_KEY, draft)

export const forgetDraft = () => Taro.removeStorageSync(DRAFT_KEY)

/** After the server has the report: forget the draft, remember the village for next time. */
export function finishDraft(draft: ReportDraft) {
  forgetDraft()
  if (draft.villageId) Taro.setStorageSync(LAST_VILLAGE_KEY, { id: draft.villageId, name: draft.villageName ?? '' })
}
