export default defineAppConfig({
  pages: ['pages/home/index', 'pages/my-cases/index', 'pages/messages/index', 'pages/report/index', 'pages/case/index', 'pages/privacy/index', 'pages/join/index', 'pages/announcements/index'],
  // WeChat's privacy gate: privacy-related APIs wait for the agreement (see features/privacy).
  __usePrivacyCheck__: true,
  // Voice input on the report form, only once the mini-program has added WeChat's 同声传译 plugin in its
  // console (a plugin not added there stops the whole mini-program from loading): its version, there.
  ...(process.env.TARO_APP_WECHATSI_VERSION
    ? { plugins: { WechatSI: { version: process.env.TARO_APP_WECHATSI_VERSION, provider: 'wx069ba97219f66d99' } } }
    : {}),
  // Work screens for conveners and cadres load only when opened: the resident's main package stays small.
  subPackages: [{ root: 'federation', pages: ['pages/inbox/index', 'pages/dashboard/index', 'pages/ranking/index', 'pages/cases/index', 'pages/invite/index', 'pages/audit/index', 'pages/knowledge/index'] }, { root: 'council', pages: ['pages/inbox/index', 'pages/create/index', 'pages/deliberation/index'] }, { root: 'survey', pages: ['pages/list/index', 'pages/detail/index'] }],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c2185b',
    navigationBarTitleText: '妇女议事会',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f7f3f5',
  },
  // H5 only: no slide between pages (screens settle at once; also what the browser tests capture).
  animation: false,
  tabBar: {
    color: '#555555',
    selectedColor: '#c2185b',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/home/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/my-cases/index', text: '我的反映', iconPath: 'assets/tab/cases.png', selectedIconPath: 'assets/tab/cases-active.png' },
      { pagePath: 'pages/messages/index', text: '消息', iconPath: 'assets/tab/messages.png', selectedIconPath: 'assets/tab/messages-active.png' },
    ],
  },
})
