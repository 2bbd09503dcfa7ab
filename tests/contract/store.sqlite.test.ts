import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openSqliteStore } from '../../cloudfunctions/_shared/adapters/sqlite/store.sqlite'
import { storeContract } from './store.contract'
import { DEV_KEY, aesGcmCipher } from '../../cloudfunctions/_shared/adapters/aes-gcm.cipher'

let file = ''
// A real file, not :memory:, so WAL and the on-disk schema are what is tested.
storeContract(
  'SQLite',
  async () => {
    file = join(mkdtempSync(join(tmpdir(), 'store-')), 'store.sqlite')
    return openSqliteStore(file, aesGcmCipher(DEV_KEY))
  },
  // Every byte of the database, its WAL and its shared-memory index, as latin1 (an ASCII openid shows as itself).
  async () => ['', '-wal', '-shm'].map((suffix) => (existsSync(file + suffix) ? readFileSync(file + suffix).toString('latin1') : '')).join('\n'),
)
