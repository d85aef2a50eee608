import type { Role } from "../db/generated/enums";

/** The roles an action or page can require, lowest first. Each includes everything below it. */
export const ROLE_NAMES = ["viewer", "annotator", "admin"] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

const RANK: Record<RoleName, number> = { viewer: 0, annotator: 1, admin: 2 };

export function roleEnumOf(name: RoleName): Role {
  return name.toUpperCase() as Role;
}

export function hasRole(userRole: Role | RoleName, required: RoleName): boolean {
  const name = userRole.toLowerCase() as RoleName;
  return RANK[name] >= RANK[required];
}

/**
 * What each kind of work needs, in one place. Launching spends GPU hours and endpoints hold API
 * keys, so both are admin work; annotators label failures; viewers read.
 */
export const PERMISSIONS = {
  read: "viewer",
  annotate: "annotator",
  launchRuns: "admin",
  manageEndpoints: "admin",
  manageUsers: "admin",
  manageLabels: "admin",
  /** importing rewrites shared data every run reads */
  importDatasets: "admin",
} as const satisfies Record<string, RoleName>;
