/**
 * A demo province: a real-looking slice of Liaoning. Province, city and county codes are the real
 * administrative-division codes; township (9 digits) and village (12 digits) codes follow the national
 * format under their real county, with made-up serials where the real one is not at hand.
 */
import type { Level, Role } from '../../../types/enums'
import type { OrgRecord } from '../../_shared/ports/store.port'

const org = (id: string, name: string, level: Level, parentId: string | null): OrgRecord => ({
  id,
  name,
  level,
  parentId,
})

export const DEMO_ORGS: OrgRecord[] = [
  org('210000', '辽宁省', 'province', null),

  org('210100', '沈阳市', 'city', '210000'),
  org('210113', '沈北新区', 'county', '210100'),
  org('210113001', '道义街道', 'township', '210113'),
  org('210113001201', '蒲河村', 'village', '210113001'),
  org('210113001202', '道义村', 'village', '210113001'),
  org('210113001003', '正良社区', 'village', '210113001'),
  org('210113102', '清水台镇', 'township', '210113'),
  org('210113102201', '清水台村', 'village', '210113102'),
  org('210113102202', '小韩屯村', 'village', '210113102'),

  org('210200', '大连市', 'city', '210000'),
  org('210283', '庄河市', 'county', '210200'),
  org('210283103', '光明山镇', 'township', '210283'),
  org('210283103201', '光明山村', 'village', '210283103'),
  org('210283103202', '马场村', 'village', '210283103'),

  org('211300', '朝阳市', 'city', '210000'),
  org('211321', '朝阳县', 'county', '211300'),
  org('211321102', '柳城镇', 'township', '211321'),
  org('211321102201', '四家板村', 'village', '211321102'),
  org('211321102202', '西大营子村', 'village', '211321102'),
]

export interface DemoPersona {
  openid: string
  name: string
  /** `resident` has no binding: orgId is her home village. */
  role: Role | 'resident'
  orgId: string
}

/** The village with a full council, and the chain of cadres above it. */
export const DEMO_VILLAGE = '210113001201'

const resident = (openid: string, name: string, orgId: string): DemoPersona => ({
  openid,
  name,
  role: 'resident',
  orgId,
})
const bound = (openid: string, name: string, role: Role, orgId: string): DemoPersona => ({
  openid,
  name,
  role,
  orgId,
})

export const DEMO_PERSONAS: DemoPersona[] = [
  resident('demo-resident-zhao', '赵小红', DEMO_VILLAGE),
  resident('demo-resident-sun', '孙丽娜', DEMO_VILLAGE),
  resident('demo-resident-zhou', '周美玲', '210113102201'),
  resident('demo-resident-wu', '吴海燕', '210283103201'),
  resident('demo-resident-zheng', '郑晓燕', '211321102202'),

  bound('demo-convener-wang', '王秀兰', 'convener', DEMO_VILLAGE),
  bound('demo-member-li', '李桂芳', 'member', DEMO_VILLAGE),
  bound('demo-member-zhang', '张淑珍', 'member', DEMO_VILLAGE),
  bound('demo-member-liu', '刘玉梅', 'member', DEMO_VILLAGE),
  bound('demo-member-chen', '陈丽华', 'member', DEMO_VILLAGE),
  bound('demo-member-yang', '杨春燕', 'member', DEMO_VILLAGE),

  bound('demo-cadre-village', '黄淑英', 'cadre', DEMO_VILLAGE),
  bound('demo-cadre-township', '高美华', 'cadre', '210113001'),
  bound('demo-cadre-county', '林晓梅', 'cadre', '210113'),
  bound('demo-cadre-city', '何静', 'cadre', '210100'),
  bound('demo-cadre-province', '郭丽君', 'cadre', '210000'),
  bound('demo-admin', '罗建华', 'admin', '210000'),
]
