import { parentPort, workerData } from "node:worker_threads";
import { prepareTranscriptFile } from "./use-cases/prepare-file.ts";

/** The source hash of every imported transcript, by slug (sent once when the worker starts). */
const known = new Map<string, string>(workerData.hashes as Array<[string, string]>);

parentPort!.on("message", (msg: { id: number; name: string; text: string }) => {
  let outcome;
  try {
    outcome = prepareTranscriptFile(msg.name, msg.text, (slug) => known.get(slug));
  } catch (e) {
    outcome = { kind: "error", file: msg.name, line: 0, message: (e as Error).message };
  }
  parentPort!.postMessage({ id: msg.id, outcome });
});
parentPort!.postMessage({ ready: true });
