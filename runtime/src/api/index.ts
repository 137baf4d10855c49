export { createApi } from './create-api';
export type { ApiApp, ApiDependencies, ApiEnv } from './api-dependencies';
export { ApiError, type ApiErrorBody, type ApiIssue } from './api-error';
