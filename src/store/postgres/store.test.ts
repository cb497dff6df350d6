// Runs the shared Store conformance suite against PostgreSQL: one throwaway cluster and one database, emptied
// before each test (ids start again from 1, as in a new database).
import { after, before, describe } from 'node:test';
import { storeConformance } from '../store.conformance.ts';
import { PostgresStore } from './store.ts';
import { emptyDatabase, startPostgresCluster, type PostgresCluster } from './test-support.ts';

describe('PostgresStore', () => {
  let cluster: PostgresCluster;
  let url: string;
  before(async () => {
    cluster = await startPostgresCluster();
    url = await cluster.createDatabase();
  });
  after(() => cluster?.stop());

  storeConformance(async () => {
    const store = await PostgresStore.open(url, { max: 2 });
    await emptyDatabase(url);
    return store;
  });
});
