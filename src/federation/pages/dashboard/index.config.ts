export default definePageConfig({ enablePageMeta: true, navigationBarTitleText: '数据看板', enablePullDownRefresh: true })
