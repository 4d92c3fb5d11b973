import { defineConfig } from 'vitest/config'

/**
 * Property tests run `ZJ_PROPERTY_SCALE` times their usual number of cases (for a longer hunt), and
 * take that much longer.
 */
const scale = Math.max(1, Number(process.env.ZJ_PROPERTY_SCALE ?? 1) || 1)

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts'],
    // Generous, for a busy machine: there the longest property tests and the builds the tests make
    // take over a minute (a third of these); only a test that hangs takes it all.
    testTimeout: 180_000 * scale,
    hookTimeout: 180_000,
    // What `expect.poll` waits for (a panel whose module loads on first use, compiled then) can
    // take seconds on a busy machine.
    expect: { poll: { timeout: 30_000 } },
  },
})
