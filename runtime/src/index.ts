export * from './dev/temporal-cli';
export * from './dev/temporal-dev-server';
export * from './dev/free-port';
export * from './dev/wait-for-port';
