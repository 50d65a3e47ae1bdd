import { useId, useState } from 'react';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// Pure: values in, { field: message } out. Easy to unit test and to share with other forms.
export function validateSignup(values) {
  const errors = {};
  if (!values.name.trim()) errors.name = 'Enter your name.';
  if (!values.email.trim()) errors.email = 'Enter your email address.';
  else if (!EMAIL.test(values.email.trim())) errors.email = 'Enter an email address like name@example.com.';
  if (values.password.length < 8) errors.password = 'Use at least 8 characters.';
  if (values.confirm !== values.password) errors.confirm = 'The passwords do not match.';
  return errors;
}

// Reusable form state: errors are derived from the values on every render, and a field shows
// its error only once it was touched (blurred) or the user tried to submit.
export function useForm({ initialValues, validate, onSubmit }) {
  const [values, setValues] = useState(initialValues);
  const [touched, setTouched] = useState({});
  const [submitAttempted, setSubmitAttempted] = useState(false);
  const [isSubmitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState(null);

  const errors = validate(values);
  const visibleError = (name) => (touched[name] || submitAttempted ? errors[name] : undefined);

  function handleChange(event) {
    const { name, value } = event.target;
    setValues((current) => ({ ...current, [name]: value }));
  }

  function handleBlur(event) {
    const { name } = event.target;
    setTouched((current) => ({ ...current, [name]: true }));
  }

  async function handleSubmit(event) {
    event.preventDefault();
    setSubmitAttempted(true);
    setSubmitError(null);
    const firstInvalid = Object.keys(initialValues).find((name) => errors[name]);
    if (firstInvalid) {
      event.currentTarget.elements.namedItem(firstInvalid)?.focus();
      return;
    }
    setSubmitting(true);
    try {
      await onSubmit(values);
    } catch (error) {
      setSubmitError(error.message);
    } finally {
      setSubmitting(false);
    }
  }

  return { values, visibleError, isSubmitting, submitError, handleChange, handleBlur, handleSubmit };
}

function Field({ form, name, label, type = 'text', autoComplete }) {
  const id = useId();
  const errorId = `${id}-error`;
  const error = form.visibleError(name);
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        value={form.values[name]}
        onChange={form.handleChange}
        onBlur={form.handleBlur}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

export default function SignupForm({ onSubmit }) {
  const form = useForm({
    initialValues: { name: '', email: '', password: '', confirm: '' },
    validate: validateSignup,
    onSubmit,
  });

  return (
    // noValidate: our messages replace the browser's bubbles, so errors look and read the same.
    <form noValidate onSubmit={form.handleSubmit} aria-label="Sign up">
      <Field form={form} name="name" label="Name" autoComplete="name" />
      <Field form={form} name="email" label="Email" type="email" autoComplete="email" />
      <Field form={form} name="password" label="Password" type="password" autoComplete="new-password" />
      <Field form={form} name="confirm" label="Confirm password" type="password" autoComplete="new-password" />
      {form.submitError && <p role="alert">{form.submitError}</p>}
      <button type="submit" disabled={form.isSubmitting}>
        {form.isSubmitting ? 'Creating account…' : 'Create account'}
      </button>
    </form>
  );
}
