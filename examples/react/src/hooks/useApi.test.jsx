import { act, render, screen } from '@testing-library/react';
import { StrictMode } from 'react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { controllableFetch, jsonResponse } from '../test/http.js';
import { useApi } from './useApi.js';

// A small consumer: the tests read what a user would see.
function Profile({ userId, immediate = true }) {
  const { status, data, error, isLoading, refetch } = useApi(userId ? `/api/users/${userId}` : null, {
    immediate,
  });
  return (
    <section aria-label="Profile" aria-busy={isLoading}>
      <p>Status: {status}</p>
      {data && <h2>{data.name}</h2>}
      {error && <p role="alert">{error.message}</p>}
      <button type="button" onClick={() => refetch()}>
        Reload
      </button>
    </section>
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('useApi', () => {
  it('loads on mount and exposes the data', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(jsonResponse({ id: 1, name: 'Ada' })));
    render(<Profile userId={1} />);

    expect(screen.getByText('Status: loading')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Ada' })).toBeInTheDocument();
    expect(screen.getByText('Status: success')).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('reports an HTTP error, and refetch recovers', async () => {
    const { fetchMock, calls } = controllableFetch();
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup();
    render(<Profile userId={7} />);

    calls[0].resolve(jsonResponse({ detail: 'Not found.' }, { status: 404 }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Request failed with status 404');

    await user.click(screen.getByRole('button', { name: 'Reload' }));
    expect(screen.getByText('Status: loading')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    calls[1].resolve(jsonResponse({ id: 7, name: 'Grace' }));
    expect(await screen.findByRole('heading', { name: 'Grace' })).toBeInTheDocument();
  });

  it('aborts the previous request when a new one starts, so a late answer is ignored', async () => {
    const calls = [];
    // A server that answers even after the abort: the hook must still ignore it.
    const stubborn = vi.fn(
      (url, init) =>
        new Promise((resolve) => {
          calls.push({ url, signal: init.signal, resolve });
        }),
    );
    vi.stubGlobal('fetch', stubborn);
    const { rerender } = render(<Profile userId={1} />);
    rerender(<Profile userId={2} />);

    expect(calls.map((c) => c.url)).toEqual(['/api/users/1', '/api/users/2']);
    expect(calls[0].signal.aborted).toBe(true);

    await act(async () => calls[1].resolve(jsonResponse({ id: 2, name: 'Second' })));
    await act(async () => calls[0].resolve(jsonResponse({ id: 1, name: 'First (stale)' })));
    expect(screen.getByRole('heading', { name: 'Second' })).toBeInTheDocument();
    expect(screen.queryByText('First (stale)')).not.toBeInTheDocument();
  });

  it('aborts the request in flight on unmount', () => {
    const { fetchMock, calls } = controllableFetch();
    vi.stubGlobal('fetch', fetchMock);
    const { unmount } = render(<Profile userId={1} />);

    expect(calls[0].signal.aborted).toBe(false);
    unmount();
    expect(calls[0].signal.aborted).toBe(true);
  });

  it('stays idle until refetch when immediate is false', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(jsonResponse({ id: 3, name: 'Linus' })));
    const user = userEvent.setup();
    render(<Profile userId={3} immediate={false} />);

    expect(screen.getByText('Status: idle')).toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Reload' }));
    expect(await screen.findByRole('heading', { name: 'Linus' })).toBeInTheDocument();
  });

  it('survives the Strict Mode double effect: the first request is aborted, one result shows', async () => {
    const { fetchMock, calls } = controllableFetch();
    vi.stubGlobal('fetch', fetchMock);
    render(
      <StrictMode>
        <Profile userId={5} />
      </StrictMode>,
    );

    expect(calls).toHaveLength(2);
    expect(calls[0].signal.aborted).toBe(true);
    calls[1].resolve(jsonResponse({ id: 5, name: 'Barbara' }));
    expect(await screen.findByRole('heading', { name: 'Barbara' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
