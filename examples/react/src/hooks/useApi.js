import { useCallback, useEffect, useReducer, useRef } from 'react';

export class HttpError extends Error {
  constructor(response) {
    super(`Request failed with status ${response.status}`);
    this.name = 'HttpError';
    this.status = response.status;
  }
}

function reducer(state, action) {
  switch (action.type) {
    case 'started':
      // Keep the previous data while refetching, so the UI can show it dimmed instead of blank.
      return state.status === 'loading' && state.error === null
        ? state // same object: React skips the re-render
        : { ...state, status: 'loading', error: null };
    case 'succeeded':
      return { status: 'success', data: action.data, error: null };
    case 'failed':
      return { ...state, status: 'error', error: action.error };
    default:
      throw new Error(`Unknown action: ${action.type}`);
  }
}

/**
 * Fetch JSON from `url`. Returns { status, data, error, isLoading, refetch }.
 * status: 'idle' | 'loading' | 'success' | 'error'.
 * - Runs on mount and whenever `url` changes (unless `immediate` is false or url is null).
 * - A new request aborts the one in flight; unmounting aborts too, and an aborted request
 *   never touches state, so a slow old answer cannot overwrite a newer one.
 * - refetch(init) runs the request again (optionally with fetch options, e.g. a POST body)
 *   and resolves to the data, or to undefined when it failed or was superseded.
 */
export function useApi(url, { immediate = true } = {}) {
  const [state, dispatch] = useReducer(reducer, {
    status: url && immediate ? 'loading' : 'idle',
    data: undefined,
    error: null,
  });
  const controllerRef = useRef(null);

  const execute = useCallback(
    async (init = {}) => {
      controllerRef.current?.abort();
      const controller = new AbortController();
      controllerRef.current = controller;
      dispatch({ type: 'started' });
      try {
        const response = await fetch(url, {
          ...init,
          headers: { Accept: 'application/json', ...init.headers },
          signal: controller.signal,
        });
        if (!response.ok) throw new HttpError(response);
        const data = response.status === 204 ? null : await response.json();
        if (controller.signal.aborted) return undefined;
        dispatch({ type: 'succeeded', data });
        return data;
      } catch (error) {
        if (controller.signal.aborted) return undefined; // superseded or unmounted
        dispatch({ type: 'failed', error });
        return undefined;
      }
    },
    [url],
  );

  useEffect(() => {
    if (immediate && url) execute();
    // Runs when url changes and on unmount: abort whatever is still in flight.
    return () => controllerRef.current?.abort();
  }, [execute, immediate, url]);

  return { ...state, isLoading: state.status === 'loading', refetch: execute };
}
