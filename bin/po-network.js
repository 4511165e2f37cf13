#!/usr/bin/env node
// Entry of the `po-network` command: registers the TypeScript loader, then runs the CLI.
import { register } from "tsx/esm/api";

register();
process.env.PO_NETWORK_CLI = "1";
await import("../src/cli/main.ts");
