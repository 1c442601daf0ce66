export * from './people';
export * from './workspace';
export * from './customers';
export * from './revenue';
export * from './usage';
export * from './engagement';
export * from './imports';
export * from './revenue-facts';
