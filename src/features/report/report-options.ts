/** The choices of the report form, each with a one-line hint in plain words. */
import { CASE_KIND_LABELS, CATEGORY_LABELS, type CaseKind, type Category } from '../../../types'

export const KIND_OPTIONS: { value: CaseKind; label: string; hint: string }[] = [
  { value: 'problem', label: CASE_KIND_LABELS.problem, hint: '遇到的困难，或身边的问题' },
  { value: 'appeal', label: CASE_KIND_LABELS.appeal, hint: '希望妇联帮您办的具体事情' },
  { value: 'suggestion', label: CASE_KIND_LABELS.suggestion, hint: '对村里、社区事务的想法' },
]

export const CATEGORY_OPTIONS: { value: Category; label: string; hint: string }[] = [
  { value: 'governance', label: CATEGORY_LABELS.governance, hint: '道路、环境、治安等公共事务' },
  { value: 'personal', label: CATEGORY_LABELS.personal, hint: '家庭暴力、人身伤害、骚扰、威胁' },
  { value: 'property', label: CATEGORY_LABELS.property, hint: '土地承包、宅基地、征地补偿、财产分割' },
  { value: 'marriage_family', label: CATEGORY_LABELS.marriage_family, hint: '婚姻、离婚、抚养、赡养、继承' },
  { value: 'labor_social', label: CATEGORY_LABELS.labor_social, hint: '拖欠工资、就业歧视、社保、生育保险' },
  { value: 'other', label: CATEGORY_LABELS.other, hint: '以上都不是' },
]
