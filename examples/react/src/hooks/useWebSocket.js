import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';

// Exponential backoff with jitter: 1 s, 2 s, 4 s ... capped, each randomised into [base/2, base)
// so that thousands of clients dropped by one server restart do not reconnect in lockstep.
export function backoffDelay(attempt, { initial = 1000, max = 30000 } = {}) {
  const base = Math.min(max, initial * 2 ** attempt);
  return base / 2 + Math.random() * (base / 2);
}

/**
 * Keeps one WebSocket open to `url` while the component is mounted.
 * - onMessage(data) gets each message parsed as JSON; malformed frames are dropped.
 * - onOpen(send) runs after every (re)connect: the place to (re)subscribe.
 * - The socket reconnects with backoff when the connection drops; unmounting or changing
 *   `url` closes it for good.
 * Returns { status, retryIn, send }; status is 'connecting' | 'open' | 'reconnecting'.
 */
export function useWebSocket(url, { onMessage, onOpen, initialDelay = 1000, maxDelay = 30000 } = {}) {
  // Connection state is stored with the url it belongs to; a different url means "connecting".
  const [connection, setConnection] = useState({ url, status: 'connecting', retryIn: null });
  const socketRef = useRef(null);

  // Effect Events see the latest callbacks without making the effect reconnect when they change.
  const handleMessage = useEffectEvent((data) => onMessage?.(data));
  const handleOpen = useEffectEvent((send) => onOpen?.(send));

  const send = useCallback((message) => {
    const socket = socketRef.current;
    if (socket?.readyState !== WebSocket.OPEN) return false;
    socket.send(JSON.stringify(message));
    return true;
  }, []);

  useEffect(() => {
    let socket = null;
    let retryTimer = null;
    let attempt = 0;
    let disposed = false;

    function connect() {
      socket = new WebSocket(url);
      socketRef.current = socket;

      socket.onopen = () => {
        attempt = 0;
        setConnection({ url, status: 'open', retryIn: null });
        handleOpen(send);
      };

      socket.onmessage = (event) => {
        let data;
        try {
          data = JSON.parse(event.data);
        } catch {
          return; // ignore a malformed frame rather than crash the UI
        }
        handleMessage(data);
      };

      socket.onclose = () => {
        if (disposed) return;
        const delay = backoffDelay(attempt, { initial: initialDelay, max: maxDelay });
        attempt += 1;
        setConnection({ url, status: 'reconnecting', retryIn: delay });
        retryTimer = setTimeout(connect, delay);
      };
    }

    connect();

    return () => {
      disposed = true;
      clearTimeout(retryTimer);
      socket.close(1000, 'component unmounted');
      socketRef.current = null;
    };
  }, [url, initialDelay, maxDelay, send]);

  const current = connection.url === url ? connection : { status: 'connecting', retryIn: null };
  return { status: current.status, retryIn: current.retryIn, send };
}
