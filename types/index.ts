export * from './enums'
export * from './envelope'
export * from './contract'
export * from './account.contract'
