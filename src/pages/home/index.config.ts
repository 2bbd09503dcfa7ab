export default definePageConfig({ navigationBarTitleText: '妇女议事会' })
