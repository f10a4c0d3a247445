#!/usr/bin/env node
// The `kyc-desk` command: runs the TypeScript CLI through tsx, from any working directory.
const { join } = require('node:path');
require('tsx/cjs/api').register();
require(join(__dirname, '..', 'src', 'cli', 'index.ts'));
