/** Every react-query key in one place, so live updates and screens agree on them. */
export const queryKeys = {
  notifications: ['notifications', 'list'] as const,
  notificationList: (filter: object) => ['notifications', 'list', filter] as const,
  endpoints: ['endpoints'] as const,
  views: ['views'] as const,
  subscriptions: ['subscriptions'] as const,
  hydrations: (id: number) => ['notifications', 'hydrations', id] as const,
  replays: (id: number) => ['notifications', 'replays', id] as const,
  notification: (id: number) => ['notifications', 'detail', id] as const,
  receiverStatus: ['receiver', 'status'] as const,
  appInfo: ['app', 'info'] as const,
  queryProgress: (runId: number) => ['query', 'progress', runId] as const,
  connections: ['connections', 'list'] as const,
  connection: (id: string) => ['connections', 'detail', id] as const,
  connectionCapabilities: (id: string) => ['connections', 'capabilities', id] as const,
  connectionJwks: (id: string) => ['connections', 'jwks', id] as const,
  requestLog: (id: string) => ['requestLog', id] as const,
};
