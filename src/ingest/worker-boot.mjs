// Worker threads do not inherit the tsx loader the CLI registered on the main thread; this
// bootstrap registers it, then loads the TypeScript worker module named in workerData.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
