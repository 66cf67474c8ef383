/** Pieces every view uses: loading data from the API, and showing what it refused. */
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { Issue } from '../../../src/core/index.js';
import { ApiError } from '../api.js';
import { unitPieces } from '../logic/units.js';
import { useWords } from '../words.js';

export function useLoad<T>(load: () => Promise<T>, deps: DependencyList): { data: T | undefined; error: unknown; reload: () => void } {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (value) => live && (setData(value), setError(undefined)),
      (reason: unknown) => live && setError(reason),
    );
    return () => {
      live = false;
    };
  }, [...deps, round]);
  return { data, error, reload: useCallback(() => setRound((r) => r + 1), []) };
}

/**
 * A function of the same identity from render to render that calls the latest `fn`: for handlers
 * given to memoised views, which would otherwise draw again whenever their parent does.
 */
export function useStableCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn);
  latest.current = fn;
  return useCallback((...args: A) => latest.current(...args), []);
}

/** A refusal in the words the API gave (its message is already in the chosen language). */
export function ErrorNote({ error }: { error: unknown }) {
  const words = useWords();
  if (error === undefined) return null;
  if (error instanceof ApiError) {
    return (
      <div className="error" role="alert">
        <p>{words.t('studio.error', { message: error.body.message })}</p>
        {error.body.issues && <IssueList issues={error.body.issues} />}
      </div>
    );
  }
  return (
    <div className="error" role="alert">
      {words.t('studio.unreachable', { message: error instanceof Error ? error.message : String(error) })}
    </div>
  );
}

export function IssueList({ issues }: { issues: readonly Issue[] }) {
  const words = useWords();
  if (issues.length === 0) return null;
  return (
    <ul className="issues">
      {issues.map((found, i) => (
        <li key={i} className={found.severity === 'warning' ? 'warning' : 'fault'}>
          {words.issue(found)}
        </li>
      ))}
    </ul>
  );
}

export function Loading() {
  return <p className="muted">{useWords().t('studio.loading')}</p>;
}

/** A parameter's unit after its value: the catalogue's period and people words, the model's own words as written. */
export function Unit({ unit, value }: { unit: string | undefined; value: number }) {
  const words = useWords();
  if (!unit) return null;
  return (
    <span className="unit">
      {unitPieces(unit, value, words.locale).map((piece, i) =>
        piece.own ? (
          <span key={i} data-user-text>
            {piece.text}
          </span>
        ) : (
          <span key={i}>{piece.text}</span>
        ),
      )}
    </span>
  );
}
