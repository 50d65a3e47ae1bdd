import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import InviteForm, { validateRows } from './InviteForm.jsx';

const row = (n) => screen.getByRole('group', { name: `Teammate ${n}` });
const emailIn = (n) => within(row(n)).getByLabelText('Email');

describe('InviteForm', () => {
  it('adds rows, focuses the new one, and submits the array without ids', async () => {
    const onSubmit = vi.fn();
    const user = userEvent.setup();
    render(<InviteForm onSubmit={onSubmit} />);

    await user.type(emailIn(1), 'ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Add teammate' }));
    expect(emailIn(2)).toHaveFocus();
    await user.keyboard('grace@example.com ');
    await user.selectOptions(within(row(2)).getByLabelText('Role'), 'admin');

    await user.click(screen.getByRole('button', { name: 'Send invites' }));
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith([
      { email: 'ada@example.com', role: 'viewer' },
      { email: 'grace@example.com', role: 'admin' },
    ]);
  });

  it('removes the right row: the rows below keep their values', async () => {
    const user = userEvent.setup();
    render(<InviteForm onSubmit={vi.fn()} />);

    await user.type(emailIn(1), 'first@example.com');
    await user.click(screen.getByRole('button', { name: 'Add teammate' }));
    await user.keyboard('second@example.com');
    await user.click(screen.getByRole('button', { name: 'Add teammate' }));
    await user.keyboard('third@example.com');

    await user.click(screen.getByRole('button', { name: 'Remove teammate 2' }));
    expect(screen.getAllByRole('group')).toHaveLength(2);
    expect(emailIn(1)).toHaveFocus(); // focus moved to the row above, not lost
    expect(emailIn(1)).toHaveValue('first@example.com');
    expect(emailIn(2)).toHaveValue('third@example.com');
  });

  it('shows field errors on submit, per row, and does not submit', async () => {
    const onSubmit = vi.fn();
    const user = userEvent.setup();
    render(<InviteForm onSubmit={onSubmit} />);

    await user.type(emailIn(1), 'Ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Add teammate' }));
    await user.keyboard('ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Add teammate' }));

    await user.click(screen.getByRole('button', { name: 'Send invites' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(emailIn(1)).not.toHaveAttribute('aria-invalid');
    expect(emailIn(2)).toHaveAccessibleDescription('This email is already in the list.');
    expect(emailIn(3)).toHaveAccessibleDescription('Enter an email address.');
    expect(emailIn(2)).toHaveFocus();

    // After the first submit, errors update as the user fixes them.
    await user.clear(emailIn(2));
    await user.type(emailIn(2), 'grace@example.com');
    expect(emailIn(2)).not.toHaveAttribute('aria-invalid');
  });

  it('keeps at least one row and caps the number of rows', async () => {
    const user = userEvent.setup();
    render(<InviteForm onSubmit={vi.fn()} maxRows={3} />);

    expect(screen.getByRole('button', { name: 'Remove teammate 1' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Add teammate' }));
    await user.click(screen.getByRole('button', { name: 'Add teammate' }));
    expect(screen.getAllByRole('group')).toHaveLength(3);
    expect(screen.getByRole('button', { name: 'Add teammate' })).toBeDisabled();
    expect(screen.getByText('You can invite up to 3 people at a time.')).toBeInTheDocument();
  });
});

describe('validateRows', () => {
  it('treats emails case-insensitively and ignores surrounding spaces', () => {
    const rows = [
      { id: 'x', email: ' a@b.co ', role: 'viewer' },
      { id: 'y', email: 'A@B.CO', role: 'admin' },
      { id: 'z', email: 'not-an-email', role: 'viewer' },
    ];
    expect(validateRows(rows)).toEqual({
      y: { email: 'This email is already in the list.' },
      z: { email: 'Enter a valid email address.' },
    });
  });
});
