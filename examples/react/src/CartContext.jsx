import { createContext, useContext, useMemo, useReducer } from 'react';

// Two contexts: components that only dispatch (an "Add" button) do not re-render when the
// cart changes, because the actions object never changes identity.
const CartStateContext = createContext(null);
const CartActionsContext = createContext(null);

export const emptyCart = { items: [] }; // items: [{ id, name, priceCents, quantity }]

export function cartReducer(state, action) {
  switch (action.type) {
    case 'added': {
      const existing = state.items.find((item) => item.id === action.product.id);
      if (existing) {
        return {
          items: state.items.map((item) =>
            item.id === existing.id ? { ...item, quantity: item.quantity + 1 } : item,
          ),
        };
      }
      return { items: [...state.items, { ...action.product, quantity: 1 }] };
    }
    case 'quantityChanged':
      return {
        items: state.items
          .map((item) => (item.id === action.id ? { ...item, quantity: action.quantity } : item))
          .filter((item) => item.quantity > 0),
      };
    case 'removed':
      return { items: state.items.filter((item) => item.id !== action.id) };
    case 'cleared':
      return emptyCart;
    default:
      throw new Error(`Unknown cart action: ${action.type}`);
  }
}

export function CartProvider({ children, initialCart = emptyCart }) {
  const [cart, dispatch] = useReducer(cartReducer, initialCart);

  // dispatch is stable, so this object is created once for the provider's lifetime.
  const actions = useMemo(
    () => ({
      add: (product) => dispatch({ type: 'added', product }),
      setQuantity: (id, quantity) => dispatch({ type: 'quantityChanged', id, quantity }),
      remove: (id) => dispatch({ type: 'removed', id }),
      clear: () => dispatch({ type: 'cleared' }),
    }),
    [],
  );

  // React 19: a context renders as its own provider (<Ctx value>); <Ctx.Provider> is the legacy form.
  return (
    <CartActionsContext value={actions}>
      <CartStateContext value={cart}>{children}</CartStateContext>
    </CartActionsContext>
  );
}

function useRequiredContext(context, hookName) {
  const value = useContext(context);
  if (value === null) {
    throw new Error(`${hookName} must be used inside <CartProvider>`);
  }
  return value;
}

// Cart contents plus derived totals. Derived values are computed, never stored in state.
export function useCart() {
  const cart = useRequiredContext(CartStateContext, 'useCart');
  return useMemo(() => {
    const count = cart.items.reduce((sum, item) => sum + item.quantity, 0);
    const totalCents = cart.items.reduce((sum, item) => sum + item.priceCents * item.quantity, 0);
    return { items: cart.items, count, totalCents };
  }, [cart]);
}

export function useCartActions() {
  return useRequiredContext(CartActionsContext, 'useCartActions');
}
