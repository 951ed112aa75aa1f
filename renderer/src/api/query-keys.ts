/** Every react-query key in one place, so live updates and screens agree on them. */
export const queryKeys = {
  notifications: ['notifications', 'list'] as const,
  notification: (id: number) => ['notifications', 'detail', id] as const,
  receiverStatus: ['receiver', 'status'] as const,
  appInfo: ['app', 'info'] as const,
  queryProgress: (runId: number) => ['query', 'progress', runId] as const,
};
