/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships a WASM build and postgres-js opens sockets: both must stay as real
  // node_modules at run time rather than being bundled.
  serverExternalPackages: ["@electric-sql/pglite", "postgres"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
