// This process's name in the store's leases (source leases, store/lease.ts; re-check leases, Store.claimRecheck): the host and pid
// say who it is to an operator reading the tables; the random part keeps two runs of one process apart.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

export function leaseHolder(): string {
  return `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
}
