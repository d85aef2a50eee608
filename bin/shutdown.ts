/**
 * Run cleanup once on SIGINT/SIGTERM (or when the returned function is called), then exit with
 * exitCode() (0 unless the caller says otherwise, e.g. `rlef start` giving up on a crashing child).
 */
export function onShutdown(cleanup: () => Promise<void>, exitCode: () => number = () => 0): (why: string) => Promise<void> {
  let stopping = false;
  const shutdown = async (why: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n[rlef] ${why}: shutting down…`);
    try {
      await cleanup();
    } catch (err) {
      console.error(err);
    }
    process.exit(exitCode());
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  return shutdown;
}
