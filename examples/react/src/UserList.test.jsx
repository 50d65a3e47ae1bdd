import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import UserList from './UserList.jsx';
import { controllableFetch, jsonResponse } from './test/http.js';

const users = [
  { id: 1, name: 'Ada Lovelace', email: 'ada@example.com' },
  { id: 2, name: 'Alan Turing', email: 'alan@example.com' },
];

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('UserList', () => {
  it('shows a loading status, then the users', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(jsonResponse(users)));
    render(<UserList url="/api/users" />);

    expect(screen.getByRole('status')).toHaveTextContent('Loading users…');
    const list = await screen.findByRole('list', { name: 'Users' });
    expect(list).toHaveTextContent('Ada Lovelace');
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(fetch).toHaveBeenCalledWith('/api/users', expect.objectContaining({ signal: expect.any(AbortSignal) }));
  });

  it('shows an error with a Retry button that loads again', async () => {
    const { fetchMock, calls } = controllableFetch();
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup();
    render(<UserList />);

    calls[0].resolve(jsonResponse({ detail: 'boom' }, { status: 500 }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The server answered 500');

    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(screen.getByRole('status')).toHaveTextContent('Loading users…');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    calls[1].resolve(jsonResponse(users));
    expect(await screen.findByText('Alan Turing')).toBeInTheDocument();
    expect(calls).toHaveLength(2);
  });

  it('shows a network failure as an error too', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    render(<UserList />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Failed to fetch');
  });

  it('says so when the list is empty', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(jsonResponse([])));
    render(<UserList />);
    expect(await screen.findByText('No users yet.')).toBeInTheDocument();
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });

  it('aborts the request on unmount', () => {
    const { fetchMock, calls } = controllableFetch();
    vi.stubGlobal('fetch', fetchMock);
    const { unmount } = render(<UserList />);

    expect(calls).toHaveLength(1);
    expect(calls[0].signal.aborted).toBe(false);
    unmount();
    // React 18+ no longer warns about setState after unmount, so spying on console.error
    // would prove nothing: the aborted signal is what shows the cleanup ran.
    expect(calls[0].signal.aborted).toBe(true);
  });

  it('refetches when the url changes and ignores the old answer', async () => {
    const { fetchMock, calls } = controllableFetch();
    vi.stubGlobal('fetch', fetchMock);
    const { rerender } = render(<UserList url="/api/users?team=1" />);

    rerender(<UserList url="/api/users?team=2" />);
    expect(calls.map((c) => c.url)).toEqual(['/api/users?team=1', '/api/users?team=2']);
    expect(calls[0].signal.aborted).toBe(true);

    calls[1].resolve(jsonResponse([users[1]]));
    expect(await screen.findByText('Alan Turing')).toBeInTheDocument();
    expect(screen.queryByText('Ada Lovelace')).not.toBeInTheDocument();
  });
});
