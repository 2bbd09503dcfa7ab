/**
 * Test-only: a CloudBase environment as its management API shows it, for captured-tencent-cloud.ts to
 * answer with. Only the actions the deploy and the provisioning send, in the shapes
 * @cloudbase/manager-node reads (node_modules/@cloudbase/manager-node/lib: env/index.js getEnvInfo,
 * function/index.js, database/index.js); anything else answers an error, so an unexpected call fails
 * the test instead of passing unseen. With `busyAfterChange`, a function is `Creating`/`Updating` for
 * one GetFunction after a change, as SCF reports work in progress (each such poll costs manager-node's
 * one-second wait, so only one test turns it on).
 */
import type { Answer, CapturedRequest, CloudError } from './captured-tencent-cloud'

export interface FakeFunction {
  Runtime: string
  Handler: string
  Timeout: number
  MemorySize: number
  InstallDependency: string
  Environment: { Variables: { Key: string; Value: string }[] }
  Triggers: { TriggerName: string; Type: string; TriggerDesc: string }[]
  Status: string
  codeBytes: number
}

export interface FakeTable {
  indexes: { Name: string; Keys: { Name: string; Direction: string }[]; Unique: boolean }[]
  aclTag: string
  rule: string | null
}

const fail = (Code: string, Message: string): { Error: CloudError } => ({ Error: { Code, Message } })

export class FakeCloudbase {
  readonly functions = new Map<string, FakeFunction>()
  readonly tables = new Map<string, FakeTable>()

  constructor(
    readonly envId: string,
    private readonly options: { busyAfterChange?: boolean } = {},
  ) {}

  private busy(state: 'Creating' | 'Updating'): string {
    return this.options.busyAfterChange ? state : 'Active'
  }

  readonly answer: Answer = (request) => {
    const handler = (this.handlers as Record<string, ((body: Record<string, unknown>) => ReturnType<Answer>) | undefined>)[
      `${request.service}:${request.action}`
    ]
    if (!handler) return fail('InvalidAction', `the fake does not answer ${request.service}:${request.action}`)
    if (request.service === 'scf' && request.body.Namespace !== undefined && request.body.Namespace !== this.envId) {
      return fail('ResourceNotFound.Namespace', `namespace ${String(request.body.Namespace)}`)
    }
    return handler(request.body)
  }

  private fn(body: Record<string, unknown>): FakeFunction | undefined {
    return this.functions.get(String(body.FunctionName))
  }

  private table(body: Record<string, unknown>): FakeTable | undefined {
    return this.tables.get(String(body.TableName ?? body.CollectionName))
  }

  addTable(name: string): FakeTable {
    // WeChat's default for a new collection: only its creator reads and writes.
    const table: FakeTable = { indexes: [{ Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true }], aclTag: 'PRIVATE', rule: null }
    this.tables.set(name, table)
    return table
  }

