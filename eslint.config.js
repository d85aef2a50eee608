// ESLint (flat config): typescript-eslint, the React hooks rules, and the layering's import rules.
// The folder-cycle and database rules need the whole graph and the schema: scripts/structure/structure.test.ts.
import js from "@eslint/js";
import { importX } from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

/** lib/ is framework-free (docs/decisions/0006-layering.md); relative and `@/` spellings both caught. */
const libRestrictions = {
  paths: [
    { name: "next", message: "lib/ is framework-free: keep Next in app/ or components/." },
    { name: "react", message: "lib/ is framework-free: keep React in components/." },
    { name: "react-dom", message: "lib/ is framework-free: keep React in components/." },
  ],
  patterns: [
    { group: ["next/*", "react/*", "react-dom/*"], message: "lib/ is framework-free." },
    {
      group: ["@/app/*", "@/components/*", "@/workers/*", "@/bin/*", "**/../app/*", "**/../components/*", "**/../workers/*", "**/../bin/*"],
      message: "lib/ must not import app/, components/, workers/ or bin/.",
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      ".next/",
      ".data/",
      "lib/db/generated/",
      "trainer/",
      "bench/out/",
      "e2e/screenshots/",
      "playwright-report/",
      "test-results/",
      "next-env.d.ts",
      "**/*.js",
      "!eslint.config.js",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks, "import-x": importX },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      // an empty catch is this code's "best effort" (kill a process group that may be gone already)
      "no-empty": ["error", { allowEmptyCatch: true }],
      "import-x/first": "error",
      "import-x/no-duplicates": "error",
      "import-x/no-mutable-exports": "error",
      "import-x/no-absolute-path": "error",
      // `_`-prefixed names are deliberate: an unused callback parameter, a destructured field left out
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ["lib/**/*.{ts,tsx}"],
    ignores: ["lib/**/*.test.ts", "lib/actions/next-cookie-jar.ts"],
    rules: { "no-restricted-imports": ["error", libRestrictions] },
  },
  {
    // Playwright fixtures receive a `use` callback, which is not React's `use`
    files: ["e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/app/*", "**/../app/*"], message: "components/ must not import app/ (routes import components)." }] },
      ],
    },
  },
);
