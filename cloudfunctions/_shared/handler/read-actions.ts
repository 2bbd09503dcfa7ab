/** Actions that only read: they are not rate-limited. Every other action is a write. */
export const READ_ACTIONS: ReadonlySet<string> = new Set([
  'me',
  'orgs',
  'path',
  'members',
  'mine',
  'photoFolder',
  'get',
  'inbox',
  'list',
  'templates',
  'overview',
  'exportCsv',
  'resolveGroup',
  'overdue',
  'audit',
])
