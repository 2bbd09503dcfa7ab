export default definePageConfig({ enablePageMeta: true, navigationBarTitleText: '隐私说明' })
