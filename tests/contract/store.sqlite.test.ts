import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openSqliteStore } from '../../cloudfunctions/_shared/adapters/sqlite/store.sqlite'
import { storeContract } from './store.contract'

// A real file, not :memory:, so WAL and the on-disk schema are what is tested.
storeContract('SQLite', async () => openSqliteStore(join(mkdtempSync(join(tmpdir(), 'store-')), 'store.sqlite')))
