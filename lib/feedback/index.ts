export * from "./templates";
export * from "./truncate";
export * from "./format-feedback";
export { programStackTrace } from "./stack-trace";
