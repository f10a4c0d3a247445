// The names alone, without schemas, so the preload bundle stays tiny and free of zod.
export const requestChannels = [
  'app:info',
  'app:storage',
  'cache:status',
  'cache:recovery-code',
  'cache:backup-now',
  'settings:get',
  'settings:set',
  'workspaces:list',
  'workspaces:create-demo',
  'workspaces:probe',
  'workspaces:add',
  'workspaces:update',
  'workspaces:remove',
  'workspaces:activate',
  'workspaces:test',
  'workspaces:setups',
  'cases:create',
  'cases:list',
  'cases:get',
  'cases:refresh',
  'cases:viewing',
  'cases:image',
  'link:qr',
  'link:copied',
  'link:qr-shown',
  'link:open',
  'review:decide',
  'review:decisions',
  'audit:list',
  'audit:verify',
  'sync:status',
  'sync:set-polling',
  'sync:now',
  'lock:status',
  'lock:set-pin',
  'lock:clear-pin',
  'lock:now',
  'lock:unlock',
  'lock:activity',
  'export:case-pdf',
  'export:register-csv',
  'retention:get',
  'retention:set',
  'retention:run',
  'cases:redact',
  'cases:import',
  'rescue:problem',
  'rescue:recover',
  'rescue:restore-latest',
  'rescue:discard',
  'rescue:restart',
  'team:status',
  'team:sync',
  'team:join',
  'team:case',
  'team:queue',
  'team:approve',
  'team:send-back',
  'team:assign',
  'team:release',
  'team:cross-check',
] as const;

export const eventChannels = [
  'cases:changed',
  'sync:status',
  'workspaces:changed',
  'settings:changed',
  'app:navigate',
  'lock:changed',
] as const;

export type RequestChannel = (typeof requestChannels)[number];
export type EventChannel = (typeof eventChannels)[number];

export function isRequestChannel(value: unknown): value is RequestChannel {
  return typeof value === 'string' && (requestChannels as readonly string[]).includes(value);
}

export function isEventChannel(value: unknown): value is EventChannel {
  return typeof value === 'string' && (eventChannels as readonly string[]).includes(value);
}
