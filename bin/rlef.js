#!/usr/bin/env node
// The `rlef` CLI. TypeScript is run through tsx so the CLI, the worker and the
// app share lib/ without a separate build step.
import { register } from "tsx/esm/api";

register();
await import("./cli.ts");
