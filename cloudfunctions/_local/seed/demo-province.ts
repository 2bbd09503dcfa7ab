/**
 * A demo province: a real-looking slice of Liaoning. Province, city and county codes are the real
 * administrative-division codes; township (9 digits) and village (12 digits) codes follow the national
 * format under their real county, with made-up serials where the real one is not at hand.
 */
import type { Role } from '../../../types/enums'
import type { AnnouncementRecord, AnswerRecord, OrgRecord, SurveyRecord } from '../../_shared/ports/store.port'
import { STORY_PERSONAS } from './demo-story-people'

export const DEMO_ORGS: OrgRecord[] = (
  [
    ['210000', '辽宁省', 'province', null],

    ['210100', '沈阳市', 'city', '210000'],
    ['210113', '沈北新区', 'county', '210100'],
    ['210113001', '道义街道', 'township', '210113'],
    ['210113001201', '蒲河村', 'village', '210113001'],
    ['210113001202', '道义村', 'village', '210113001'],
    ['210113001003', '正良社区', 'village', '210113001'],
    ['210113102', '清水台镇', 'township', '210113'],
    ['210113102201', '清水台村', 'village', '210113102'],
    ['210113102202', '小韩屯村', 'village', '210113102'],
    ['210113102203', '八里营村', 'village', '210113102'],
    ['210103', '沈河区', 'county', '210100'],
    ['210103013', '滨河街道', 'township', '210103'],
    ['210103013003', '滨河湾社区', 'village', '210103013'],
    ['210124', '法库县', 'county', '210100'],
    ['210124203', '合隆满族乡', 'township', '210124'],
    ['210124203201', '合隆村', 'village', '210124203'],

    ['210200', '大连市', 'city', '210000'],
    ['210283', '庄河市', 'county', '210200'],
    ['210283103', '光明山镇', 'township', '210283'],
    ['210283103201', '光明山村', 'village', '210283103'],
    ['210283103202', '马场村', 'village', '210283103'],
    ['210212', '旅顺口区', 'county', '210200'],
    ['210212009', '水师营街道', 'township', '210212'],
    ['210212009201', '小南村', 'village', '210212009'],

    ['211300', '朝阳市', 'city', '210000'],
    ['211321', '朝阳县', 'county', '211300'],
    ['211321102', '柳城镇', 'township', '211321'],
    ['211321102201', '四家板村', 'village', '211321102'],
    ['211321102202', '西大营子村', 'village', '211321102'],
  ] as const
).map(([id, name, level, parentId]) => ({ id, name, level, parentId }))

export interface DemoPersona {
  openid: string
  name: string
  /** `resident` has no binding: orgId is her home village. */
  role: Role | 'resident'
  orgId: string
}

/** The village with a full council, and the chain of cadres above it. */
export const DEMO_VILLAGE = '210113001201'

export const DEMO_PERSONAS: DemoPersona[] = (
  [
    ['demo-resident-zhao', '赵小红', 'resident', DEMO_VILLAGE],
    ['demo-resident-sun', '孙丽娜', 'resident', DEMO_VILLAGE],
    ['demo-resident-zhou', '周美玲', 'resident', '210113102201'],
    ['demo-resident-wu', '吴海燕', 'resident', '210283103201'],
    ['demo-resident-zheng', '郑晓燕', 'resident', '211321102202'],

    ['demo-convener-wang', '王秀兰', 'convener', DEMO_VILLAGE],
    ['demo-member-li', '李桂芳', 'member', DEMO_VILLAGE],
    ['demo-member-zhang', '张淑珍', 'member', DEMO_VILLAGE],
    ['demo-member-liu', '刘玉梅', 'member', DEMO_VILLAGE],
    ['demo-member-chen', '陈丽华', 'member', DEMO_VILLAGE],
    ['demo-member-yang', '杨春燕', 'member', DEMO_VILLAGE],

    ['demo-cadre-village', '黄淑英', 'cadre', DEMO_VILLAGE],
    ['demo-cadre-township', '高美华', 'cadre', '210113001'],
    ['demo-cadre-county', '林晓梅', 'cadre', '210113'],
    ['demo-cadre-city', '何静', 'cadre', '210100'],
    ['demo-cadre-province', '郭丽君', 'cadre', '210000'],
    ['demo-admin', '罗建华', 'admin', '210000'],

    // The four stories of the demo's cases (demo-stories.ts), each with the people who tell it.
    ...STORY_PERSONAS,
  ] as const
).map(([openid, name, role, orgId]) => ({ openid, name, role, orgId }))

/** The numbers demo personas chose to show their council's residents (account.setPublicPhone). */
export const DEMO_PUBLIC_PHONES: Readonly<Record<string, string>> = { 'demo-convener-wang': '13800001234' }

