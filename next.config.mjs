/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships a WASM build and postgres-js opens sockets: both must stay as real
  // node_modules at run time rather than being bundled.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "undici"],
  poweredByHeader: false,
  // The dev server is opened as http://127.0.0.1:3000 (HOST); let its dev resources load from there.
  allowedDevOrigins: ["127.0.0.1", "localhost"],
  typedRoutes: false,
};

export default nextConfig;
