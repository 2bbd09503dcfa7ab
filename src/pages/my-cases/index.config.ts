export default definePageConfig({ enablePageMeta: true, navigationBarTitleText: '我的反映', enablePullDownRefresh: true })
