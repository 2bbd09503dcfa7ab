/**
 * How a function's code reaches a WeChat open API that needs a `permissions.openapi` entry: only
 * through a port of `Deps` (cloudfunctions/_shared/context/deps.ts), which the production entry
 * (cloudfunctions/_shared/runtime/cloud-entry.ts) wires to a wx-server-sdk adapter. A function can
 * reach the API when code it runs uses the port (checks/open-api.reach.ts).
 *
 * The group resolver (`groups`, `cloud.getOpenData`) is not here: it is a svrkit call, which needs no
 * permission (tools/cloud-emulator/openapi/README.md, "Permissions"). tests/deploy/declarations.test.ts
 * proves this table against the adapters and the wiring, and fails on an open API call it does not list.
 */
export const OPEN_API_ROUTES = [
  {
    api: 'security.msgSecCheck',
    port: 'contentGuard',
    adapter: 'cloudfunctions/_shared/adapters/wechat/msg-sec-check.guard.ts',
    factory: 'msgSecCheckGuard',
  },
  {
    api: 'security.mediaCheckAsync',
    port: 'mediaGuard',
    adapter: 'cloudfunctions/_shared/adapters/wechat/media-check.guard.ts',
    factory: 'mediaCheckGuard',
  },
  {
    api: 'subscribeMessage.send',
    port: 'messenger',
    adapter: 'cloudfunctions/_shared/adapters/wechat/subscribe.messenger.ts',
    factory: 'subscribeMessenger',
  },
  {
    api: 'updatableMessage.createActivityId',
    port: 'shareCards',
    adapter: 'cloudfunctions/_shared/adapters/wechat/updatable-message.share-cards.ts',
    factory: 'updatableMessageShareCards',
  },
  {
    api: 'updatableMessage.setUpdatableMsg',
    port: 'shareCards',
    adapter: 'cloudfunctions/_shared/adapters/wechat/updatable-message.share-cards.ts',
    factory: 'updatableMessageShareCards',
  },
] as const

export type OpenApiRoute = (typeof OPEN_API_ROUTES)[number]
export type OpenApiName = OpenApiRoute['api']
