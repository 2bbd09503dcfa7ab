/**
 * Who tells the demo's four stories (demo-stories.ts) and where they live: listed in the persona
 * switcher with the rest of the demo province (demo-province.ts seeds them), so whoever demonstrates
 * can open the app as any of them. Ids are the places' codes in demo-province.ts's DEMO_ORGS.
 */

/** 八里营村 (清水台镇, 沈北新区, 沈阳市): the dark road. */
export const BALIYING = {
  village: '210113102203',
  township: '210113102',
  reporter: 'demo-resident-ma',
  convener: 'demo-convener-tian',
  members: ['demo-member-xu', 'demo-member-han', 'demo-member-cao'],
  townshipCadre: 'demo-cadre-qingshuitai',
  /** Neighbours who tap 我也遇到: residents without a persona, as most women using the app are. */
  neighbours: ['demo-neighbour-baliying-1', 'demo-neighbour-baliying-2', 'demo-neighbour-baliying-3', 'demo-neighbour-baliying-4', 'demo-neighbour-baliying-5'],
} as const

/** 滨河湾社区 (滨河街道, 沈河区, 沈阳市): the blind couple. */
export const BINHEWAN = {
  village: '210103013003',
  convener: 'demo-convener-zou',
  member: 'demo-member-bai',
} as const

/** 合隆满族乡's 合隆村 (法库县, 沈阳市): 家风家训. */
export const HELONG = {
  village: '210124203201',
  township: '210124203',
  townshipCadre: 'demo-cadre-helong',
  convener: 'demo-convener-na',
  members: ['demo-member-tong', 'demo-member-fu'],
  residents: ['demo-resident-xiao', 'demo-resident-guan'],
} as const

/** 小南村 (水师营街道, 旅顺口区, 大连市): 小晴. */
export const XIAONAN = {
  village: '210212009201',
  reporter: 'demo-resident-yu',
  convener: 'demo-convener-qu',
  member: 'demo-member-jiang',
} as const

/** [openid, name, role, orgId], as DEMO_PERSONAS lists its people. */
export const STORY_PERSONAS = [
  [BALIYING.reporter, '马秀芝', 'resident', BALIYING.village],
  [BALIYING.convener, '田桂兰', 'convener', BALIYING.village],
  [BALIYING.members[0], '徐凤霞', 'member', BALIYING.village],
  [BALIYING.members[1], '韩玉珍', 'member', BALIYING.village],
  [BALIYING.members[2], '曹丽娟', 'member', BALIYING.village],
  [BALIYING.townshipCadre, '宋玉兰', 'cadre', BALIYING.township],

  [BINHEWAN.convener, '邹敏', 'convener', BINHEWAN.village],
  [BINHEWAN.member, '白雪梅', 'member', BINHEWAN.village],

  [HELONG.townshipCadre, '关淑华', 'cadre', HELONG.township],
  [HELONG.convener, '那玉芬', 'convener', HELONG.village],
  [HELONG.members[0], '佟丽萍', 'member', HELONG.village],
  [HELONG.members[1], '富春梅', 'member', HELONG.village],
  [HELONG.residents[0], '肖秀云', 'resident', HELONG.village],
  [HELONG.residents[1], '关玉珍', 'resident', HELONG.village],

  [XIAONAN.reporter, '于海霞', 'resident', XIAONAN.village],
  [XIAONAN.convener, '曲丽', 'convener', XIAONAN.village],
  [XIAONAN.member, '姜红', 'member', XIAONAN.village],
] as const
