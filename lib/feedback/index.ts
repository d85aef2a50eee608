export * from "./templates";
export * from "./truncate";
export * from "./format-feedback";
