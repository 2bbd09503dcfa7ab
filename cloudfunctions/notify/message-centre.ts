/** Her message centre (消息中心) is her latest messages, this many: what it lists is what marking all read reaches. */
export const CENTRE_SIZE = 200
