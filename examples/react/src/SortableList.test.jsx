import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import SortableList from './SortableList.jsx';

const fruit = [
  { id: 'a', label: 'Apple' },
  { id: 'b', label: 'Banana' },
  { id: 'c', label: 'Cherry' },
  { id: 'd', label: 'Date' },
];

function Harness({ onReorder = () => {} }) {
  const [items, setItems] = useState(fruit);
  return (
    <SortableList
      label="Fruit"
      items={items}
      onReorder={(next) => {
        setItems(next);
        onReorder(next.map((item) => item.label));
      }}
    />
  );
}

const order = () => screen.getAllByRole('listitem').map((li) => li.textContent.replace('⠿', '').trim());
const item = (text) => screen.getByText(text).closest('li');
const dataTransfer = () => ({ setData: vi.fn(), effectAllowed: '', dropEffect: '' });

describe('SortableList with the keyboard', () => {
  it('picks up with Space, moves with the arrows, drops with Enter', async () => {
    const onReorder = vi.fn();
    const user = userEvent.setup();
    render(<Harness onReorder={onReorder} />);

    const handle = screen.getByRole('button', { name: 'Reorder Apple' });
    expect(handle).toHaveAccessibleDescription(/Press Space or Enter to pick up an item/);
    await user.tab();
    expect(handle).toHaveFocus();

    await user.keyboard(' ');
    expect(handle).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText('Picked up Apple, position 1 of 4.')).toBeInTheDocument();

    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(order()).toEqual(['Banana', 'Cherry', 'Apple', 'Date']);
    expect(handle).toHaveFocus(); // focus follows the moved item
    expect(screen.getByText('Apple moved to position 3 of 4.')).toBeInTheDocument();
    expect(onReorder).not.toHaveBeenCalled(); // only a draft so far

    await user.keyboard('{Enter}');
    expect(onReorder).toHaveBeenCalledExactlyOnceWith(['Banana', 'Cherry', 'Apple', 'Date']);
    expect(handle).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByText('Apple dropped at position 3 of 4.')).toBeInTheDocument();
  });

  it('puts the item back on Escape', async () => {
    const onReorder = vi.fn();
    const user = userEvent.setup();
    render(<Harness onReorder={onReorder} />);

    screen.getByRole('button', { name: 'Reorder Cherry' }).focus();
    await user.keyboard(' {ArrowUp}{ArrowUp}');
    expect(order()).toEqual(['Cherry', 'Apple', 'Banana', 'Date']);

    await user.keyboard('{Escape}');
    expect(order()).toEqual(['Apple', 'Banana', 'Cherry', 'Date']);
    expect(onReorder).not.toHaveBeenCalled();
    expect(screen.getByText('Reorder cancelled. Cherry is back at position 3 of 4.')).toBeInTheDocument();
  });

  it('does not move past either end', async () => {
    const onReorder = vi.fn();
    const user = userEvent.setup();
    render(<Harness onReorder={onReorder} />);

    screen.getByRole('button', { name: 'Reorder Apple' }).focus();
    await user.keyboard(' {ArrowUp} ');
    expect(order()).toEqual(['Apple', 'Banana', 'Cherry', 'Date']);
    expect(onReorder).not.toHaveBeenCalled(); // dropped where it started

    screen.getByRole('button', { name: 'Reorder Date' }).focus();
    await user.keyboard(' {ArrowDown}{Escape}');
    expect(order()).toEqual(['Apple', 'Banana', 'Cherry', 'Date']);
  });
});

describe('SortableList with the mouse', () => {
  it('reorders with native drag and drop', () => {
    const onReorder = vi.fn();
    render(<Harness onReorder={onReorder} />);

    const transfer = dataTransfer();
    fireEvent.dragStart(item('Apple'), { dataTransfer: transfer });
    expect(transfer.setData).toHaveBeenCalledWith('text/plain', 'a');
    fireEvent.dragOver(item('Cherry'), { dataTransfer: transfer });
    expect(order()).toEqual(['Banana', 'Cherry', 'Apple', 'Date']);
    fireEvent.drop(item('Apple'), { dataTransfer: transfer });
    fireEvent.dragEnd(item('Apple'), { dataTransfer: transfer });

    expect(onReorder).toHaveBeenCalledExactlyOnceWith(['Banana', 'Cherry', 'Apple', 'Date']);
    expect(order()).toEqual(['Banana', 'Cherry', 'Apple', 'Date']);
  });

  it('restores the order when the item is released outside the list', () => {
    const onReorder = vi.fn();
    render(<Harness onReorder={onReorder} />);

    const transfer = dataTransfer();
    fireEvent.dragStart(item('Date'), { dataTransfer: transfer });
    fireEvent.dragOver(item('Apple'), { dataTransfer: transfer });
    expect(order()).toEqual(['Date', 'Apple', 'Banana', 'Cherry']);
    fireEvent.dragEnd(item('Date'), { dataTransfer: transfer }); // no drop event

    expect(order()).toEqual(['Apple', 'Banana', 'Cherry', 'Date']);
    expect(onReorder).not.toHaveBeenCalled();
  });
});
