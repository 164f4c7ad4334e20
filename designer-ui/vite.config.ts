/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// base './' keeps every asset URL relative, so the UI works under any servlet context path.
// PLACEMAT_UI_OUT_DIR lets the Maven build write straight into target/classes/static.
export default defineConfig({
  base: './',
  plugins: [react()],
  build: {
    outDir: process.env.PLACEMAT_UI_OUT_DIR || 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/webhooks': 'http://localhost:8080',
      '/actuator': 'http://localhost:8080',
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    css: false,
    include: ['src/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
  },
});
