import type {} from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `host:port` of the Temporal dev server shared by every test file. */
    temporalAddress: string;
  }
}
