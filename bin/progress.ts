import cliProgress from "cli-progress";

/** A progress bar on stderr (stdout stays clean for --json); silent when stderr is not a terminal and quiet is asked. */
export function createProgressBar(label: string, opts: { quiet?: boolean } = {}) {
  if (opts.quiet) return { update: (_d: number, _t: number, _e?: number) => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} episodes | {errored} errored | {duration_formatted}`,
      stream: process.stderr,
      noTTYOutput: true,
      notTTYSchedule: 5000,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done: number, total: number, errored = 0) {
      if (!started) {
        bar.start(total, done, { errored });
        started = true;
      }
      bar.setTotal(total);
      bar.update(done, { errored });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
