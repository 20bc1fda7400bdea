// `npm start`: installs what is missing, builds the web UI if needed, then starts the server.
import { checkNode, ensureDeps, ensureWebBuild } from "./ensure.mjs";

const startedAt = performance.now();
checkNode();
ensureDeps();
ensureWebBuild();
const { register } = await import("tsx/esm/api");
register();
const { main } = await import("../src/server/main.ts");
await main({ startedAt });
