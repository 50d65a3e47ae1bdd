import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CartProvider, cartReducer, emptyCart, useCart, useCartActions } from './CartContext.jsx';

const money = (cents) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cents / 100);

const products = [
  { id: 'mug', name: 'Mug', priceCents: 1250 },
  { id: 'tee', name: 'T-shirt', priceCents: 2000 },
];

// Two components far apart in the tree share the cart without passing props.
function ProductList() {
  const { add } = useCartActions();
  return (
    <ul aria-label="Products">
      {products.map((product) => (
        <li key={product.id}>
          {product.name}
          <button type="button" onClick={() => add(product)}>
            Add {product.name} to cart
          </button>
        </li>
      ))}
    </ul>
  );
}

function CartSummary() {
  const { items, count, totalCents } = useCart();
  const { setQuantity, remove, clear } = useCartActions();
  if (count === 0) return <p>Your cart is empty.</p>;
  return (
    <section aria-label="Cart">
      <p>
        {count} {count === 1 ? 'item' : 'items'}, total {money(totalCents)}
      </p>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            {item.name} × {item.quantity}
            <button type="button" onClick={() => setQuantity(item.id, item.quantity - 1)}>
              One less {item.name}
            </button>
            <button type="button" onClick={() => remove(item.id)}>
              Remove {item.name}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={clear}>
        Empty cart
      </button>
    </section>
  );
}

function Shop() {
  return (
    <CartProvider>
      <ProductList />
      <aside>
        <CartSummary />
      </aside>
    </CartProvider>
  );
}

describe('CartProvider', () => {
  it('starts empty and updates the summary when products are added', async () => {
    const user = userEvent.setup();
    render(<Shop />);
    expect(screen.getByText('Your cart is empty.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Add Mug to cart' }));
    await user.click(screen.getByRole('button', { name: 'Add Mug to cart' }));
    await user.click(screen.getByRole('button', { name: 'Add T-shirt to cart' }));

    const cart = screen.getByRole('region', { name: 'Cart' });
    expect(cart).toHaveTextContent('3 items, total $45.00');
    expect(within(cart).getByText(/Mug × 2/)).toBeInTheDocument();
  });

  it('decrements, removes and clears', async () => {
    const user = userEvent.setup();
    render(<Shop />);
    await user.click(screen.getByRole('button', { name: 'Add Mug to cart' }));
    await user.click(screen.getByRole('button', { name: 'Add T-shirt to cart' }));

    await user.click(screen.getByRole('button', { name: 'One less Mug' }));
    expect(screen.getByRole('region', { name: 'Cart' })).toHaveTextContent('1 item, total $20.00');

    await user.click(screen.getByRole('button', { name: 'Add Mug to cart' }));
    await user.click(screen.getByRole('button', { name: 'Remove T-shirt' }));
    expect(screen.getByRole('region', { name: 'Cart' })).toHaveTextContent('1 item, total $12.50');

    await user.click(screen.getByRole('button', { name: 'Empty cart' }));
    expect(screen.getByText('Your cart is empty.')).toBeInTheDocument();
  });

  it('keeps separate state per provider', async () => {
    const user = userEvent.setup();
    render(
      <>
        <Shop />
        <Shop />
      </>,
    );
    await user.click(screen.getAllByRole('button', { name: 'Add Mug to cart' })[0]);
    expect(screen.getAllByRole('region', { name: 'Cart' })).toHaveLength(1);
    expect(screen.getByText('Your cart is empty.')).toBeInTheDocument();
  });

  it('throws a clear error when a hook is used outside the provider', () => {
    // React reports the render error to the console before rethrowing; keep the output clean.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<CartSummary />)).toThrow('useCart must be used inside <CartProvider>');
  });
});

describe('cartReducer', () => {
  it('drops an item whose quantity reaches zero and rejects unknown actions', () => {
    const one = cartReducer(emptyCart, { type: 'added', product: products[0] });
    expect(cartReducer(one, { type: 'quantityChanged', id: 'mug', quantity: 0 })).toEqual(emptyCart);
    expect(() => cartReducer(one, { type: 'typo' })).toThrow('Unknown cart action: typo');
  });
});
