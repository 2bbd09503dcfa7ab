/** Names for the demo personas and orgs the tests use, so a test reads like the story it tells. */
export const RESIDENT = 'demo-resident-zhao'
export const OTHER_RESIDENT = 'demo-resident-sun'
export const CONVENER = 'demo-convener-wang'
export const MEMBER = 'demo-member-li'
export const VILLAGE_CADRE = 'demo-cadre-village'
export const TOWNSHIP_CADRE = 'demo-cadre-township'
export const COUNTY_CADRE = 'demo-cadre-county'
export const CITY_CADRE = 'demo-cadre-city'
export const PROVINCE_CADRE = 'demo-cadre-province'
export const ADMIN = 'demo-admin'

export const VILLAGE = '210113001201'
export const TOWNSHIP = '210113001'
export const COUNTY = '210113'
export const CITY = '210100'
export const PROVINCE = '210000'

let counter = 0
/** A valid deliberation.open on a free topic for the demo village's council, closing `hours` after `now`. */
export function aFreeTopicOpen(now: string, hours = 48) {
  return {
    action: 'open',
    orgId: VILLAGE,
    title: '广场舞时间调整',
    background: '有居民反映晚上太吵。',
    options: ['提前到七点', '维持现状'],
    closesAt: new Date(Date.parse(now) + hours * 3_600_000).toISOString(),
  }
}

/** A valid report; override what the test is about. */
export function aReport(overrides: Record<string, unknown> = {}) {
  counter += 1
  return {
    action: 'submit',
    clientRequestId: `test-request-${counter}-${Date.now()}`,
    kind: 'problem',
    category: 'governance',
    title: '村口路灯坏了',
    content: '村口到小学的路灯坏了两个月，晚上孩子放学很危险。',
    villageId: VILLAGE,
    anonymous: false,
    ...overrides,
  }
}
