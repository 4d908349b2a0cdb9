import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

export default mergeConfig(
  shared,
  defineConfig({
    test: {
      // One PostgreSQL server for the run (PLEXMCP_TEST_DATABASE_URL, or a throwaway cluster),
      // so storage, service and route tests run on PostgreSQL as well as SQLite.
      globalSetup: ['./src/testing/global-setup.ts'],
      // Cluster start plus CREATE DATABASE can exceed the default 10 s on a loaded machine.
      hookTimeout: 30_000,
    },
  }),
);
