import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";

export const metadata: Metadata = { title: "Not found · Tradefigures" };

/** Rendered per request, like every page: its scripts need the request's CSP nonce (see proxy.ts). */
export default async function NotFound() {
  await connection();
  return (
    <main>
      <h1>Page not found</h1>
      <p>
        There is no page at this address. <Link href="/">Back to the bundled article</Link>.
      </p>
    </main>
  );
}
