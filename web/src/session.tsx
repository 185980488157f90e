/**
 * The signed-in user, their scope, the cycles and the cycle shown, shared by every page. The cycle
 * shown comes from the address (`?cycle=2023`), else the one chosen last, else the newest; its roll
 * (members on the roll, graded, not yet) for the user's scope is read with it and stays in the
 * header whatever page is open (issue #9 item 1).
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { User } from '../../src/db/queries/users.js';
import type { Cycle } from '../../src/domain/model/cycles.js';
import type { ProgressView, RollCounts } from '../../src/services/progress.js';
import { api, ApiError, qs, setCsrfToken, whenSignedOut } from './api.js';
import { navigate, useLocation } from './router.js';

export type CycleInfo = Omit<Cycle, 'id' | 'createdAt'>;

export interface SessionValue {
  user: User;
  scopeName: string;
  cycles: CycleInfo[];
  /** The cycle shown, null when none has been opened yet. */
  cycle: CycleInfo | null;
  /** `path` with the shown cycle in its query. */
  withCycle(path: string): string;
  /** The roll of the user's scope in the cycle shown. */
  roll: RollCounts | null;
  refreshRoll(): void;
  reloadCycles(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

/** The session of the page; only inside SessionProvider. */
export function useSession(): SessionValue {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

const CYCLE_KEY = 'xeploai.cycle';

function chosenCycle(cycles: CycleInfo[], fromQuery: string | null): CycleInfo | null {
  const wanted = fromQuery ?? window.localStorage.getItem(CYCLE_KEY);
  return cycles.find((c) => String(c.year) === wanted) ?? cycles[0] ?? null;
}

/** Adds `cycle=YYYY` to a path (keeping its own query). */
export function pathWithCycle(path: string, cycle: CycleInfo | null): string {
  if (!cycle) return path;
  const [base, query = ''] = path.split('?');
  const params = new URLSearchParams(query);
  params.set('cycle', String(cycle.year));
  return `${base}?${params.toString()}`;
}

function sumRolls(view: ProgressView): RollCounts | null {
  const roots = view.nodes.filter((n) => n.depth === 0);
  if (roots.length === 0) return null;
  return roots.slice(1).reduce<RollCounts>((acc, n) => {
    const out = { ...acc };
    for (const k of Object.keys(acc) as (keyof RollCounts)[]) out[k] = acc[k] + n.counts[k];
    return out;
  }, roots[0]!.counts);
}

/** Loads the session (or sends the visitor to the sign-in page) and provides it. */
export function SessionProvider({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const { query } = useLocation();
  const [me, setMe] = useState<{ user: User; scopeName: string } | null>(null);
  const [cycles, setCycles] = useState<CycleInfo[] | null>(null);
  const [roll, setRoll] = useState<RollCounts | null>(null);
  const [rollTick, setRollTick] = useState(0);
  const [failure, setFailure] = useState<ApiError | null>(null);

  useEffect(() => {
    whenSignedOut(() => navigate(`/login?next=${encodeURIComponent(window.location.pathname + window.location.search)}`, { replace: true }));
  }, []);

  const reloadCycles = useCallback(async () => {
    setCycles((await api.get<{ cycles: CycleInfo[] }>('/api/cycles')).cycles);
  }, []);

  useEffect(() => {
    (async () => {
      try {
        const who = await api.get<{ user: User; scopeName: string; csrfToken?: string }>('/api/auth/me');
        setCsrfToken(who.csrfToken);
        setMe({ user: who.user, scopeName: who.scopeName });
        await reloadCycles();
      } catch (e) {
        if (e instanceof ApiError && e.status !== 401) setFailure(e);
      }
    })();
  }, [reloadCycles]);

  const cycle = useMemo(() => (cycles ? chosenCycle(cycles, query.get('cycle')) : null), [cycles, query]);

  useEffect(() => {
    if (cycle) window.localStorage.setItem(CYCLE_KEY, String(cycle.year));
  }, [cycle]);

  useEffect(() => {
    if (!cycle || !me) return;
    const unit = me.user.role === 'admin' ? undefined : me.user.scopeUnitCode;
    api
      .get<ProgressView>(`/api/cycles/${cycle.year}/tree${qs({ period: cycle.period === 'nam' ? undefined : cycle.period, unit, depth: 0 })}`)
      .then((v) => setRoll(sumRolls(v)))
      .catch(() => setRoll(null));
  }, [cycle, me, rollTick]);

  const value = useMemo<SessionValue | null>(() => {
    if (!me || !cycles) return null;
    return {
      ...me,
      cycles,
      cycle,
      withCycle: (p: string) => pathWithCycle(p, cycle),
      roll,
      refreshRoll: () => setRollTick((n) => n + 1),
      reloadCycles,
    };
  }, [me, cycles, cycle, roll, reloadCycles]);

  if (failure) return <main id="main"><div className="notice bad" role="alert">{failure.messages.vi} ({failure.messages.en})</div></main>;
  if (!value) return <>{fallback}</>;
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
