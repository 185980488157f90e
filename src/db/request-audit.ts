/**
 * The audit entry of an HTTP change, written in the same transaction as the change it records
 * (issue #11 item 6). The server (src/server/audit-writes.ts) opens a request's entry before its
 * handler runs; every query the handler's code runs is watched (the plugin below, on every handle
 * createDb makes and the transactions over them); the first transaction of the request that commits
 * after a write of the product's tables carries the entry (src/db/queries/common.ts, inTransaction),
 * so the change and its entry commit together or not at all. A request whose writes ran in no
 * transaction (or none of Kysely's) has its entry appended by the server after the handler.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

/** What the server knows of an HTTP change before it runs; `result` is the transaction's value. */
export interface RequestAudit {
  /** The entry to write, given the value the change's transaction returned. */
  entry: (result: unknown) => {
    actor: string;
    action: string;
    source: string | null;
    entity: string | null;
    entityKey: string | null;
    oldValue: unknown;
    newValue: unknown;
    reason: string | null;
  };
  /** A write of the product's tables ran during the request. */
  wrote: boolean;
  /** The entry is in a committed transaction (or was appended by the server). */
  written: boolean;
  /** The log is being appended to: its own writes are not the request's. */
  appending: boolean;
}

const requests = new AsyncLocalStorage<RequestAudit>();

/** Runs `fn` (the request's handler) with its audit entry open. */
export function withRequestAudit<T>(audit: RequestAudit, fn: () => Promise<T>): Promise<T> {
  return requests.run(audit, fn);
}

/** The open entry of the HTTP request this code runs for, if any. */
export function currentRequestAudit(): RequestAudit | undefined {
  return requests.getStore();
}

const WRITES = new Set(['InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode', 'MergeQueryNode']);

function isWrite(node: RootOperationNode): boolean {
  if (WRITES.has(node.kind)) return true;
  if (node.kind !== 'RawNode') return false;
  const text = (node as unknown as { sqlFragments: readonly string[] }).sqlFragments.join(' ');
  return /^\s*(insert|update|delete|merge)\b/i.test(text);
}

/** Notes, for the request running the query, that it wrote. Changes no query. */
export class WriteWatcher implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const audit = requests.getStore();
    if (audit && !audit.appending && !audit.wrote && isWrite(args.node)) audit.wrote = true;
    return args.node;
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}