/**
 * Standard answers the province keeps (account.kbList), kept by its cadre: what 办结 offers to start
 * from in these categories. Dated before the test clock (2026-11-30), as if written earlier.
 */
export const DEMO_ANSWERS: AnswerRecord[] = (
  [
    [
      'answer_demo_marriage',
      'marriage_family',
      '家庭纠纷调解答复',
      '您反映的家庭纠纷，村（社区）妇联已会同调解委员会上门了解情况，组织双方当面协商，达成调解意见并做好记录。如再发生家庭暴力，请立即拨打 110 报警，也可拨打妇女维权公益服务热线 12338，妇联将协助申请人身安全保护令。',
    ],
    [
      'answer_demo_governance',
      'governance',
      '社会治理建议采纳答复',
      '感谢您提出的建议。妇联已将建议转交村（社区）两委研究，纳入近期议事会议题，商议结果和落实情况将在村务公开栏公示，并通过小程序告知您。',
    ],
    [
      'answer_demo_labor',
      'labor_social',
      '拖欠工资维权指引',
      '您反映的拖欠工资问题，妇联已联系当地人力资源和社会保障部门劳动监察机构核实。请保留劳动合同、考勤记录、工资条等证据，可拨打 12333 咨询，必要时申请劳动仲裁，妇联将全程协助。',
    ],
  ] as const
).map(([id, category, title, body]) => ({
  id,
  orgId: '210000',
  category,
  title,
  body,
  createdBy: 'demo-cadre-province',
  createdAt: '2026-11-01T02:00:00.000Z',
  updatedBy: 'demo-cadre-province',
  updatedAt: '2026-11-01T02:00:00.000Z',
  retired: false,
}))

/** A persona as the persona switcher lists her (GET /__dev/personas), with where she is. */
export type PersonaView = DemoPersona & { orgName: string; level: string | null }

/** The personas as the persona switcher lists them. */
export async function demoPersonaViews(orgOf: (id: string) => Promise<{ name: string; level: string } | null | undefined>): Promise<PersonaView[]> {
  const views: PersonaView[] = []
  for (const persona of DEMO_PERSONAS) {
    const org = await orgOf(persona.orgId)
    views.push({ ...persona, orgName: org?.name ?? '', level: org?.level ?? null })
  }
  return views
}

/**
 * Announcements on 首页 (outreach.feed): the province's policy, pinned, and 蒲河村's activity by its
 * convener. Dated before the test clock (2026-11-30), as if published earlier; nobody has read them.
 */
export const DEMO_ANNOUNCEMENTS: AnnouncementRecord[] = [
  {
    id: 'announcement_demo_policy',
    orgId: '210000',
    kind: 'policy',
    title: '农村妇女“两癌”免费检查开始预约',
    body: '省妇联联合省卫生健康委开展适龄农村妇女宫颈癌、乳腺癌免费检查。35 至 64 周岁的农村妇女可持身份证到户籍所在地乡镇卫生院预约，检查免费。有疑问可拨打 12338 咨询。',
    pinned: true,
    publishedBy: 'demo-cadre-province',
    publishedAt: '2026-11-20T02:00:00.000Z',
    retired: false,
  },
  {
    id: 'announcement_demo_activity',
    orgId: DEMO_VILLAGE,
    kind: 'activity',
    title: '周六上午村委会广场健康讲座',
    body: '本周六上午九点，村委会广场请镇卫生院医生讲冬季防病和慢性病用药，现场免费量血压。请带好老花镜，家里老人也欢迎一起来。',
    pinned: false,
    publishedBy: 'demo-convener-wang',
    publishedAt: '2026-11-25T02:00:00.000Z',
    retired: false,
  },
]

/**
 * A survey (outreach.surveys) by 道义街道's cadre for the residents of its villages: open until after
 * the test clock (2026-11-30), nobody has answered it yet.
 */
export const DEMO_SURVEYS: SurveyRecord[] = [
  {
    id: 'survey_demo_needs',
    orgId: '210113001',
    title: '道义街道妇女服务需求调研',
    questions: [
      { text: '您最希望妇联提供哪些服务？（可多选）', options: ['家庭教育指导', '就业技能培训', '法律咨询', '健康讲座'], multiple: true },
      { text: '您方便参加活动的时间是？', options: ['工作日白天', '工作日晚上', '周末'], multiple: false },
      { text: '您对妇联工作还有什么建议？', free: true },
    ],
    audience: 'residents',
    openedBy: 'demo-cadre-township',
    openedAt: '2026-11-28T01:00:00.000Z',
    closesAt: '2026-12-20T09:00:00.000Z',
  },
]
