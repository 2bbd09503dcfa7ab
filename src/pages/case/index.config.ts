export default definePageConfig({ enablePageMeta: true, navigationBarTitleText: '办理进度', enablePullDownRefresh: true })
