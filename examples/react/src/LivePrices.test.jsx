import { act, render, screen } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import LivePrices from './LivePrices.jsx';
import { FakeWebSocket } from './test/FakeWebSocket.js';

const server = () => FakeWebSocket.latest();
const priceOf = (symbol) => screen.getByRole('rowheader', { name: symbol }).nextElementSibling.textContent;

beforeEach(() => {
  vi.useFakeTimers();
  FakeWebSocket.reset();
  vi.stubGlobal('WebSocket', FakeWebSocket);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function renderPrices() {
  return render(<LivePrices url="wss://example.test/prices" symbols={['AAPL', 'MSFT']} />);
}

describe('LivePrices', () => {
  it('connects, subscribes, and shows prices as messages arrive', () => {
    renderPrices();
    expect(screen.getByRole('status')).toHaveTextContent('Connecting…');
    expect(server().url).toBe('wss://example.test/prices');

    act(() => server().open());
    expect(screen.getByRole('status')).toHaveTextContent('Live');
    expect(server().sent.map(JSON.parse)).toEqual([{ type: 'subscribe', symbols: ['AAPL', 'MSFT'] }]);
    expect(screen.getByText('Waiting for prices…')).toBeInTheDocument();

    act(() => server().receive({ type: 'snapshot', prices: [{ symbol: 'MSFT', price: 410 }, { symbol: 'AAPL', price: 190.5 }] }));
    act(() => server().receive({ type: 'price', symbol: 'AAPL', price: 191.25 }));
    expect(priceOf('AAPL')).toBe('191.25');
    expect(priceOf('MSFT')).toBe('410.00');
    expect(screen.getAllByRole('rowheader').map((th) => th.textContent)).toEqual(['AAPL', 'MSFT']);
  });

  it('ignores malformed and unknown messages', () => {
    renderPrices();
    act(() => server().open());
    act(() => server().receive('not json {'));
    act(() => server().receive({ type: 'heartbeat' }));
    act(() => server().receive({ type: 'price', symbol: 'AAPL', price: 1 }));
    expect(priceOf('AAPL')).toBe('1.00');
  });

  it('reconnects with growing, jittered delays and subscribes again', () => {
    renderPrices();
    act(() => server().open());
    act(() => server().drop());
    expect(screen.getByRole('status')).toHaveTextContent(/Connection lost\. Reconnecting in 1 s/);
    expect(FakeWebSocket.instances).toHaveLength(1);

    act(() => vi.advanceTimersByTime(499)); // first delay is in [500, 1000)
    expect(FakeWebSocket.instances).toHaveLength(1);
    act(() => vi.advanceTimersByTime(501));
    expect(FakeWebSocket.instances).toHaveLength(2);

    act(() => server().drop()); // failed again before opening: the delay doubles
    act(() => vi.advanceTimersByTime(999));
    expect(FakeWebSocket.instances).toHaveLength(2);
    act(() => vi.advanceTimersByTime(1001));
    expect(FakeWebSocket.instances).toHaveLength(3);

    act(() => server().open());
    expect(screen.getByRole('status')).toHaveTextContent('Live');
    expect(server().sent.map(JSON.parse)).toEqual([{ type: 'subscribe', symbols: ['AAPL', 'MSFT'] }]);
  });

  it('closes the socket on unmount and never reconnects afterwards', () => {
    const { unmount } = renderPrices();
    act(() => server().open());
    const socket = server();

    unmount();
    expect(socket.readyState).toBe(FakeWebSocket.CLOSED);
    act(() => vi.advanceTimersByTime(60_000));
    expect(FakeWebSocket.instances).toHaveLength(1);
  });

  it('closes the old socket and opens a new one when the url changes', () => {
    const { rerender } = renderPrices();
    const first = server();
    act(() => first.open());

    rerender(<LivePrices url="wss://example.test/prices-eu" symbols={['SAP']} />);
    expect(first.readyState).toBe(FakeWebSocket.CLOSED);
    expect(server().url).toBe('wss://example.test/prices-eu');
    expect(screen.getByRole('status')).toHaveTextContent('Connecting…');
    act(() => vi.advanceTimersByTime(60_000));
    expect(FakeWebSocket.instances).toHaveLength(2); // the deliberate close did not trigger a retry
  });

  it('leaves exactly one live socket under Strict Mode', () => {
    render(
      <StrictMode>
        <LivePrices url="wss://example.test/prices" symbols={['AAPL']} />
      </StrictMode>,
    );
    const live = FakeWebSocket.instances.filter((s) => s.readyState !== FakeWebSocket.CLOSED);
    expect(FakeWebSocket.instances).toHaveLength(2); // mount, simulated unmount, mount again
    expect(live).toHaveLength(1);
  });
});
