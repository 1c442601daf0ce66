/** CSM capacity planning: books of business, rebalancing proposals and hiring need. */
export * from './capacity-settings';
export * from './csm-books';
export * from './hiring-need';
export * from './rebalance';
export * from './workload-units';
