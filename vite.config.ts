import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The SPA lives in src/web and is built to dist/web, which the server serves on the same port.
// `npm run dev:web` is not needed: `npm start` rebuilds when sources changed.
export default defineConfig({
  root: "src/web",
  plugins: [react()],
  build: {
    outDir: "../../dist/web",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { "/api": "http://localhost:3000", "/healthz": "http://localhost:3000" } },
});
