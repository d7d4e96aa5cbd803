import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 600_000,
    // Integration tests run terraform, moto, HAProxy and timing-sensitive captures: one file at a time on 2 cores.
    fileParallelism: false,
    reporters: ['default'],
    // The SDK's notice that releases after January 2027 need Node 22 would bury the test output.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
