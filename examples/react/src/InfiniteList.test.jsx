import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import InfiniteList from './InfiniteList.jsx';
import { FakeIntersectionObserver } from './test/FakeIntersectionObserver.js';

// Pages of 3 items, 3 pages in all; cursor is the next page number, as a string.
function makeLoader({ pages = 3, perPage = 3 } = {}) {
  const pending = [];
  const loadPage = vi.fn(
    (cursor, { signal }) =>
      new Promise((resolve, reject) => {
        const page = cursor == null ? 1 : Number(cursor);
        const items = Array.from({ length: perPage }, (_, i) => {
          const n = (page - 1) * perPage + i + 1;
          return { id: n, title: `Post ${n}` };
        });
        const result = { items, nextCursor: page < pages ? String(page + 1) : null };
        pending.push({ resolve: () => resolve(result), reject, signal });
      }),
  );
  // Settle the oldest pending request inside act(), like a response arriving.
  const respond = () => act(async () => pending.shift().resolve());
  const fail = (error) => act(async () => pending.shift().reject(error));
  return { loadPage, respond, fail, pending };
}

const scrollToSentinel = () => act(() => FakeIntersectionObserver.intersect(true));

function renderList(loadPage) {
  return render(<InfiniteList label="Posts" loadPage={loadPage} renderItem={(post) => post.title} />);
}

beforeEach(() => {
  FakeIntersectionObserver.reset();
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('InfiniteList', () => {
  it('loads the next page each time the sentinel becomes visible, then stops at the end', async () => {
    const { loadPage, respond } = makeLoader();
    renderList(loadPage);
    expect(loadPage).not.toHaveBeenCalled();

    await scrollToSentinel();
    expect(screen.getByRole('status')).toHaveTextContent('Loading more…');
    await respond();
    expect(screen.getAllByRole('listitem')).toHaveLength(3);

    await scrollToSentinel();
    await respond();
    await scrollToSentinel();
    await respond();
    expect(screen.getAllByRole('listitem')).toHaveLength(9);
    expect(loadPage.mock.calls.map(([cursor]) => cursor)).toEqual([null, '2', '3']);

    expect(screen.getByText('You have reached the end.')).toBeInTheDocument();
    expect(screen.queryByTestId('sentinel')).not.toBeInTheDocument();
    await scrollToSentinel();
    expect(loadPage).toHaveBeenCalledTimes(3);
  });

  it('does not start a second load while one is in flight', async () => {
    const { loadPage, respond } = makeLoader();
    renderList(loadPage);

    // Two observer callbacks before React re-renders: only the in-flight ref can stop the second.
    act(() => {
      FakeIntersectionObserver.intersect(true);
      FakeIntersectionObserver.intersect(true);
    });
    await scrollToSentinel(); // while loading, nothing observes the sentinel
    expect(loadPage).toHaveBeenCalledTimes(1);
    await respond();
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
  });

  it('shows an error with a retry button, and does not retry on scroll by itself', async () => {
    const { loadPage, respond, fail } = makeLoader();
    const user = userEvent.setup();
    renderList(loadPage);

    await scrollToSentinel();
    await fail(new Error('Server unavailable.'));
    expect(screen.getByRole('alert')).toHaveTextContent('Server unavailable.');
    await scrollToSentinel();
    expect(loadPage).toHaveBeenCalledTimes(1);

    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await respond();
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says so when there is nothing to show', async () => {
    const loadPage = vi.fn().mockResolvedValue({ items: [], nextCursor: null });
    renderList(loadPage);
    await scrollToSentinel();
    expect(screen.getByText('Nothing here yet.')).toBeInTheDocument();
    expect(screen.queryAllByRole('listitem')).toHaveLength(0);
  });

  it('aborts the request in flight on unmount and disconnects the observer', async () => {
    const { loadPage, pending } = makeLoader();
    const { unmount } = renderList(loadPage);
    await scrollToSentinel();

    unmount();
    expect(pending[0].signal.aborted).toBe(true);
    expect(FakeIntersectionObserver.live()).toHaveLength(0);
  });
});
