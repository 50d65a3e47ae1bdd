import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.js'],
    restoreMocks: true, // undo vi.spyOn between tests
    unstubGlobals: true, // undo vi.stubGlobal (fetch, WebSocket, IntersectionObserver)
    testTimeout: 15000, // user-event tests are slow on small CI machines
  },
});
