/** The cache's data access: every SQL statement of the app lives in these modules. */
export * as audit from './audit';
export * as cases from './cases';
export * as decisions from './decisions';
export * as images from './images';
export * as kyc from './kyc';
export * as lifecycle from './lifecycle';
export * as schedule from './schedule';
export * as settings from './settings';
export * as syncErrors from './sync-errors';
export * as workspaces from './workspaces';
