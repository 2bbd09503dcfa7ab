// Three kinds of test, one runner. TZ is set by scripts/test.mjs: deadlines are in China time.
const taroH5 = {
  moduleNameMapper: {
    '^@tarojs/components$': '@tarojs/components/lib/react',
    '^@tarojs/taro$': '@tarojs/taro-h5',
    '^lodash-es(/.*)?$': 'lodash$1',
    // Taro's React components bundle an ESM-only tslib copy; the root one is CommonJS.
    '(^tslib$|/tslib/tslib\.es6\.js$)': '<rootDir>/node_modules/tslib/tslib.js',
    '\\.(css|scss)$': '<rootDir>/tests/support/style-stub.js',
  },
  globals: {
    ENABLE_INNER_HTML: true,
    ENABLE_ADJACENT_HTML: true,
    ENABLE_TEMPLATE_CONTENT: true,
    ENABLE_CLONE_NODE: true,
    ENABLE_CONTAINS: true,
    ENABLE_SIZE_APIS: false,
    ENABLE_MUTATION_OBSERVER: false,
    DEPRECATED_ADAPTER_COMPONENT: false,
  },
  transform: { '^.+\\.(mjs|[jt]sx?)$': 'babel-jest' },
  // Compile Taro and friends (ESM, with ESM copies nested in their own node_modules/.pnpm) and
  // leave the rest of node_modules alone.
  transformIgnorePatterns: [
    '^(?!.*/node_modules/(@tarojs|@stencil|@nutui|nanoid|swiper|ssr-window|dom7|query-string|decode-uri-component|split-on-first|filter-obj)/).*/node_modules/',
  ],
}

// Generous per-test time (every project): a shared 2-core machine, and nothing here asserts speed.
// Jest reads testTimeout from the top level only (a project's own is ignored), so it is set there too:
// a host started with its demo cases takes seconds on the production path.
const common = { testTimeout: 60_000 }

module.exports = {
  testTimeout: common.testTimeout,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts', '<rootDir>/tests/contract/**/*.test.ts', '<rootDir>/tests/deploy/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
    },
    {
      ...common,
      // The production path: the CloudBase emulator, the function runner, and the built bundles on them.
      displayName: 'cloud',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/emulator/**/*.test.ts', '<rootDir>/tests/cloud/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'ui',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/ui/**/*.test.tsx'],
      setupFiles: ['<rootDir>/tests/support/taro-env.js'],
      ...taroH5,
    },
    {
      ...common,
      displayName: 'weapp',
      // miniprogram-simulate renders WXML into a DOM.
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/weapp/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/e2e/**/*.e2e.ts'],
    },
  ],
}
