import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import SignupForm, { validateSignup } from './SignupForm.jsx';

async function fillValidForm(user) {
  await user.type(screen.getByLabelText('Name'), 'Ada');
  await user.type(screen.getByLabelText('Email'), 'ada@example.com');
  await user.type(screen.getByLabelText('Password'), 'correct horse');
  await user.type(screen.getByLabelText('Confirm password'), 'correct horse');
}

describe('SignupForm', () => {
  it('shows no errors before the user interacts', () => {
    render(<SignupForm onSubmit={vi.fn()} />);
    expect(screen.getByLabelText('Email')).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByText(/enter your/i)).not.toBeInTheDocument();
  });

  it('shows a field error on blur, linked to the input', async () => {
    const user = userEvent.setup();
    render(<SignupForm onSubmit={vi.fn()} />);

    const email = screen.getByLabelText('Email');
    await user.type(email, 'ada@');
    await user.tab();

    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Enter an email address like name@example.com.');
    // Other fields were not touched, so they stay quiet.
    expect(screen.getByLabelText('Password')).not.toHaveAttribute('aria-invalid');
  });

  it('clears the error as soon as the value becomes valid', async () => {
    const user = userEvent.setup();
    render(<SignupForm onSubmit={vi.fn()} />);

    const email = screen.getByLabelText('Email');
    await user.click(email);
    await user.tab();
    expect(email).toHaveAccessibleDescription('Enter your email address.');

    await user.type(email, 'ada@example.com');
    expect(email).not.toHaveAttribute('aria-invalid');
    expect(email).not.toHaveAccessibleDescription();
  });

  it('on an invalid submit shows every error, focuses the first bad field and does not submit', async () => {
    const onSubmit = vi.fn();
    const user = userEvent.setup();
    render(<SignupForm onSubmit={onSubmit} />);

    await user.type(screen.getByLabelText('Name'), 'Ada');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Email')).toHaveFocus();
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Enter your email address.');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Use at least 8 characters.');
    expect(screen.getByLabelText('Name')).not.toHaveAttribute('aria-invalid');
  });

  it('submits the values when valid and disables the button while pending', async () => {
    let finish;
    const onSubmit = vi.fn(() => new Promise((resolve) => (finish = resolve)));
    const user = userEvent.setup();
    render(<SignupForm onSubmit={onSubmit} />);

    await fillValidForm(user);
    await user.keyboard('{Enter}');

    expect(onSubmit).toHaveBeenCalledWith({
      name: 'Ada',
      email: 'ada@example.com',
      password: 'correct horse',
      confirm: 'correct horse',
    });
    expect(screen.getByRole('button', { name: 'Creating account…' })).toBeDisabled();
    finish();
    expect(await screen.findByRole('button', { name: 'Create account' })).toBeEnabled();
  });

  it('shows a server error from onSubmit', async () => {
    const onSubmit = vi.fn().mockRejectedValue(new Error('That email is already registered.'));
    const user = userEvent.setup();
    render(<SignupForm onSubmit={onSubmit} />);

    await fillValidForm(user);
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That email is already registered.');
  });
});

describe('validateSignup', () => {
  it('catches a password mismatch and trims whitespace-only names', () => {
    const errors = validateSignup({ name: '   ', email: 'a@b.co', password: '12345678', confirm: '1234567' });
    expect(errors).toEqual({ name: 'Enter your name.', confirm: 'The passwords do not match.' });
  });
});
