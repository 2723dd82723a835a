import { CorpusError } from "../corpus/load.js";
import { ConfigError } from "../config.js";

/**
 * Run an entry point's body: known errors print one clear line (no stack), others their stack; the exit code is
 * set here, in the entry point, and nowhere else.
 */
export async function runMain(body: () => Promise<number | void>): Promise<void> {
  try {
    const code = await body();
    if (typeof code === "number") process.exitCode = code;
  } catch (error) {
    if (error instanceof CorpusError || error instanceof ConfigError) {
      process.stderr.write(`error: ${error.message}\n`);
    } else {
      process.stderr.write(`error: ${(error as Error)?.stack ?? String(error)}\n`);
    }
    process.exitCode = 1;
  }
}
