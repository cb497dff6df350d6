// Runs the shared Store conformance suite against PostgreSQL: one throwaway cluster, a new database per test.
import { after, before, describe } from 'node:test';
import { storeConformance } from '../store.conformance.ts';
import { PostgresStore } from './store.ts';
import { startPostgresCluster, type PostgresCluster } from './test-support.ts';

describe('PostgresStore', () => {
  let cluster: PostgresCluster;
  before(async () => {
    cluster = await startPostgresCluster();
  });
  after(() => cluster?.stop());

  storeConformance(async () => PostgresStore.open(await cluster.createDatabase(), { max: 2 }));
});
