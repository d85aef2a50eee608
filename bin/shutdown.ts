/** Run cleanup once on SIGINT/SIGTERM, then exit. */
export function onShutdown(cleanup: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n[rlef] ${signal}: shutting down…`);
    cleanup()
      .catch((err) => console.error(err))
      .finally(() => process.exit(0));
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
}
