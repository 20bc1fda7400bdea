import { ZodError } from "zod";
import { ConfigError } from "./config";
import { BackupFileError } from "./db/backup";
import { DatabaseOpenError } from "./db/client";
import { DataDirBusyError } from "./db/lock";
import { AppError } from "./errors";

/** Prints a known error plainly (no stack trace) and exits 1; unknown errors keep their stack. */
export function exitWithError(err: unknown): never {
  if (typeof err === "string") console.error(`kyoso: ${err}`);
  else if (err instanceof ConfigError) console.error(err.message);
  else if (
    err instanceof DatabaseOpenError ||
    err instanceof DataDirBusyError ||
    err instanceof BackupFileError
  )
    console.error(`kyoso: ${err.message}`);
  else if (err instanceof ZodError) {
    console.error(
      `kyoso: invalid input:\n${err.issues.map((i) => `  - ${i.path.join(".") || "(input)"}: ${i.message}`).join("\n")}`,
    );
  } else if (err instanceof AppError) {
    console.error(`kyoso: ${err.message}`);
  } else console.error("kyoso: unexpected error:", err);
  process.exit(1);
}
