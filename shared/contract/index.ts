export * from './names';
export * from './errors';
export * from './commands';
export * from './events';
export * from './notification';
export * from './receiver';
export * from './app-info';
export * from './bridge';
