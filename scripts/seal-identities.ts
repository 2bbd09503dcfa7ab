/**
 * One-off, after deploying the functions that seal identities (docs/security.md, "What is kept at
 * rest"): rewrites the CloudBase documents written before, so no reporter's or message recipient's
 * openid and no address stays in plain text
 * (cloudfunctions/_shared/adapters/cloudbase/seal-identities.migration.ts). Safe to run again, and
 * while the functions serve.
 *
 *   TENCENTCLOUD_SECRETID=… TENCENTCLOUD_SECRETKEY=… TCB_ENV_ID=… \
 *   PHONE_ENCRYPTION_KEY='<the functions' own key, exactly>' npx tsx scripts/seal-identities.ts
 *
 * The key must be the one the functions run with: tags made with another key find nothing, and
 * what it seals the functions cannot open.
 */
import { aesGcmCipher, parseProductionKey } from '../cloudfunctions/_shared/adapters/aes-gcm.cipher'
import { sealIdentities } from '../cloudfunctions/_shared/adapters/cloudbase/seal-identities.migration'
import { cloudDatabase, runScript } from './cloud-script'

async function main(): Promise<boolean> {
  const target = cloudDatabase(process.env)
  const key = parseProductionKey(process.env.PHONE_ENCRYPTION_KEY)
  if (!target.ok || 'problem' in key) {
    for (const line of ['未改动 / Nothing changed:', ...(target.ok ? [] : target.problems), ...('problem' in key ? [`PHONE_ENCRYPTION_KEY ${key.problem}`] : [])]) {
      console.error(line)
    }
    return false
  }
  const report = await sealIdentities(target.db, aesGcmCipher(key.key))
  console.log(`已改写 / Rewritten: ${JSON.stringify(report)}`)
  return true
}

runScript(main)
