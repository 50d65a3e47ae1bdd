import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import DebouncedSearch from './DebouncedSearch.jsx';
import { controllableFetch, jsonResponse } from './test/http.js';

// Let the debounce timer fire and any settled promise callbacks run, inside act().
const wait = (ms) => act(() => vi.advanceTimersByTimeAsync(ms));

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const input = () => screen.getByRole('searchbox', { name: 'Search products' });
const results = () => screen.queryAllByRole('listitem').map((li) => li.textContent);

// One change event per keystroke, with no time passing in between: a fast typist.
// fireEvent, not user-event: Testing Library's async wrapper awaits a setTimeout(0) that
// Vitest's fake timers never run unless the test advances them.
function type(text) {
  const field = input();
  let value = field.value;
  for (const char of text) {
    value += char;
    fireEvent.change(field, { target: { value } });
  }
}

function clear() {
  fireEvent.change(input(), { target: { value: '' } });
}

describe('DebouncedSearch', () => {
  it('sends one request after the user stops typing', async () => {
    const fetchMock = vi.fn().mockResolvedValue(jsonResponse([{ id: 1, name: 'React mug' }]));
    vi.stubGlobal('fetch', fetchMock);
    render(<DebouncedSearch delay={300} />);

    type('react');
    expect(fetchMock).not.toHaveBeenCalled();
    expect(screen.getByRole('status')).toHaveTextContent('Searching…');

    await wait(299);
    expect(fetchMock).not.toHaveBeenCalled();
    await wait(1);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0][0]).toBe('/api/search?q=react');

    expect(results()).toEqual(['React mug']);
    expect(screen.getByRole('status')).toHaveTextContent('1 result');
  });

  it('cancels the stale request so a slow old answer never replaces a newer one', async () => {
    const { fetchMock, calls } = controllableFetch();
    vi.stubGlobal('fetch', fetchMock);
    render(<DebouncedSearch />);

    type('re');
    await wait(300);
    type('act');
    await wait(300);

    expect(calls.map((c) => c.url)).toEqual(['/api/search?q=re', '/api/search?q=react']);
    expect(calls[0].signal.aborted).toBe(true);

    calls[1].resolve(jsonResponse([{ id: 2, name: 'React sticker' }]));
    await wait(0);
    calls[0].resolve(jsonResponse([{ id: 3, name: 'Red chair' }])); // arrives last, ignored
    await wait(0);
    expect(results()).toEqual(['React sticker']);
  });

  it('does not search for an empty or one-letter query and clears old results', async () => {
    const fetchMock = vi.fn().mockResolvedValue(jsonResponse([{ id: 1, name: 'Mug' }]));
    vi.stubGlobal('fetch', fetchMock);
    render(<DebouncedSearch />);

    type('mug');
    await wait(300);
    expect(results()).toEqual(['Mug']);

    clear();
    type(' m ');
    await wait(1000);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(results()).toEqual([]);
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('shows an error, and tells the user when nothing matches', async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(jsonResponse({ detail: 'down' }, { status: 503 }))
      .mockResolvedValueOnce(jsonResponse([]));
    vi.stubGlobal('fetch', fetchMock);
    render(<DebouncedSearch />);

    type('lamp');
    await wait(300);
    expect(screen.getByRole('alert')).toHaveTextContent('Search failed (503)');

    type('s');
    await wait(300);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByText('No products match “lamps”.')).toBeInTheDocument();
  });

  it('sends nothing when unmounted before the delay ends', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    const { unmount } = render(<DebouncedSearch />);

    type('desk');
    unmount();
    await wait(1000);
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
