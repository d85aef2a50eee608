import fs from "node:fs";
import path from "node:path";
import { withEnvDocs } from "../lib/config/env-docs";

// Rewrites the README's configuration tables from lib/config/env.ts (lib/config/env.test.ts checks they agree).
const file = path.resolve(import.meta.dirname, "..", "README.md");
const before = fs.readFileSync(file, "utf8");
const after = withEnvDocs(before);
fs.writeFileSync(file, after);
console.log(before === after ? "README.md: configuration tables already up to date" : "README.md: configuration tables rewritten");
