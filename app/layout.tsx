import type { Metadata } from "next";
import type { ReactNode } from "react";
import { metricColourCss } from "@/lib/display/palette";
import "./globals.css";

export const metadata: Metadata = {
  // Absolute URLs for the Open Graph and Twitter images: the site's address where it is deployed.
  metadataBase: new URL(process.env.TRADEFIGURES_SITE_URL ?? "http://localhost:3000"),
  title: "Tradefigures",
  description: "Every numeric claim of a trade article, traceable to its sentence.",
  openGraph: { type: "article", siteName: "Tradefigures" },
  twitter: { card: "summary_large_image" },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        {/* The --m-<metric> colours, from the palette; the page CSP's style-src allows an inline style. */}
        <style>{metricColourCss()}</style>
      </head>
      <body>{children}</body>
    </html>
  );
}
