#!/usr/bin/env node
// The kyoso command line (`npx kyoso …`): the same code and configuration as the server.
import { register } from "tsx/esm/api";

register();
const { runCli } = await import("../src/cli/index.ts");
await runCli(process.argv);
