import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Browser tests against a running production server (E2E_BASE_URL); start them with `npm run test:e2e`.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL("../..", import.meta.url)),
    include: ["test/e2e/**/*.e2e.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 30_000,
    fileParallelism: false,
    reporters: ["default", "json"],
    outputFile: { json: "test/.artifacts/e2e.json" },
  },
});
