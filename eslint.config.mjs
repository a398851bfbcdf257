// The lint enforces the shape of the code, not its style (Prettier owns that): which folder may import which,
// no import cycles, and no React, Next or Node built-ins where the code must run anywhere.
import tseslint from "typescript-eslint";
import importX from "eslint-plugin-import-x";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";

/** lib/'s folders, each one concern; schema.ts, enums.ts, defaults.ts and sizes.ts at the root are the shared vocabulary. */
const LIB_FOLDERS = ["extract", "input", "export", "chart", "explore", "store", "display", "server"];
const NOT_REACT_OR_NEXT = [
  { group: ["react", "react/*", "react-dom", "react-dom/*"], message: "lib/ is plain TypeScript: no React." },
  { group: ["next", "next/*"], message: "lib/ is plain TypeScript: no Next." },
];
const NOT_NODE = [{ group: ["node:*"], message: "Only lib/server is Node-only; this code also runs in the browser." }];

/** A folder of lib/ may import only the folders named here (besides itself and the shared vocabulary). */
const LIB_MAY_IMPORT = {
  extract: [],
  input: [],
  // The CSV gives US$ equivalents at the rates the money chart draws with, and a chart's own CSV reads its layout.
  export: ["chart"],
  chart: ["display"],
  explore: ["display"],
  store: [],
  display: [],
  server: ["extract", "input", "export", "chart", "explore", "store", "display"],
};

const libZones = Object.entries(LIB_MAY_IMPORT).flatMap(([folder, allowed]) => [
  ...LIB_FOLDERS.filter((other) => other !== folder && !allowed.includes(other)).map((other) => ({
    target: `./lib/${folder}`,
    from: `./lib/${other}`,
    message: `lib/${folder} may not import lib/${other} (see the header of lib/${folder}'s main file).`,
  })),
]);

export default tseslint.config(
  {
    ignores: ["node_modules/", ".next/", ".next-bench/", "test/.artifacts/", "next-env.d.ts"],
  },
  {
    files: ["**/*.{ts,tsx,mjs}"],
    languageOptions: { parser: tseslint.parser, ecmaVersion: "latest", sourceType: "module" },
    plugins: { "import-x": importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      "import-x/resolver": undefined,
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json" })],
    },
    rules: {
      "import-x/no-cycle": "error",
      "import-x/no-self-import": "error",
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            ...libZones,
            { target: "./lib", from: "./app", message: "lib/ never imports the app." },
            { target: "./lib", from: "./test", message: "lib/ never imports tests or benchmarks." },
            {
              target: "./app",
              from: "./test",
              except: [],
              message: "Only the benchmark pages (app/bench) may use test code.",
            },
          ],
        },
      ],
    },
  },
  // The benchmark pages are built only for the benchmarks (next.config.mjs), so they may use its generators.
  { files: ["app/bench/**"], rules: { "import-x/no-restricted-paths": "off" } },
  {
    files: ["lib/**/*.ts"],
    ignores: ["lib/server/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [...NOT_REACT_OR_NEXT, ...NOT_NODE] }] },
  },
  {
    files: ["lib/server/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: NOT_REACT_OR_NEXT }] },
  },
  // Browser-side code (client components, the worker and its protocol) never reaches server-only code. Server
  // components (pages, the layout, ArticlePage) and route handlers may.
  {
    files: ["app/**/*.{ts,tsx}"],
    ignores: [
      "app/**/page.tsx",
      "app/**/route.ts",
      "app/**/opengraph-image.tsx",
      "app/layout.tsx",
      "app/_components/ArticlePage.tsx",
      "app/_components/og-image.tsx",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/lib/server/*", "@/lib/server/*"], message: "Browser-side code may not import lib/server." },
            ...NOT_NODE,
          ],
        },
      ],
    },
  },
);
