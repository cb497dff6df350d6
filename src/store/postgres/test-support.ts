// A throwaway PostgreSQL cluster for tests: Debian's postgresql binaries, `initdb` into a temporary folder as a
// non-root user (PostgreSQL refuses to run as root, and CI runs the tests as root), listening on 127.0.0.1 on a
// free port with its unix socket inside that folder. `stop()` shuts it down and removes the folder.
// A benchmark may name a folder to keep instead (`{ folder }`): the cluster in it is started again if there is one,
// and stop() leaves it, so an index that took minutes to build can be measured again.
//
// Nothing is skipped: without the binaries, starting fails with a message saying what to install.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface PostgresCluster {
  /** A URL of the cluster's default database (`postgres`), as the superuser `newsvault`. */
  readonly url: string;
  /** The temporary folder holding the data directory, the socket and the server's log. */
  readonly folder: string;
  /** Creates an empty database and returns its URL: one per test keeps tests apart. */
  createDatabase(): Promise<string>;
  /** Stops the server (fast shutdown) and removes its folder. Safe to call twice. */
  stop(): Promise<void>;
}

const SUPERUSER = 'newsvault';
/** The system account the server runs as when the tests run as root (Debian's postgresql package creates it). */
const SERVER_ACCOUNT = 'postgres';
const INSTALL_HINT = 'install PostgreSQL: apt-get install postgresql (Debian), or set NEWSVAULT_PG_BIN to the folder holding initdb and pg_ctl';

/** The folder with initdb and pg_ctl: NEWSVAULT_PG_BIN, else the newest /usr/lib/postgresql/<version>/bin. */
export function findPostgresBin(env: NodeJS.ProcessEnv = process.env, debian = '/usr/lib/postgresql'): string {
  const candidates: string[] = [];
  if (env['NEWSVAULT_PG_BIN']) candidates.push(env['NEWSVAULT_PG_BIN']);
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => join(debian, version, 'bin')));
  }
  const found = candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
  if (!found) throw new Error(`postgres test cluster: no initdb and pg_ctl found (looked in ${candidates.join(', ') || debian}); ${INSTALL_HINT}`);
  return found;
}

interface Account {
  /** Prefix for commands that must run as the server's account; empty when the tests are not root. */
  readonly prefix: string[];
  readonly uid: number;
  readonly gid: number;
}

function serverAccount(): Account {
  const me = userInfo();
  if (me.uid !== 0) return { prefix: [], uid: me.uid, gid: me.gid };
  const id = (flag: string) => spawnSync('id', [flag, SERVER_ACCOUNT], { encoding: 'utf8' });
  const uid = id('-u');
  const gid = id('-g');
  if (uid.status !== 0 || gid.status !== 0) {
    throw new Error(
      `postgres test cluster: running as root, and there is no "${SERVER_ACCOUNT}" account to run the server as; ${INSTALL_HINT} (it creates the account)`,
    );
  }
  return { prefix: ['runuser', '-u', SERVER_ACCOUNT, '--'], uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** The program and arguments that run `command` as the server's account. */
function asServer(account: Account, command: string, args: string[]): [string, string[]] {
  const [file, ...rest] = [...account.prefix, command, ...args];
  return [file!, rest];
}

function run(account: Account, command: string, args: string[], cwd: string): Promise<void> {
  const [file, rest] = asServer(account, command, args);
  return new Promise((resolve, reject) => {
    // The environment without the tests' locale quirks: initdb is told its locale below.
    const child = spawn(file, rest, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (cause) => reject(new Error(`postgres test cluster: cannot run ${file}: ${cause.message}`, { cause })));
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`postgres test cluster: ${command} ${args[0] ?? ''} exited with ${code}:\n${output.trim()}`));
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Every cluster still running, so a test process that ends without stop() does not leave servers behind. */
const running = new Set<() => void>();
process.once('exit', () => {
  for (const stop of running) stop();
});

export async function startPostgresCluster(options: { folder?: string } = {}): Promise<PostgresCluster> {
  const bin = findPostgresBin();
  const account = serverAccount();
  const keep = options.folder !== undefined;
  // The socket path must stay under the 107-byte limit of a unix socket address: the folder is short.
  const root = options.folder ?? mkdtempSync(join(tmpdir(), 'nv-pg-'));
  mkdirSync(root, { recursive: true });
  if (account.uid !== userInfo().uid) chownSync(root, account.uid, account.gid);
  chmodSync(root, 0o700);
  const data = join(root, 'data');
  const log = join(root, 'server.log');
  const removeFolder = () => {
    if (!keep) rmSync(root, { recursive: true, force: true });
  };
  if (!existsSync(join(data, 'PG_VERSION'))) {
    try {
      // C collation sorts text by code point, as SQLite does; UTF8 holds every title; no fsync: a test cluster.
      await run(account, join(bin, 'initdb'), ['-D', data, '-U', SUPERUSER, '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'], root);
    } catch (error) {
      removeFolder();
      throw error;
    }
  }

  let port = 0;
  // A free port can be taken between finding it and the server binding it: a few tries, then the error.
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    try {
      await run(account, join(bin, 'pg_ctl'), ['start', '-w', '-t', '120', '-D', data, '-l', log, '-o', options], root);
      break;
    } catch (error) {
      if (attempt >= 3) {
        removeFolder();
        throw error;
      }
    }
  }

  const stopSync = () => {
    const [file, args] = asServer(account, join(bin, 'pg_ctl'), ['stop', '-D', data, '-m', 'immediate', '-w']);
    spawnSync(file, args, { cwd: root, stdio: 'ignore' });
    removeFolder();
  };
  running.add(stopSync);

  const url = `postgresql://${SUPERUSER}@127.0.0.1:${port}/postgres`;
  let databases = 0;
  let stopped = false;
  return {
    url,
    folder: root,
    async createDatabase() {
      const name = `nv_test_${++databases}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
      } finally {
        await client.end();
      }
      return `postgresql://${SUPERUSER}@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      running.delete(stopSync);
      try {
        await run(account, join(bin, 'pg_ctl'), ['stop', '-D', data, '-m', 'fast', '-w', '-t', '120'], root);
      } finally {
        removeFolder();
      }
    },
  };
}

/**
 * Empties every table of a migrated store database but the schema's own records, ids starting again from 1:
 * as good as a new database for a test, at a fraction of CREATE DATABASE's cost.
 */
export async function emptyDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = current_schema()
        AND tablename NOT IN ('newsvault_schema', 'search_info')`,
    );
    if (rows.length > 0) await client.query(`TRUNCATE ${rows.map((row) => row.name).join(', ')} RESTART IDENTITY CASCADE`);
  } finally {
    await client.end();
  }
}

/** The rows of one SQL statement on its own connection: what a test or benchmark reads back from the database. */
export async function queryRows<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}
