/**
 * store.batch on SQLite (the sweep commits a page of cases at once): each transaction in a batch is
 * still all or nothing, a failing one takes nothing else with it, nothing outside the batch runs inside
 * it, and a batch that fails commits nothing.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openSqliteStore } from '../../cloudfunctions/_shared/adapters/sqlite/store.sqlite'
import type { Store } from '../../cloudfunctions/_shared/ports/store.port'
import { waitFor } from '../support/wait-for'

let store: Store
beforeEach(() => {
  store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'fulian-batch-')), 'batch.sqlite'))
})
afterEach(() => store.close())

test('a failing transaction in a batch rolls back alone; the others commit with the batch', async () => {
  await store.batch!(async () => {
    await store.transaction(async (tx) => tx.meta.set('a', '1'))
    await expect(
      store.transaction(async (tx) => {
        await tx.meta.set('b', '1')
        throw new Error('this one fails')
      }),
    ).rejects.toThrow('this one fails')
    await store.transaction(async (tx) => tx.meta.set('c', '1'))
  })
  expect([await store.meta.get('a'), await store.meta.get('b'), await store.meta.get('c')]).toEqual(['1', null, '1'])
})

test('a call from outside waits for the batch to commit instead of running inside it', async () => {
  const order: string[] = []
  let release!: () => void
  const held = new Promise<void>((resolve) => (release = resolve))
  const batch = store.batch!(async () => {
    await store.transaction(async (tx) => tx.meta.set('k', 'batch'))
    order.push('batch wrote')
    await held
  })
  // Started while the batch is open: it must not run until the batch is over.
  const outside = store.transaction(async (tx) => {
    order.push('outside ran')
    await tx.meta.set('k', 'outside')
  })
  await waitFor(() => order.includes('batch wrote'))
  // Deliberately a fixed wait: the outside transaction must NOT run while the batch is open, and
  // "nothing happened within 20 ms" is what is being shown (there is no event to wait for).
  await new Promise((resolve) => setTimeout(resolve, 20))
  expect(order).toEqual(['batch wrote'])
  order.push('released')
  release()
  await Promise.all([batch, outside])
  expect(order).toEqual(['batch wrote', 'released', 'outside ran'])
  expect(await store.meta.get('k')).toBe('outside')
})

test('a batch that fails commits nothing', async () => {
  await expect(
    store.batch!(async () => {
      await store.transaction(async (tx) => tx.meta.set('x', '1'))
      throw new Error('the job died')
    }),
  ).rejects.toThrow('the job died')
  expect(await store.meta.get('x')).toBeNull()
})
