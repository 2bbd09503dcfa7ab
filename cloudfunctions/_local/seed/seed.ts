/** Seeds the demo province once per data directory; a restart finds the marker and leaves data alone. */
import type { Store } from '../../_shared/ports/store.port'
import { addOrg, bindRole } from '../../_shared/orgs/onboarding.service'
import { DEMO_ANNOUNCEMENTS, DEMO_ANSWERS, DEMO_ORGS, DEMO_PERSONAS, DEMO_PUBLIC_PHONES, DEMO_SURVEYS } from './demo-province'

const SEED_MARKER = 'seed.demo-province'
const SEED_VERSION = '1'
/** Added after the first demo: its own marker, so a data folder seeded before gets them too. */
const ANNOUNCEMENTS_MARKER = 'seed.demo-announcements'
const SURVEYS_MARKER = 'seed.demo-surveys'

/** Returns true when it seeded, false when the store was seeded before. */
export async function seedDemoProvince(store: Store): Promise<boolean> {
  return store.transaction(async (tx) => {
    const announced = (await tx.meta.get(ANNOUNCEMENTS_MARKER)) === SEED_VERSION
    if (!announced) {
      for (const announcement of DEMO_ANNOUNCEMENTS) await tx.announcements.put(announcement)
      await tx.meta.set(ANNOUNCEMENTS_MARKER, SEED_VERSION)
    }
    if ((await tx.meta.get(SURVEYS_MARKER)) !== SEED_VERSION) {
      for (const survey of DEMO_SURVEYS) await tx.surveys.put(survey)
      await tx.meta.set(SURVEYS_MARKER, SEED_VERSION)
    }
    if ((await tx.meta.get(SEED_MARKER)) === SEED_VERSION) return false
    // Parents first: the org table's foreign key wants them. Through onboarding, as a real province
    // is set up, so the councils and members counters are kept (each counted once, even if re-run).
    for (const org of DEMO_ORGS) await addOrg(tx, org)
    for (const persona of DEMO_PERSONAS) {
      const homeOrgId = persona.role === 'resident' || persona.role === 'member' || persona.role === 'convener'
        ? persona.orgId
        : null
      await tx.people.putUser({ openid: persona.openid, name: persona.name, homeOrgId, publicPhone: DEMO_PUBLIC_PHONES[persona.openid] ?? null })
      if (persona.role !== 'resident') {
        await bindRole(tx, { openid: persona.openid, role: persona.role, orgId: persona.orgId })
      }
    }
    // A convener is a council member who runs the council: she counts as a member too.
    for (const persona of DEMO_PERSONAS.filter((p) => p.role === 'convener')) {
      await bindRole(tx, { openid: persona.openid, role: 'member', orgId: persona.orgId })
    }
    // The province's standard answers, as its cadre wrote them (not counted as this month's updates).
    for (const answer of DEMO_ANSWERS) await tx.answers.put(answer)
    await tx.meta.set(SEED_MARKER, SEED_VERSION)
    return true
  })
}
