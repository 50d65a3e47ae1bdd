import { useReducer } from 'react';
import { useWebSocket } from './hooks/useWebSocket.js';

// Latest price per symbol. Messages: { type: 'snapshot', prices: [{ symbol, price }] }
// and { type: 'price', symbol, price }. Unknown types are ignored (forward compatible).
function pricesReducer(prices, message) {
  switch (message?.type) {
    case 'snapshot':
      return Object.fromEntries(message.prices.map((p) => [p.symbol, p.price]));
    case 'price':
      return { ...prices, [message.symbol]: message.price };
    default:
      return prices;
  }
}

const formatPrice = (price) => price.toFixed(2);

export default function LivePrices({ url, symbols }) {
  const [prices, applyMessage] = useReducer(pricesReducer, {});
  const { status, retryIn } = useWebSocket(url, {
    onMessage: applyMessage,
    // The server forgets subscriptions when a connection drops: subscribe on every open.
    onOpen: (send) => send({ type: 'subscribe', symbols }),
  });

  const statusText = {
    connecting: 'Connecting…',
    open: 'Live',
    reconnecting: `Connection lost. Reconnecting in ${Math.ceil((retryIn ?? 0) / 1000)} s…`,
  }[status];

  const rows = Object.entries(prices).sort(([a], [b]) => a.localeCompare(b));

  return (
    <section aria-label="Live prices">
      <p role="status">{statusText}</p>
      {rows.length === 0 ? (
        <p>Waiting for prices…</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Symbol</th>
              <th scope="col">Price</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([symbol, price]) => (
              <tr key={symbol}>
                <th scope="row">{symbol}</th>
                <td>{formatPrice(price)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
