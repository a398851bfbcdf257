/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The stylesheet is small: inlined, it no longer blocks the first paint behind a second request.
  experimental: { inlineCss: true },
};

export default nextConfig;
