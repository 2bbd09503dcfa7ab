export default definePageConfig({ enablePageMeta: true, navigationBarTitleText: '月度排名', enablePullDownRefresh: true })
