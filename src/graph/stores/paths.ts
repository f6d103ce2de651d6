import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's cypher/ folder, found from this file so it works from any working directory. */
export const CYPHER_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'cypher');
