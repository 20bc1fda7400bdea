// Worker bootstrap: TypeScript runs through tsx in workers too (the server itself is not built).
import { register } from "tsx/esm/api";

register();
await import("./analysis-worker.ts");
