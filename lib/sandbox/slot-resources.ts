import { SlotCgroup } from "./cgroups";
import type { SandboxSlot } from "./engine-context";
import { SlotUserNamespace } from "./slot-userns";

/** What a slot makes once and keeps: its cgroups (cgroups.ts) and two-uid user namespace (slot-userns.ts). */
export interface SlotResources {
  cgroup: SlotCgroup | null;
  userns: SlotUserNamespace | null;
}

const NONE: SlotResources = { cgroup: null, userns: null };

/** The slot's resources, made on its first use (root only; otherwise none). */
export function slotResources(slot: SandboxSlot, python: string): Promise<SlotResources> {
  slot.resources ??= create(slot, python);
  return slot.resources;
}

async function create(slot: SandboxSlot, python: string): Promise<SlotResources> {
  if (slot.uid === null || slot.testUid === null) return NONE;
  let cgroup: SlotCgroup | null = null;
  try {
    cgroup = SlotCgroup.create(`uid-${slot.uid}`);
  } catch (err) {
    warnNoCgroup((err as Error).message);
  }
  let userns: SlotUserNamespace | null = null;
  try {
    userns = await SlotUserNamespace.create(python, slot.uid, slot.testUid);
  } catch (err) {
    warnNoUserns((err as Error).message);
  }
  return { cgroup, userns };
}

let warned = false;
let warnedCgroup = false;

function warnNoCgroup(reason: string): void {
  if (warnedCgroup) return;
  warnedCgroup = true;
  console.warn(`\n[rlef sandbox] !!! cannot make a slot's cgroups (${reason}): memory is bounded by RLIMIT_AS only.\n`);
}

function warnNoUserns(reason: string): void {
  if (warned) return;
  warned = true;
  console.warn(
    `\n[rlef sandbox] !!! cannot make the slots' two-uid user namespaces (${reason}).\n` +
      "[rlef sandbox] !!! Test programs then share the supervisor's uid and scratch dirs are wiped instead of fresh per test.\n",
  );
}

/** Close the slot's fds and remove its cgroups. */
export async function releaseSlotResources(slot: SandboxSlot): Promise<void> {
  const pending = slot.resources;
  slot.resources = null;
  const resources = await pending?.catch(() => NONE);
  resources?.cgroup?.close();
  resources?.userns?.close();
}
