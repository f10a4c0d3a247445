export type * from './audit';
export type * from './case';
export type * from './json';
export type * from './workspace';
export type * from './decision';
