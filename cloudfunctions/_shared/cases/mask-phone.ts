/** 13812345678 → 138****5678: enough to recognise, not enough to call. */
export const maskPhone = (phone: string) => (phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****')