  private readonly handlers: Record<string, (body: Record<string, unknown>) => ReturnType<Answer>> = {
    'tcb:DescribeEnvInfo': () => ({
      EnvInfo: {
        EnvBaseInfo: {
          EnvId: this.envId,
          Status: 'NORMAL',
          Functions: [{ Namespace: this.envId, Region: 'ap-shanghai' }],
          Databases: [{ InstanceId: 'tnt-fake0001', Region: 'ap-shanghai', Status: 'RUNNING' }],
          Storages: [],
          LogServices: [],
        },
        UserInfo: { AppId: '1250000000' },
      },
    }),

    'scf:GetFunction': (body) => {
      const fn = this.fn(body)
      if (!fn) return fail('ResourceNotFound.FunctionName', `函数 ${String(body.FunctionName)} 不存在`)
      const status = fn.Status
      if (status !== 'Active') fn.Status = 'Active'
      const { codeBytes: _c, ...shown } = fn
      return { FunctionName: body.FunctionName, Namespace: this.envId, VpcConfig: { VpcId: '', SubnetId: '' }, ...shown, Status: status }
    },
    'scf:CreateFunction': (body) => {
      if (this.fn(body)) return fail('ResourceInUse.FunctionName', 'function exists')
      this.functions.set(String(body.FunctionName), {
        Runtime: String(body.Runtime),
        Handler: String(body.Handler),
        Timeout: Number(body.Timeout ?? 3),
        MemorySize: Number(body.MemorySize ?? 128),
        InstallDependency: String(body.InstallDependency),
        Environment: (body.Environment as FakeFunction['Environment']) ?? { Variables: [] },
        Triggers: [],
        Status: this.busy('Creating'),
        codeBytes: String((body.Code as { ZipFile?: string } | undefined)?.ZipFile ?? '').length,
      })
      return {}
    },
    'scf:UpdateFunctionCode': (body) => {
      const fn = this.fn(body)
      if (!fn) return fail('ResourceNotFound.FunctionName', 'no such function')
      Object.assign(fn, { Handler: String(body.Handler), Status: this.busy('Updating'), codeBytes: String((body.Code as { ZipFile?: string }).ZipFile ?? '').length })
      return {}
    },
    'scf:UpdateFunctionConfiguration': (body) => {
      const fn = this.fn(body)
      if (!fn) return fail('ResourceNotFound.FunctionName', 'no such function')
      if (body.Runtime !== undefined) return fail('InvalidParameterValue.Runtime', 'the runtime cannot be changed')
      fn.Timeout = Number(body.Timeout ?? fn.Timeout)
      fn.MemorySize = Number(body.MemorySize ?? fn.MemorySize)
      // Replaced as a whole, as SCF does.
      if (body.Environment) fn.Environment = body.Environment as FakeFunction['Environment']
      fn.Status = this.busy('Updating')
      return {}
    },
    'scf:BatchCreateTrigger': (body) => {
      const fn = this.fn(body)
      if (!fn) return fail('ResourceNotFound.FunctionName', 'no such function')
      const triggers = JSON.parse(String(body.Triggers)) as { TriggerName: string; Type: string; TriggerDesc: string }[]
      if (triggers.length !== Number(body.Count)) return fail('InvalidParameter.Count', 'Count does not match Triggers')
      for (const t of triggers) {
        if (fn.Triggers.some((e) => e.TriggerName === t.TriggerName)) return fail('ResourceInUse.Trigger', `trigger ${t.TriggerName} exists`)
        fn.Triggers.push({ TriggerName: t.TriggerName, Type: t.Type, TriggerDesc: JSON.stringify({ cron: t.TriggerDesc }) })
      }
      return {}
    },
    'scf:DeleteTrigger': (body) => {
      const fn = this.fn(body)
      const before = fn?.Triggers.length ?? 0
      if (fn) fn.Triggers = fn.Triggers.filter((t) => t.TriggerName !== body.TriggerName)
      return fn && fn.Triggers.length < before ? {} : fail('ResourceNotFound.Trigger', 'no such trigger')
    },

    'tcb:ListTables': (body) => {
      const names = [...this.tables.keys()]
      const offset = Number(body.MgoOffset ?? 0)
      const limit = Number(body.MgoLimit ?? 100)
      return {
        Tables: names.slice(offset, offset + limit).map((TableName) => ({ TableName, Count: 0, Size: 0, IndexCount: 1, IndexSize: 0 })),
        Pager: { Offset: offset, Limit: limit, Total: names.length },
      }
    },
    'tcb:DescribeTable': (body) => {
      const table = this.table(body)
      if (!table) return fail('ResourceNotFound.TableNotExist', 'collection does not exist')
      return { Indexes: table.indexes.map((i) => ({ ...i, Size: 0, Accesses: { Ops: 0, Since: '' } })), IndexNum: table.indexes.length }
    },
    'tcb:CreateTable': (body) => {
      if (this.table(body)) return fail('ResourceInUse', 'collection exists')
      this.addTable(String(body.TableName))
      return {}
    },
    'tcb:UpdateTable': (body) => {
      const table = this.table(body)
      if (!table) return fail('ResourceNotFound.TableNotExist', 'collection does not exist')
      for (const { IndexName } of (body.DropIndexes as { IndexName: string }[] | undefined) ?? []) {
        if (!table.indexes.some((i) => i.Name === IndexName)) return fail('FailedOperation', `index ${IndexName} not found`)
        table.indexes = table.indexes.filter((i) => i.Name !== IndexName)
      }
      type Create = { IndexName: string; MgoKeySchema: { MgoIsUnique: boolean; MgoIndexKeys: { Name: string; Direction: string }[] } }
      for (const { IndexName, MgoKeySchema } of (body.CreateIndexes as Create[] | undefined) ?? []) {
        // MongoDB refuses a second index under a name in use.
        if (table.indexes.some((i) => i.Name === IndexName)) return fail('FailedOperation', `index ${IndexName} exists`)
        table.indexes.push({ Name: IndexName, Keys: MgoKeySchema.MgoIndexKeys, Unique: MgoKeySchema.MgoIsUnique })
      }
      return {}
    },
    'tcb:DescribeSafeRule': (body) => {
      const table = this.table(body)
      if (!table) return fail('ResourceNotFound', 'collection does not exist')
      if (!body.WxAppId) return fail('InvalidParameter', 'WxAppId is required for a WeChat environment')
      return { AclTag: table.aclTag, Rule: table.rule }
    },
    'tcb:ModifySafeRule': (body) => {
      const table = this.table(body)
      if (!table) return fail('ResourceNotFound', 'collection does not exist')
      table.aclTag = String(body.AclTag)
      table.rule = body.AclTag === 'CUSTOM' ? String(body.Rule) : null
      return {}
    },
  }
}

/** The requests of one action, their bodies. */
export const bodiesOf = (requests: readonly CapturedRequest[], action: string) => requests.filter((r) => r.action === action).map((r) => r.body)
