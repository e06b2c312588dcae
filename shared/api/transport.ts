/** The single IPC channel that carries every contract call. */
export const IPC_CHANNEL = 'radio-code-desk:api'
/** Channel prefix for main-to-renderer events. */
export const IPC_EVENT_CHANNEL = 'radio-code-desk:event'
