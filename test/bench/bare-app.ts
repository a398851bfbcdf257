// A bare Next.js App Router page, the yardstick the benchmarks measure this app against: the same Next.js, the same
// compiler options, nothing of ours.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "../e2e/server.ts";

const BARE_FILES: Record<string, string> = {
  "package.json": JSON.stringify({ name: "bare-next-page", private: true, type: "module" }, null, 2),
  // The symlinked node_modules lives outside this directory: Turbopack must be allowed to read it.
  "next.config.mjs": `export default { reactStrictMode: true, poweredByHeader: false, turbopack: { root: "/" }, outputFileTracingRoot: "/" };\n`,
  "app/layout.tsx": [
    `import type { ReactNode } from "react";`,
    ``,
    `export const metadata = { title: "Hello" };`,
    ``,
    `export default function RootLayout({ children }: { children: ReactNode }) {`,
    `  return (`,
    `    <html lang="en">`,
    `      <body>{children}</body>`,
    `    </html>`,
    `  );`,
    `}`,
    ``,
  ].join("\n"),
  "app/page.tsx": `export default function Page() {\n  return <main>Hello</main>;\n}\n`,
};

/** A bare App Router page in a temporary directory, sharing this project's node_modules and compiler options. */
export function createBareApp(): string {
  const dir = mkdtempSync(join(tmpdir(), "tradefigures-bare-next-"));
  mkdirSync(join(dir, "app"));
  for (const [file, text] of Object.entries(BARE_FILES)) writeFileSync(join(dir, file), text);
  const tsconfig = JSON.parse(readFileSync(join(REPO_ROOT, "tsconfig.json"), "utf8")) as {
    compilerOptions: Record<string, unknown>;
  };
  delete tsconfig.compilerOptions.paths;
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify(
      {
        compilerOptions: tsconfig.compilerOptions,
        include: ["next-env.d.ts", "**/*.ts", "**/*.tsx", ".next/types/**/*.ts"],
        exclude: ["node_modules"],
      },
      null,
      2,
    ),
  );
  symlinkSync(join(REPO_ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}

export function removeBareApp(dir: string): void {
  unlinkSync(join(dir, "node_modules")); // the link only: never the project's packages
  rmSync(dir, { recursive: true, force: true });
}
