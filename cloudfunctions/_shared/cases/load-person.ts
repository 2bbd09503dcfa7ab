/** The acting person: the platform's openid plus the role bindings the store holds for her. */
import type { Person } from '../domain/actor.types'
import type { Repositories } from '../ports/store.port'

export async function loadPerson(repos: Pick<Repositories, 'people'>, openid: string): Promise<Person> {
  const bindings = await repos.people.rolesOf(openid)
  return { openid, roles: bindings.map(({ role, orgId }) => ({ role, orgId })) }
}
