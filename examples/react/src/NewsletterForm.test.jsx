import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import NewsletterForm from './NewsletterForm.jsx';

function renderForm(subscribe = vi.fn().mockResolvedValue(undefined)) {
  const user = userEvent.setup();
  render(<NewsletterForm subscribe={subscribe} />);
  return { user, subscribe };
}

describe('NewsletterForm', () => {
  it('sends what the user entered and confirms', async () => {
    const { user, subscribe } = renderForm();

    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.click(screen.getByRole('checkbox', { name: 'Django' }));
    await user.click(screen.getByRole('checkbox', { name: 'React' }));
    await user.selectOptions(screen.getByLabelText('Frequency'), 'Monthly');
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));

    expect(await screen.findByRole('status')).toHaveTextContent(
      'Check ada@example.com to confirm your subscription.',
    );
    expect(subscribe).toHaveBeenCalledExactlyOnceWith({
      email: 'ada@example.com',
      topics: ['django', 'react'],
      frequency: 'monthly',
    });
  });

  it('submits with Enter from the email field', async () => {
    const { user, subscribe } = renderForm();
    await user.click(screen.getByRole('checkbox', { name: 'PostgreSQL' }));
    await user.type(screen.getByLabelText('Email'), 'ada@example.com{Enter}');

    expect(await screen.findByRole('status')).toBeInTheDocument();
    expect(subscribe).toHaveBeenCalledTimes(1);
  });

  it('disables the button while the request is pending', async () => {
    let finish;
    const subscribe = vi.fn(() => new Promise((resolve) => (finish = resolve)));
    const { user } = renderForm(subscribe);

    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.click(screen.getByRole('checkbox', { name: 'React' }));
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));

    const pending = await screen.findByRole('button', { name: 'Subscribing…' });
    expect(pending).toBeDisabled();
    await user.click(pending); // a second click does nothing
    expect(subscribe).toHaveBeenCalledTimes(1);

    finish();
    expect(await screen.findByRole('status')).toBeInTheDocument();
  });

  it('explains a validation error, keeps the input and does not call the API', async () => {
    const { user, subscribe } = renderForm();
    await user.type(screen.getByLabelText('Email'), 'ada.example.com');
    await user.click(screen.getByRole('checkbox', { name: 'React' }));
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Enter a valid email address.');
    const email = screen.getByLabelText('Email');
    expect(email).toHaveValue('ada.example.com');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Enter a valid email address.');
    expect(screen.getByRole('checkbox', { name: 'React' })).toBeChecked();
    expect(subscribe).not.toHaveBeenCalled();
  });

  it('shows the server error and lets the user retry', async () => {
    const subscribe = vi
      .fn()
      .mockRejectedValueOnce(new Error('This address is already subscribed.'))
      .mockResolvedValueOnce(undefined);
    const { user } = renderForm(subscribe);

    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.click(screen.getByRole('checkbox', { name: 'Django' }));
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('already subscribed');

    await user.click(screen.getByRole('button', { name: 'Subscribe' }));
    expect(await screen.findByRole('status')).toBeInTheDocument();
    expect(subscribe).toHaveBeenCalledTimes(2);
  });
});
