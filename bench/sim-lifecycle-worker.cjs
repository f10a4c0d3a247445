// Worker entry: Node 20 workers do not inherit tsx's loader, so register it here, then run the TS file.
require('tsx/cjs/api').register();
require('./sim-lifecycle-worker.ts');
