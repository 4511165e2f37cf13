// A worker thread that prepares transcript files for an import (see preparer.ts). Plain JavaScript so
// it starts the same way however the parent was started: it registers the TypeScript loader itself.
import { register } from "tsx/esm/api";

register();
await import("./prepare-worker-main.ts");
