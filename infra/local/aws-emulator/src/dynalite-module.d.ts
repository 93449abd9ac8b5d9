// dynalite ships no types; this covers the part the tests use (see node_modules/dynalite/index.js).
declare module 'dynalite' {
  import type { Server } from 'node:http';

  interface DynaliteOptions {
    /** Time tables stay CREATING; default 500. */
    createTableMs?: number;
    deleteTableMs?: number;
    updateTableMs?: number;
    /** LevelDB directory; default in memory. */
    path?: string;
    maxItemSizeKb?: number;
    verbose?: boolean;
  }

  function dynalite(options?: DynaliteOptions): Server;
  export = dynalite;
}
