import type { HandlerMap } from './ipc/handle';

export interface HandlerDeps {
  appName: string;
  appVersion: string;
  versions: Record<string, string>;
}

/** Builds the handler map from the services; plain Node, so the e2e harness serves the same map. */
export function createHandlers(deps: HandlerDeps): HandlerMap {
  return {
    'app:info': async () => ({ name: deps.appName, version: deps.appVersion, versions: deps.versions }),
  };
}
