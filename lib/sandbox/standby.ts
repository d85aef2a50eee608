import type { SandboxSlot } from "./engine-context";
import { sandboxKey, WarmSandbox, type SandboxConfig } from "./warm-sandbox";

/** The slot's standby sandbox when it is alive and started under these settings, else a new one. */
export async function acquireSandbox(slot: SandboxSlot, config: SandboxConfig): Promise<WarmSandbox> {
  const pending = slot.standby;
  slot.standby = null;
  if (pending) {
    const standby = await pending.catch(() => null);
    if (standby && !standby.exited && standby.key === sandboxKey(config)) return standby;
    await standby?.dispose();
  }
  return WarmSandbox.start(config, slot);
}

/** Start the slot's next sandbox now, to be picked up by its next submission. */
export function prepareStandby(slot: SandboxSlot, config: SandboxConfig): void {
  if (!slot.prewarm || slot.standby) return;
  const starting = WarmSandbox.start(config, slot);
  starting.catch(() => {}); // a failed standby is replaced at the next acquireSandbox
  slot.standby = starting;
}
