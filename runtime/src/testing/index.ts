import './provided-context';

export * from './quick-scenario';
export * from './test-stack';
